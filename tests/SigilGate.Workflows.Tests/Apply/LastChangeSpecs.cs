using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;

namespace SigilGate.Workflows.Tests.Apply;

/// <summary>A record without a sidecar is dated by the commit that last changed it, not by the tip.</summary>
public class LastChangeSpecs
{
    private InMemoryRepository history = null!;

    [SetUp]
    public void NewHistory() => history = new InMemoryRepository();

    private string Commit(params TreeChange[] changes) => history.Commit("main", "commit", changes);

    private DateTimeOffset TimeOf(string sha) => history.FindCommit(sha)!.CommitterTime;

    private DateTimeOffset LastChangeAtTip(string path) => LastChange.TimeOf(history, history.FindCommit(history.BranchTip("main")!)!, path);

    [Test]
    public void Later_commits_that_leave_the_file_alone_do_not_move_its_date()
    {
        Commit(("a.yaml", "1"));
        var changed = Commit(("a.yaml", "2"));
        Commit(("b.yaml", "x"));
        Commit(("c.yaml", "y"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(changed));
    }

    [Test]
    public void A_file_changed_by_the_tip_is_dated_by_the_tip()
    {
        Commit(("a.yaml", "1"));
        var tip = Commit(("a.yaml", "2"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(tip));
    }

    [Test]
    public void A_file_written_back_to_an_earlier_content_is_dated_by_the_write()
    {
        Commit(("a.yaml", "1"));
        Commit(("a.yaml", "2"));
        var back = Commit(("a.yaml", "1"));
        Commit(("b.yaml", "x"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(back));
    }

    [Test]
    public void A_deleted_file_is_dated_by_its_deletion()
    {
        Commit(("a.yaml", "1"));
        var deleted = Commit(("a.yaml", null));
        Commit(("b.yaml", "x"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(deleted));
    }

    [Test]
    public void A_file_unchanged_since_the_first_commit_is_dated_by_it()
    {
        var first = Commit(("a.yaml", "1"));
        Commit(("b.yaml", "x"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(first));
    }

    [Test]
    public void A_file_a_merge_took_unchanged_from_its_second_parent_is_dated_by_the_commit_that_changed_it_there()
    {
        // base; main changes a.yaml; an operator's commit on the old base; 'git pull' (her commit first).
        var start = Commit(("a.yaml", "1"));
        var mainChange = Commit(("a.yaml", "2"));
        var hers = history.CommitOn([start], "operator", ("b.yaml", "x"));
        history.SetBranch("main", hers);
        history.Merge("main", mainChange, "merge", ("a.yaml", "2"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(mainChange));
        LastChangeAtTip("b.yaml").ShouldBe(TimeOf(hers));
    }

    [Test]
    public void A_file_a_merge_changed_itself_is_dated_by_the_merge()
    {
        var start = Commit(("a.yaml", "1"));
        var mainChange = Commit(("a.yaml", "2"));
        history.SetBranch("main", history.CommitOn([start], "operator", ("a.yaml", "3")));
        var merge = history.Merge("main", mainChange, "merge", ("a.yaml", "4"));

        LastChangeAtTip("a.yaml").ShouldBe(TimeOf(merge));
    }
}

/// <summary>
/// Many paths dated at once are dated as each alone would be, whatever the history (merges either
/// way round, files written back, deleted, recreated, backdated and same-minute commits), and the
/// walk reads each commit once for all of them.
/// </summary>
public class LastChangeOfManySpecs
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void Paths_dated_together_are_dated_as_each_alone(int seed)
    {
        var (history, commits, paths) = RecordHistories.Generate(seed);

        foreach (var tip in commits.TakeLast(10).Select(sha => history.FindCommit(sha)!))
        {
            var together = LastChange.TimesOf(history, tip, paths);

            foreach (var path in paths) together[path].ShouldBe(AloneTimeOf(history, tip, path), $"{path} from {tip.Sha}");
        }
    }

    [Test]
    public void Only_the_commits_that_changed_a_walked_path_are_read()
    {
        var history = new InMemoryRepository();
        var paths = Enumerable.Range(0, 100).Select(i => $"state/core-1/entries/e-{i}.yaml").ToArray();
        var start = history.Commit("main", "start", [.. paths.Select(p => (TreeChange)(p, "0"))]);
        for (var i = 0; i < 30; i++) history.Commit("main", "other", ($"state/core-1/entries/other-{i}.yaml", "x"));
        var changed = history.Commit("main", "e-5 and e-6", ("state/core-1/entries/e-5.yaml", "1"), ("state/core-1/entries/e-6.yaml", "1"));
        for (var i = 0; i < 30; i++) history.Commit("main", "other", ($"state/core-1/entries/more-{i}.yaml", "x"));
        var tip = history.FindCommit(history.BranchTip("main")!)!;
        var before = history.FilesReads;

        var times = LastChange.TimesOf(history, tip, paths);

        // The tip's contents, then the parent of the one commit that changed walked paths: not the 60
        // commits that changed the folder around them, nor once per path.
        (history.FilesReads - before).ShouldBe(2);
        times["state/core-1/entries/e-5.yaml"].ShouldBe(history.FindCommit(changed)!.CommitterTime);
        times["state/core-1/entries/e-1.yaml"].ShouldBe(history.FindCommit(start)!.CommitterTime);
    }

    /// <summary>The walk of one path, step by step: the model the walk of many must agree with.</summary>
    private static DateTimeOffset AloneTimeOf(InMemoryRepository history, Domain.Git.CommitInfo commit, string path)
    {
        string? ContentAt(string sha) => history.Files(sha, [path]).Find(path)?.ObjectId;
        var current = commit;
        var content = ContentAt(current.Sha);
        while (true)
        {
            var same = current.Parents.FirstOrDefault(parent => ContentAt(parent) == content);
            if (same is null || history.FindCommit(same) is not { } parent) break;
            current = parent;
        }

        return current.CommitterTime;
    }
}
