using System.Text;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// A tree object in git's own format (<c>"&lt;octal mode&gt; &lt;name&gt;\0&lt;binary id&gt;"</c>,
/// entry after entry, in git's order). Only where each entry's parts begin is worked out up front; names
/// and ids become strings when asked for, so finding a hundred files among 10,000 entries makes a
/// hundred strings, not 20,000.
/// </summary>
internal sealed class RawTree
{
    private readonly byte[] _data;
    private readonly int _idBytes;
    private readonly int[] _starts;
    private readonly int[] _spaces;
    private readonly int[] _nuls;

    /// <exception cref="GitReadException">The object is not a well-formed tree.</exception>
    public RawTree(byte[] data, int idBytes)
    {
        _data = data;
        _idBytes = idBytes;
        var starts = new List<int>();
        var spaces = new List<int>();
        var nuls = new List<int>();
        var span = data.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var space = span[at..].IndexOf((byte)' ');
            var nul = space < 0 ? -1 : span[(at + space)..].IndexOf((byte)0);
            if (space <= 0 || nul < 0 || at + space + nul + 1 + idBytes > span.Length) throw new GitReadException("a tree object is malformed");
            starts.Add(at);
            spaces.Add(at + space);
            nuls.Add(at + space + nul);
            at += space + nul + 1 + idBytes;
        }

        _starts = [.. starts];
        _spaces = [.. spaces];
        _nuls = [.. nuls];
    }

    public int Count => _starts.Length;

    /// <summary>The tree object's content, as git stores it (inflated).</summary>
    public ReadOnlySpan<byte> Bytes => _data;

    public string Name(int entry) => Encoding.UTF8.GetString(NameBytes(entry));

    public string Id(int entry) => Convert.ToHexStringLower(_data.AsSpan(_nuls[entry] + 1, _idBytes));

    public bool IsFolder(int entry) => ModeBytes(entry).SequenceEqual("40000"u8);

    public TreeFileMode Mode(int entry) => ModeBytes(entry) switch
    {
        var mode when mode.SequenceEqual("100755"u8) => TreeFileMode.Executable,
        var mode when mode.SequenceEqual("120000"u8) => TreeFileMode.Symlink,
        var mode when mode.SequenceEqual("160000"u8) => TreeFileMode.Submodule,
        _ => TreeFileMode.Regular,
    };

    /// <summary>The entry of the file (not folder) named <paramref name="name"/>, or -1.</summary>
    public int FindFile(string name)
    {
        var target = Encoding.UTF8.GetBytes(name);
        int low = 0, high = _starts.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = Compare(middle, target);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }

        return -1;
    }

    /// <summary>How entry <paramref name="i"/> of <paramref name="a"/> sorts against entry <paramref name="j"/> of <paramref name="b"/> in git's order (0: same name, both files or both folders).</summary>
    public static int Order(RawTree a, int i, RawTree b, int j) =>
        GitOrder(a.NameBytes(i), a.IsFolder(i), b.NameBytes(j), b.IsFolder(j));

    /// <summary>
    /// How many entries from <paramref name="i"/> of <paramref name="a"/> and <paramref name="j"/> of
    /// <paramref name="b"/> are the same bytes (same name, mode and id): the longest common run of the
    /// two raw trees from there, compared a vector at a time, counted in whole entries. Two versions of
    /// a 100,000-entry folder that differ in one file are two such runs around it.
    /// </summary>
    public static int SameRun(RawTree a, int i, RawTree b, int j)
    {
        var start = a._starts[i];
        var end = start + a._data.AsSpan(start).CommonPrefixLength(b._data.AsSpan(b._starts[j]));

        // Entries i.. that end within the common bytes; an entry ends where the next starts (the last, at the end of the data).
        var next = Array.BinarySearch(a._starts, i, a._starts.Length - i, end);
        if (next >= 0) return next - i;
        next = ~next;
        return next == a._starts.Length && end == a._data.Length ? next - i : Math.Max(0, next - 1 - i);
    }

    /// <summary>True when both entries have the same mode and object id (their names are the caller's to compare).</summary>
    public static bool SameContent(RawTree a, int i, RawTree b, int j) =>
        a.ModeBytes(i).SequenceEqual(b.ModeBytes(j)) && a.IdBytes(i).SequenceEqual(b.IdBytes(j));

    private int Compare(int entry, ReadOnlySpan<byte> file) => GitOrder(NameBytes(entry), IsFolder(entry), file, false);

    // git orders entries by name bytes, a folder's name as if it ended in '/'.
    private static int GitOrder(ReadOnlySpan<byte> left, bool leftIsFolder, ReadOnlySpan<byte> right, bool rightIsFolder)
    {
        var common = Math.Min(left.Length, right.Length);
        var order = left[..common].SequenceCompareTo(right[..common]);
        if (order != 0) return order;
        int leftNext = left.Length > common ? left[common] : leftIsFolder ? '/' : -1;
        int rightNext = right.Length > common ? right[common] : rightIsFolder ? '/' : -1;
        return leftNext.CompareTo(rightNext);
    }

    private ReadOnlySpan<byte> ModeBytes(int entry) => _data.AsSpan(_starts[entry], _spaces[entry] - _starts[entry]);

    private ReadOnlySpan<byte> IdBytes(int entry) => _data.AsSpan(_nuls[entry] + 1, _idBytes);

    private ReadOnlySpan<byte> NameBytes(int entry) => _data.AsSpan(_spaces[entry] + 1, _nuls[entry] - _spaces[entry] - 1);
}
