namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>Commits, branches and history walks.</summary>
public abstract partial class RepositoryReaderContract
{
    [Test]
    public async Task A_commit_is_found_with_its_parents_time_subject_author_and_committer()
    {
        var first = History.Commit("main", "first", ("a.yaml", "1"));
        History.AuthorName = "Alice Author";
        History.CommitterName = "Carl Committer";
        var second = History.Commit("main", "second line one\n\nthe body", ("a.yaml", "2"));

        using var reader = await Open();
        var commit = reader.FindCommit(second).ShouldNotBeNull();

        commit.Sha.ShouldBe(second);
        commit.Parents.ShouldBe([first]);
        commit.CommitterTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_795_000_060));
        commit.Subject.ShouldBe("second line one");
        commit.AuthorName.ShouldBe("Alice Author");
        commit.CommitterName.ShouldBe("Carl Committer");
        reader.FindCommit(first).ShouldNotBeNull().Parents.ShouldBeEmpty();
    }

    [Test]
    public async Task A_commit_the_repository_does_not_hold_is_not_found()
    {
        History.Commit("main", "first", ("a.yaml", "1"));

        using var reader = await Open();

        reader.FindCommit(new string('a', 40)).ShouldBeNull();
    }

    [Test]
    public async Task A_branch_tip_is_the_commit_the_branch_points_at_and_a_missing_branch_has_none()
    {
        var first = History.Commit("main", "first", ("a.yaml", "1"));
        var second = History.Commit("main", "second", ("a.yaml", "2"));
        History.SetBranch("old", first);

        using var reader = await Open();

        reader.BranchTip("main").ShouldBe(second);
        reader.BranchTip("old").ShouldBe(first);
        reader.BranchTip("nope").ShouldBeNull();
    }

    [Test]
    public async Task A_repository_without_commits_has_no_branches()
    {
        using var reader = await Open();

        reader.BranchNames().ShouldBeEmpty();
    }

    [Test]
    public async Task The_branches_are_listed_by_their_short_names_sorted()
    {
        var first = History.Commit("main", "first", ("a.yaml", "1"));
        History.SetBranch("release/1", first);
        History.SetBranch("feature", first);

        using var reader = await Open();

        reader.BranchNames().ShouldBe(["feature", "main", "release/1"]);
    }

    [Test]
    public async Task Commits_between_are_those_the_new_commit_reaches_and_the_old_does_not_parents_first()
    {
        var (start, side1, side2, main1, merge) = BranchedHistory();
        var after = History.Commit("main", "after merge", ("d.yaml", "1"));

        using var reader = await Open();
        var between = Shas(reader.CommitsBetween(start, after));

        between.ShouldBe([side1, side2, main1, merge, after], ignoreOrder: true);
        Array.IndexOf(between, side1).ShouldBeLessThan(Array.IndexOf(between, side2));
        Array.IndexOf(between, side2).ShouldBeLessThan(Array.IndexOf(between, merge));
        Array.IndexOf(between, main1).ShouldBeLessThan(Array.IndexOf(between, merge));
        between[^1].ShouldBe(after);
        Shas(reader.CommitsBetween(main1, merge)).ShouldBe([side1, side2, merge]);
    }

    [Test]
    public async Task Commits_between_nothing_and_a_commit_are_its_whole_history_and_a_commit_and_itself_none()
    {
        var first = History.Commit("main", "first", ("a.yaml", "1"));
        var second = History.Commit("main", "second", ("a.yaml", "2"));
        var third = History.Commit("main", "third", ("a.yaml", "3"));

        using var reader = await Open();

        Shas(reader.CommitsBetween(null, third)).ShouldBe([first, second, third]);
        reader.CommitsBetween(third, third).ShouldBeEmpty();
        reader.CommitsBetween(third, first).ShouldBeEmpty();
    }

    [Test]
    public async Task The_first_parent_chain_leaves_out_what_merges_brought_in_oldest_first()
    {
        var (start, _, _, main1, merge) = BranchedHistory();
        var after = History.Commit("main", "after merge", ("d.yaml", "1"));

        using var reader = await Open();

        Shas(reader.FirstParentChain(start, after)).ShouldBe([main1, merge, after]);
        Shas(reader.FirstParentChain(null, after)).ShouldBe([start, main1, merge, after]);
        reader.FirstParentChain(after, after).ShouldBeEmpty();
    }

    [Test]
    public async Task A_first_parent_chain_from_a_commit_off_that_chain_runs_to_the_root()
    {
        var (start, side1, _, main1, merge) = BranchedHistory();

        using var reader = await Open();

        Shas(reader.FirstParentChain(side1, merge)).ShouldBe([start, main1, merge]);
    }

    [Test]
    public async Task A_commit_is_its_own_ancestor_its_parents_are_ancestors_and_its_children_are_not()
    {
        var (start, side1, side2, main1, merge) = BranchedHistory();

        using var reader = await Open();

        reader.IsAncestor(merge, merge).ShouldBeTrue();
        reader.IsAncestor(start, merge).ShouldBeTrue();
        reader.IsAncestor(side1, merge).ShouldBeTrue();
        reader.IsAncestor(merge, side2).ShouldBeFalse();
        reader.IsAncestor(side1, main1).ShouldBeFalse();
        reader.IsAncestor(main1, side2).ShouldBeFalse();
        reader.IsAncestor(new string('b', 40), merge).ShouldBeFalse();
    }

    [Test]
    public async Task The_merge_base_of_two_lines_is_where_they_parted_and_of_a_commit_and_its_descendant_the_commit()
    {
        var (start, _, side2, main1, merge) = BranchedHistory();

        using var reader = await Open();

        reader.MergeBase(main1, side2).ShouldBe(start);
        reader.MergeBase(side2, main1).ShouldBe(start);
        reader.MergeBase(main1, merge).ShouldBe(main1);
        reader.MergeBase(merge, merge).ShouldBe(merge);
    }

    [Test]
    public async Task Unrelated_histories_have_no_merge_base_and_neither_is_an_ancestor_of_the_other()
    {
        var ours = History.Commit("main", "ours", ("a.yaml", "1"));
        var theirs = History.Commit("other", "theirs", ("a.yaml", "1"));
        var joined = History.Merge("main", theirs, "join unrelated histories", ("b.yaml", "2"));

        using var reader = await Open();

        reader.MergeBase(ours, theirs).ShouldBeNull();
        reader.IsAncestor(ours, theirs).ShouldBeFalse();
        reader.IsAncestor(theirs, ours).ShouldBeFalse();
        reader.IsAncestor(theirs, joined).ShouldBeTrue();
        reader.MergeBase(theirs, joined).ShouldBe(theirs);
        Shas(reader.CommitsBetween(ours, joined)).ShouldBe([theirs, joined]);
        Shas(reader.FirstParentChain(null, joined)).ShouldBe([ours, joined]);
    }

    /// <summary>
    /// start ─ main1 ─────── merge (main)
    ///     └─ side1 ─ side2 ─┘
    /// </summary>
    private (string Start, string Side1, string Side2, string Main1, string Merge) BranchedHistory()
    {
        var start = History.Commit("main", "start", ("a.yaml", "a0"), ("b.yaml", "b0"));
        History.SetBranch("side", start);
        var side1 = History.Commit("side", "side 1", ("b.yaml", "b1"));
        var side2 = History.Commit("side", "side 2", ("c.yaml", "c1"));
        var main1 = History.Commit("main", "main 1", ("a.yaml", "a1"));
        var merge = History.Merge("main", side2, "merge side", ("b.yaml", "b1"), ("c.yaml", "c1"));
        return (start, side1, side2, main1, merge);
    }
}
