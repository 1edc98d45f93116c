namespace SigilGate.Testing.Model;

/// <summary>
/// The model's account of every write: each value written and accepted (an operator's pushed
/// record, a raw etcd write), what each writer had read before writing (its "seen" values), the
/// values raw writes put into etcd, and the state records whose etcd value is newer than Git's
/// (written in etcd, not mirrored yet by a clean run of the node's pusher).
/// </summary>
public sealed class ModelLedger
{
    private readonly Dictionary<RecordValue, HashSet<RecordValue>> seen = [];
    private readonly Dictionary<RecordValue, string> origin = [];
    private readonly HashSet<RecordValue> raw = [];
    private readonly HashSet<RecordValue> discarded = [];
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);
    private readonly Lock gate = new(); // the pusher and an operator's push can finish at the same time

    /// <summary>A forced <c>sigil reconcile</c> made etcd equal to Git everywhere (keeping what it overwrote).</summary>
    public void Reconciled()
    {
        lock (gate) dirty.Clear();
    }

    /// <summary>Every value written, with who wrote it and at which step (the first time).</summary>
    public IReadOnlyDictionary<RecordValue, string> Written => origin;

    /// <summary>State record paths whose etcd value Git has not caught up with yet.</summary>
    public IReadOnlySet<string> Dirty => dirty;

    public void Write(RecordValue value, IEnumerable<RecordValue> before, string who)
    {
        lock (gate) Add(value, before, who);
    }

    private void Add(RecordValue value, IEnumerable<RecordValue> before, string who)
    {
        if (!seen.TryGetValue(value, out var set)) seen[value] = set = [];
        foreach (var b in before) if (b != value) set.Add(b);
        origin.TryAdd(value, who);
    }

    public void RawWrite(RecordValue value, RecordValue before, string who)
    {
        lock (gate)
        {
            Add(value, [before], who);
            raw.Add(value);
            dirty.Add(value.Path);
        }
    }

    public bool IsRawWrite(RecordValue value)
    {
        lock (gate) return raw.Contains(value);
    }

    /// <summary>Values a person discarded with <c>sigil conflicts resolve</c>: gone by a recorded decision, not lost.</summary>
    public IReadOnlySet<RecordValue> Discarded => discarded;

    public void Discard(RecordValue value)
    {
        lock (gate) discarded.Add(value);
    }

    /// <summary>A clean run of the node's pusher brought Git up to etcd for its whole area.</summary>
    public void Mirrored(string core)
    {
        lock (gate) dirty.RemoveWhere(p => p.StartsWith($"state/{core}/", StringComparison.Ordinal));
    }

    /// <summary>Every value <paramref name="value"/>'s writers had seen, directly or through others.</summary>
    public HashSet<RecordValue> PastOf(RecordValue value)
    {
        var past = new HashSet<RecordValue>();
        var pending = new Stack<RecordValue>([value]);
        while (pending.TryPop(out var current))
        {
            if (!seen.TryGetValue(current, out var before)) continue;
            foreach (var b in before) if (past.Add(b)) pending.Push(b);
        }

        return past;
    }
}
