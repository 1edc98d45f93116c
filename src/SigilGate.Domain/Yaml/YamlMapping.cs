using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Yaml;

/// <summary>A mapping in file order. Keys are unique: the reader reports and drops duplicates.</summary>
public sealed class YamlMapping(Mark start, IReadOnlyList<YamlEntry> entries) : YamlNode(start)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
