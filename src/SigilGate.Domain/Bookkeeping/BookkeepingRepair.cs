namespace SigilGate.Domain.Bookkeeping;

/// <summary>How to repair each kind of bookkeeping key, as the messages say it.</summary>
public static class BookkeepingRepair
{
    /// <summary>
    /// A key Git can tell again (the applied pointer, a version): without it the record or commit
    /// is unknown, and a reconcile writes both from the branch tip, keeping whatever it overwrites.
    /// </summary>
    public static string Rewrite(string key) => $"'etcdctl del {key}', then 'sigil reconcile --repo BARE'";

    /// <summary>A kept losing version: a person's to look at; nothing else depends on it.</summary>
    public static string Kept(string key) => $"look at it with 'etcdctl get {key}', then 'etcdctl del {key}'";

    /// <summary>A drift first-seen time: written anew by the next drift run once deleted.</summary>
    public static string FirstSeen(string key) => $"'etcdctl del {key}' (the next 'sigil drift' records the difference anew)";
}
