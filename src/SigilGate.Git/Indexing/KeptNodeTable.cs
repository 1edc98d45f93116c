using System.Text;
using SigilGate.Domain.Validation;

namespace SigilGate.Git;

/// <summary>
/// The node lines of a kept index file (<see cref="NodeIndexText"/>), asked in place: a look-up
/// reads the lines as bytes and makes strings only of what it finds, so a push costs a scan of the
/// file, not 100,000 objects.
/// </summary>
/// <param name="origin">The commit the file was written for.</param>
/// <param name="checksum">The file's checksum line, which names exactly these bytes.</param>
internal sealed class KeptNodeTable(byte[] bytes, int start, int end, string origin, string checksum) : INodeTable
{
    /// <summary>The commit the file holding these lines was written for.</summary>
    public string Origin => origin;

    /// <summary>The checksum line of the file holding these lines (<see cref="ChecksummedText"/>).</summary>
    public string Checksum => checksum;

    /// <summary>The bytes of the node lines, each ending in a newline.</summary>
    public ReadOnlySpan<byte> Lines => bytes.AsSpan(start, end - start);

    public IEnumerable<KeyValuePair<string, NodeFacts>> Nodes
    {
        get
        {
            var found = new List<KeyValuePair<string, NodeFacts>>();
            foreach (var line in new NodeLines(Lines)) found.Add(new(Encoding.UTF8.GetString(line.Path), Facts(line)));
            return found;
        }
    }

    public NodeFacts? Find(string path)
    {
        var wanted = Encoding.UTF8.GetBytes(path);
        foreach (var line in new NodeLines(Lines))
        {
            if (line.Path.SequenceEqual(wanted)) return Facts(line);
        }

        return null;
    }

    public IEnumerable<string> Holding(IReadOnlySet<string> addresses, IReadOnlySet<string> cores)
    {
        // Values as the file spells them (escaped, after '='), so a line is compared without reading it.
        var wantedAddresses = new FieldMatcher(addresses.Select(NodeIndexText.Field).OfType<string>());
        var wantedCores = new FieldMatcher(cores.Select(NodeIndexText.Field).OfType<string>());
        var found = new List<string>();
        if (wantedAddresses.IsEmpty && wantedCores.IsEmpty) return found;
        foreach (var line in new NodeLines(Lines))
        {
            if (wantedAddresses.Contains(line.Address) || wantedCores.Contains(line.Core)) found.Add(Encoding.UTF8.GetString(line.Path));
        }

        return found;
    }

    private static NodeFacts Facts(NodeLine line) => new(NodeIndexText.Value(line.Address), NodeIndexText.Value(line.Core));
}
