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
