using SigilGate.Domain.Store;
using SigilGate.Git;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Apply;

/// <summary>The apply engine on a real repository: interrupted applies resume, and nothing is applied twice.</summary>
public class ResumableApplySpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private GitEnvironment _environment = null!;
    private BareRepository _bare = null!;
    private string _tip = "";

    [SetUp]
    public async Task CreateRepositoryWithALargeCommit()
    {
        _environment = new GitEnvironment();
        _bare = await BareRepository.CreateAsync(_environment, "http://127.0.0.1:1", withHooks: false);
        using var clone = await Clone.OfAsync(_bare);
        Network.WriteBase(clone);
        for (var i = 0; i < 300; i++) clone.Write($"nodes/entry/bulk-{i}.yaml", Network.Entry($"bulk-{i}", "core-1", $"10.2.{i / 200}.{i % 200}:443"));
        _tip = await clone.CommitAllAsync("300 entries");
        (await clone.PushAsync("root")).ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void Remove()
    {
        _bare.Dispose();
        _environment.Dispose();
    }

    [Test]
    public async Task An_apply_cut_off_between_batches_leaves_the_commit_pending_and_a_rerun_completes_it()
    {
        var store = new InMemoryKeyValueStore();
        using var repository = GitRepositories.Open(_bare.Path, new Dictionary<string, string?>());

        await Should.ThrowAsync<StoreUnavailableException>(() => Applier(repository, new FailingStore(store, commitsBeforeFailure: 2)).ApplyAsync(_tip, null));

        var partial = store.Snapshot();
        partial.Count.ShouldBeGreaterThan(0);
        partial.ShouldNotContain(v => v.Key == Keys.Applied);

        var reports = await Applier(repository, store).ApplyAsync(_tip, null);

        reports.Single().Commit.Sha.ShouldBe(_tip);
        var data = store.Snapshot().Where(v => Keys.SuffixOfData(v.Key) is not null).ToList();
        data.Count.ShouldBe(307);
        (await Applier(repository, store).ReadPointerAsync()).Commit.ShouldBe(_tip);
    }

    [Test]
    public async Task A_rerun_after_an_interruption_writes_each_record_once()
    {
        var store = new InMemoryKeyValueStore();
        using var repository = GitRepositories.Open(_bare.Path, new Dictionary<string, string?>());
        await Should.ThrowAsync<StoreUnavailableException>(() => Applier(repository, new FailingStore(store, commitsBeforeFailure: 3)).ApplyAsync(_tip, null));
        var firstPass = store.Snapshot().Where(v => Keys.SuffixOfData(v.Key) is not null).ToDictionary(v => v.Key, v => v.ModRevision);

        await Applier(repository, store).ApplyAsync(_tip, null);

        // Records written before the interruption were not written again.
        var after = store.Snapshot().ToDictionary(v => v.Key, v => v.ModRevision);
        firstPass.ShouldAllBe(written => after[written.Key] == written.Value);
    }

    [Test]
    public async Task Applying_an_applied_commit_again_writes_nothing()
    {
        var store = new InMemoryKeyValueStore();
        using var repository = GitRepositories.Open(_bare.Path, new Dictionary<string, string?>());
        await Applier(repository, store).ApplyAsync(_tip, null);
        var revision = store.Revision;

        (await Applier(repository, store).ApplyAsync(_tip, null)).ShouldBeEmpty();

        store.Revision.ShouldBe(revision);
    }

    [Test]
    public async Task A_large_commit_moves_the_pointer_only_with_its_last_batch()
    {
        var store = new InMemoryKeyValueStore();
        using var repository = GitRepositories.Open(_bare.Path, new Dictionary<string, string?>());

        var report = (await Applier(repository, store).ApplyAsync(_tip, null)).Single();

        var pointer = store.Snapshot().Single(v => v.Key == Keys.Applied);
        pointer.ModRevision.ShouldBe(report.Revision);
        store.Snapshot().Max(v => v.ModRevision).ShouldBe(report.Revision);
        store.Commits.ShouldBeGreaterThan(4);
    }

    private static Applier Applier(SigilGate.Workflows.Ports.IRepositoryReader repository, IKeyValueStore store) =>
        new(repository, store, Keys, StoreLimits.Default, TimeProvider.System);
}
