namespace SigilGate.Testing.Soak;

/// <summary>Every write of a run, thread-safe; answers "had this write seen that one?".</summary>
public sealed class SoakLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SoakWrite> byMarker = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Writer, string Path), string> last = [];

    public void Add(SoakWrite write)
    {
        lock (gate)
        {
            byMarker.Add(write.Marker, write);
            if (!write.Uncertain) last[(write.Writer, write.Path)] = write.Marker;
        }
    }

    /// <summary>The writer's last certain write to the record (program order is causality too).</summary>
    public string? LastOf(string writer, string path)
    {
        lock (gate) return last.GetValueOrDefault((writer, path));
    }

    public IReadOnlyList<SoakWrite> All
    {
        get
        {
            lock (gate) return byMarker.Values.OrderBy(w => w.At).ToList();
        }
    }

    public SoakWrite? Find(string? marker)
    {
        if (marker is null) return null;
        lock (gate) return byMarker.GetValueOrDefault(marker);
    }

    public SoakWrite? FindBySha(string path, string sha256)
    {
        lock (gate) return byMarker.Values.FirstOrDefault(w => w.Path == path && w.Sha256 == sha256);
    }

    /// <summary>Every write <paramref name="marker"/> had seen, directly or through others (itself excluded).</summary>
    public HashSet<string> PastOf(string marker)
    {
        var past = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(marker);
        lock (gate)
        {
            while (pending.TryPop(out var current))
            {
                if (!byMarker.TryGetValue(current, out var write)) continue;
                foreach (var before in new[] { write.Seen, write.Prior })
                {
                    if (before is not null && past.Add(before)) pending.Push(before);
                }
            }
        }

        return past;
    }
}
