namespace SigilGate.Bench;

/// <summary>One size of the scale scenario: its network, its Core node's area, and what was measured on them.</summary>
internal sealed class ScaleSubject(int size) : IDisposable
{
    public int Size { get; } = size;

    /// <summary>The network of <see cref="Size"/> entries, after its first push (set up first).</summary>
    public ScaleNetwork? Network { get; set; }

    /// <summary>core-1's area of <see cref="Size"/> entries and state records (set up second).</summary>
    public NodeArea? Area { get; set; }

    public ScaleNetwork Net => Network ?? throw new InvalidOperationException("the network is not set up");

    public NodeArea NodeArea => Area ?? throw new InvalidOperationException("the node area is not set up");

    // First push of the whole network (each run into fresh repositories and a fresh prefix).
    public Samples FirstPush { get; } = new();

    public Samples FirstPushPlain { get; } = new();

    public Samples FirstPreReceive { get; } = new();

    public Samples FirstPostReceive { get; } = new();

    /// <summary>Every key the first push's apply wrote, sent as 128-put Txns from one client.</summary>
    public Samples FirstBaseline { get; } = new();

    public long FirstKeys { get; set; }

    // One-file push, hooks vs plain.
    public Samples Hooked { get; } = new();

    public Samples Plain { get; } = new();

    public Samples PreReceive { get; } = new();

    public Samples PostReceive { get; } = new();

    public int Applied { get; set; }

    // sigil drift vs etcdctl get --prefix.
    /// <summary>The same drift by the executables of <c>SIGIL_COMPARE_BIN</c>, when set (another build, timed in the same rounds).</summary>
    public Samples DriftCompared { get; } = new();

    public Samples Drift { get; } = new();

    public Samples Etcdctl { get; } = new();

    public long DriftKeys { get; set; }

    // The pusher.
    public Samples Idle { get; } = new();

    public ChangeCase? Changed { get; set; }

    /// <summary>Runs after raw writes of records the node has not changed before (no version sidecar in Git yet).</summary>
    public ChangeCase? FirstChanged { get; set; }

    public void Dispose()
    {
        Area?.Dispose();
        Network?.Dispose();
    }
}
