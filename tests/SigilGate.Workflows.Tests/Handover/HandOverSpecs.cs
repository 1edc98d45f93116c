using SigilGate.Domain.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Gate;

namespace SigilGate.Workflows.Tests.Handover;

/// <summary>What the gate leaves for the apply: only for an accepted update of the protected branch, and exactly that update.</summary>
public class HandOverSpecs
{
    private InMemoryRepository repository = null!;
    private InMemoryReceivedChangesStore store = null!;
    private string tip = "";

    [SetUp]
    public void AcceptedBase()
    {
        repository = new InMemoryRepository();
        store = new InMemoryReceivedChangesStore();
        tip = repository.Commit("main", "base network", Network.Base);
    }

    private GateVerdict Push(RefUpdate update, params string[] options) =>
        new ReceiveGate(repository, new SigilSettings(), handover: store).Check(new ReceivedPush([update], "alice", options));

    private string Pushed(params TreeChange[] changes) => repository.CommitOn([tip], "change", changes);

    [Test]
    public void An_accepted_push_leaves_the_changed_paths_and_both_sides_files_of_its_update()
    {
        var pushed = Pushed(("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false)), ("README.md", null));

        Push(new RefUpdate(tip, pushed, "refs/heads/main")).Accepted.ShouldBeTrue();

        var kept = store.Kept.ShouldNotBeNull();
        (kept.Old, kept.New).ShouldBe((tip, pushed));
        kept.ChangedPaths.ShouldBe(["README.md", "nodes/entry/e-1.yaml"]);
        var entry = kept.Entries.Single(e => e.Path == "nodes/entry/e-1.yaml");
        entry.Old.ShouldNotBeNull().ObjectId.ShouldBe(repository.Files(tip, ["nodes/entry/e-1.yaml"]).Files.Single().ObjectId);
        entry.New.ShouldNotBeNull().ObjectId.ShouldBe(repository.Files(pushed, ["nodes/entry/e-1.yaml"]).Files.Single().ObjectId);
        kept.Entries.Single(e => e.Path == "README.md").New.ShouldBeNull();

        // The version sidecar the apply reads beside the record is known too: absent on both sides.
        kept.Entries.Single(e => e.Path == ".sigil/versions/nodes/entry/e-1.yaml").ShouldSatisfyAllConditions(e => e.Changed.ShouldBeFalse(), e => e.Old.ShouldBeNull(), e => e.New.ShouldBeNull());
    }

    [Test]
    public void A_rejected_push_leaves_nothing()
    {
        var pushed = Pushed(("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-1", "10.0.0.1:443")));

        Push(new RefUpdate(tip, pushed, "refs/heads/main")).Accepted.ShouldBeFalse();

        store.Saves.ShouldBe(0);
    }

    [Test]
    public void A_dry_run_leaves_nothing()
    {
        var pushed = Pushed(("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        Push(new RefUpdate(tip, pushed, "refs/heads/main"), "sigil.dry-run").Accepted.ShouldBeTrue();

        store.Saves.ShouldBe(0);
    }

    [Test]
    public void A_first_push_leaves_nothing()
    {
        var empty = new InMemoryRepository();
        var first = empty.CommitOn([], "first", Network.Base);

        new ReceiveGate(empty, new SigilSettings(), handover: store)
            .Check(new ReceivedPush([new RefUpdate(RefUpdate.ZeroSha, first, "refs/heads/main")], "root", [])).Accepted.ShouldBeTrue();

        store.Saves.ShouldBe(0);
    }

    [Test]
    public void A_push_to_another_branch_leaves_nothing()
    {
        var pushed = Pushed(("README.md", "# other\n"));

        Push(new RefUpdate(tip, pushed, "refs/heads/topic")).Accepted.ShouldBeTrue();

        store.Saves.ShouldBe(0);
    }
}
