namespace SigilGate.Git;

/// <summary>One node line of a kept index: its path, address and Core fields as the file holds them.</summary>
internal readonly ref struct NodeLine(ReadOnlySpan<byte> whole, ReadOnlySpan<byte> path, ReadOnlySpan<byte> address, ReadOnlySpan<byte> core)
{
    /// <summary>The line with its newline.</summary>
    public ReadOnlySpan<byte> Whole { get; } = whole;

    public ReadOnlySpan<byte> Path { get; } = path;

    public ReadOnlySpan<byte> Address { get; } = address;

    public ReadOnlySpan<byte> Core { get; } = core;
}

/// <summary>The node lines of a kept index, one after another (checked well-formed when the file was read).</summary>
internal ref struct NodeLines(ReadOnlySpan<byte> lines)
{
    private ReadOnlySpan<byte> _rest = lines;

    public NodeLine Current { get; private set; }

    public readonly NodeLines GetEnumerator() => this;

    public bool MoveNext()
    {
        var end = _rest.IndexOf((byte)'\n');
        if (end < 0) return false;
        var line = _rest[..end];
        var first = line.IndexOf((byte)'\t');
        var second = first + 1 + line[(first + 1)..].IndexOf((byte)'\t');
        Current = new NodeLine(_rest[..(end + 1)], line[..first], line[(first + 1)..second], line[(second + 1)..]);
        _rest = _rest[(end + 1)..];
        return true;
    }

    /// <summary>Whether every line has a path and exactly two more fields.</summary>
    public static bool WellFormed(ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf((byte)'\n');
            if (end < 0) return false;
            var line = lines[..end];
            var first = line.IndexOf((byte)'\t');
            if (first <= 0 || line[(first + 1)..].Count((byte)'\t') != 1) return false;
            lines = lines[(end + 1)..];
        }

        return true;
    }
}
