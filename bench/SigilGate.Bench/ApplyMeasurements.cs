namespace SigilGate.Bench;

/// <summary>What the apply scenario measured.</summary>
internal sealed class ApplyMeasurements
{
    /// <summary><c>sigil apply --repo BARE</c> onto a fresh prefix: every record is new.</summary>
    public Samples Apply { get; } = new();

    /// <summary><c>sigil apply</c> again right after, on the same prefix: nothing to do.</summary>
    public Samples NoOpApply { get; } = new();

    /// <summary>The baseline: the same data keys and values as plain 128-put Txns.</summary>
    public Samples Baseline { get; } = new();

    /// <summary>Everything sigil apply wrote (data, version keys, applied pointer) as plain 128-put Txns.</summary>
    public Samples SameWrites { get; } = new();

    /// <summary>The same, 4 Txns in flight on the one connection: what pipelining would give.</summary>
    public Samples SameWritesInFlight { get; } = new();

    /// <summary>CPU time etcd spent during each measured apply (user and system, all its threads).</summary>
    public Samples ApplyEtcdCpu { get; } = new();

    /// <summary>CPU time etcd spent during each baseline run.</summary>
    public Samples BaselineEtcdCpu { get; } = new();

    /// <summary>CPU time etcd spent taking all of sigil's keys as plain Txns, one after another.</summary>
    public Samples SameWritesEtcdCpu { get; } = new();

    public List<long> ApplyRevisions { get; } = [];

    public List<long> BaselineRevisions { get; } = [];

    public List<long> SameWritesRevisions { get; } = [];

    public string ApplyCalls { get; set; } = "";

    public int DataKeys { get; set; }

    public int AllKeys { get; set; }
}
