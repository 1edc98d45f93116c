using SigilGate.Domain.Diagnostics;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;
using Mark = SigilGate.Domain.Diagnostics.Mark;

namespace SigilGate.Domain.Yaml;

/// <summary>Turns the parser's events for one node into a <see cref="YamlNode"/>, reporting what the subset forbids.</summary>
internal sealed class YamlTreeBuilder(string path, IParser parser, List<Diagnostic> diagnostics)
{
    /// <summary>Records are flat; anything deeper than this is a mistake or an attack on the parser's stack.</summary>
    public const int MaxDepth = 16;

    /// <summary>Reads the node at the parser's current event and moves past it.</summary>
    public YamlNode ReadNode(int depth)
    {
        var current = parser.Current ?? throw new InvalidOperationException("the YAML parser has no current event");
        var start = YamlDocumentReader.ToMark(current.Start);
        switch (current)
        {
            case AnchorAlias alias:
                Report(start, $"alias '*{MessageText.Clean(alias.Value.Value)}' is not allowed (write the value out)");
                parser.MoveNext();
                return new YamlScalar(start, "", isPlain: true) { IsRejected = true };

            case Scalar scalar:
                var rejectedScalar = !IsPlainNode(scalar, start);
                parser.MoveNext();
                return new YamlScalar(start, scalar.Value, scalar.Style == ScalarStyle.Plain) { IsRejected = rejectedScalar };

            case NodeEvent collection when depth > MaxDepth:
                Report(start, $"nesting is deeper than {MaxDepth} levels");
                SkipCollection();
                return new YamlScalar(start, "", isPlain: true) { IsRejected = true };

            case SequenceStart sequence:
                return ReadSequence(sequence, start, depth);

            case MappingStart mapping:
                return ReadMapping(mapping, start, depth);

            default:
                throw new InvalidOperationException($"unexpected YAML event {current.GetType().Name}");
        }
    }

    private YamlSequence ReadSequence(SequenceStart sequence, Mark start, int depth)
    {
        var rejected = !IsPlainNode(sequence, start);
        parser.MoveNext();
        var items = new List<YamlNode>();
        while (!parser.Accept<SequenceEnd>(out _)) items.Add(ReadNode(depth + 1));
        parser.MoveNext();
        return new YamlSequence(start, items) { IsRejected = rejected };
    }

    private YamlMapping ReadMapping(MappingStart mapping, Mark start, int depth)
    {
        var rejected = !IsPlainNode(mapping, start);
        parser.MoveNext();
        var entries = new List<YamlEntry>();
        var firstSeen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        while (!parser.Accept<MappingEnd>(out _))
        {
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is not YamlScalar scalarKey)
            {
                Report(key.Start, $"keys must be plain names, got {key.Describe()}");
                continue;
            }

            if (scalarKey.IsRejected) continue;
            if (firstSeen.TryGetValue(scalarKey.Value, out var first))
            {
                Report(key.Start, $"duplicate key {MessageText.Quote(scalarKey.Value)} (first at line {first.Line})");
                continue;
            }

            firstSeen.Add(scalarKey.Value, key.Start);
            entries.Add(new YamlEntry(scalarKey, value));
        }

        parser.MoveNext();
        return new YamlMapping(start, entries) { IsRejected = rejected };
    }

    // Anchors and tags would let a file mean something other than what it shows (shared values,
    // language-specific objects such as !!python/object), so both are refused.
    private bool IsPlainNode(NodeEvent node, Mark start)
    {
        var plain = true;
        if (!node.Anchor.IsEmpty)
        {
            Report(start, $"anchor '&{MessageText.Clean(node.Anchor.Value)}' is not allowed");
            plain = false;
        }

        if (!node.Tag.IsEmpty)
        {
            Report(start, $"tag '{MessageText.Clean(ShortTag(node.Tag.Value))}' is not allowed");
            plain = false;
        }

        return plain;
    }

    // The parser expands "!!x" to the YAML namespace; show the tag as the user wrote it.
    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private void SkipCollection()
    {
        var open = 0;
        do
        {
            if (parser.Current is SequenceStart or MappingStart) open++;
            else if (parser.Current is SequenceEnd or MappingEnd) open--;
            parser.MoveNext();
        }
        while (open > 0);
    }

    private void Report(Mark mark, string message) => diagnostics.Add(Diagnostic.At(path, mark, message));
}
