namespace SigilGate.Testing.Model;

/// <summary>What every operation works with: the real parts, the ledger, the log and the run's one random source.</summary>
public sealed class ModelContext(ModelWorld world, ModelLedger ledger, ModelLog log, Random random)
{
    private int marker;

    public ModelWorld World => world;

    public ModelLedger Ledger => ledger;

    public ModelLog Log => log;

    public Random Random => random;

    public OperatorGit Fresh { get; } = new(world.Fresh);

    public OperatorGit Stale { get; } = new(world.Stale);

    public OperatorPush Pusher { get; } = new(ledger, log);

    public NodeRunner Nodes { get; } = new(world, ledger, log);

    /// <summary>A fresh number for the next write's content.</summary>
    public int NextMarker() => ++marker;

    /// <summary>root or alice: the identities allowed to push operators' changes.</summary>
    public string Identity() => random.Next(4) == 0 ? "root" : "alice";

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Edits a record in the clone with fresh content; returns what it held before.</summary>
    public async Task<RecordValue> EditAsync(OperatorGit git, string path)
    {
        var before = await git.ValueAtAsync("HEAD", path).ConfigureAwait(false);
        git.Clone.Write(path, ModelRecords.Fresh(path, random, NextMarker()));
        return before;
    }

    /// <summary>A record the clone's HEAD has that an operator may edit (never sigil.yaml).</summary>
    public async Task<string> PickRecordAsync(OperatorGit git, bool stateOnly = false)
    {
        var records = (await git.RecordsAtAsync().ConfigureAwait(false)).Where(p => !stateOnly || RecordFiles.IsState(p)).ToList();
        return Pick(records);
    }
}
