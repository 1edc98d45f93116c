using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Versioning;

namespace SigilGate.Workflows.Tests.Apply;

/// <summary>A record without a sidecar is dated by the commit that last changed it, not by the tip.</summary>
public class LastChangeSpecs
{
    [Test]
    public void Later_commits_that_leave_the_file_alone_do_not_move_its_date()
    {
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("a.yaml", "2")).Commit(("b.yaml", "x")).Commit(("c.yaml", "y"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(1));
    }

    [Test]
    public void A_file_changed_by_the_tip_is_dated_by_the_tip()
    {
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("a.yaml", "2"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(1));
    }

    [Test]
    public void A_file_written_back_to_an_earlier_content_is_dated_by_the_write()
    {
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("a.yaml", "2")).Commit(("a.yaml", "1")).Commit(("b.yaml", "x"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(2));
    }

    [Test]
    public void A_deleted_file_is_dated_by_its_deletion()
    {
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("a.yaml", null)).Commit(("b.yaml", "x"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(1));
    }

    [Test]
    public void A_file_unchanged_since_the_first_commit_is_dated_by_it()
    {
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("b.yaml", "x"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(0));
    }

    [Test]
    public void A_file_a_merge_took_unchanged_from_its_second_parent_is_dated_by_the_commit_that_changed_it_there()
    {
        // 0: base; 1: main changes a.yaml; 2: an operator's commit on the old base; 3: 'git pull' (her commit first).
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("a.yaml", "2")).CommitOn(0, ("b.yaml", "x")).Merge(2, 1, ("a.yaml", "2"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(1));
        LastChange.TimeOf(history, history.Tip, "b.yaml").ShouldBe(FileHistory.TimeOf(2));
    }

    [Test]
    public void A_file_a_merge_changed_itself_is_dated_by_the_merge()
    {
        var history = new FileHistory().Commit(("a.yaml", "1")).Commit(("a.yaml", "2")).CommitOn(0, ("a.yaml", "3")).Merge(2, 1, ("a.yaml", "4"));

        LastChange.TimeOf(history, history.Tip, "a.yaml").ShouldBe(FileHistory.TimeOf(3));
    }
}
