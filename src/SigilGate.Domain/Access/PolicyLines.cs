using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Access;

/// <summary>Where in <c>sigil.yaml</c> each identity is listed, so that a decision can name the line of its rule.</summary>
public sealed class PolicyLines
{
    public const string Roots = "roots";
    public const string Operators = "operators";

    private readonly Dictionary<(string List, string Identity), int> _lines;

    private PolicyLines(Dictionary<(string List, string Identity), int> lines) => _lines = lines;

    public static PolicyLines None { get; } = new([]);

    /// <summary>Reads the positions of a policy file; a file that cannot be read has none (the policy reader reports it).</summary>
    public static PolicyLines Read(TreeFile sigilYaml)
    {
        var lines = new Dictionary<(string, string), int>();
        var root = YamlDocumentReader.Read(sigilYaml.Path, sigilYaml.Content.Span).Root;
        foreach (var entry in root?.Entries ?? [])
        {
            if (entry.Key.Value is not (Roots or Operators) || entry.Value is not YamlSequence list) continue;

            // The first listing decides, as the policy's lists are searched in order.
            foreach (var item in list.Items.OfType<YamlScalar>()) lines.TryAdd((entry.Key.Value, item.Value), item.Start.Line);
        }

        return new PolicyLines(lines);
    }

    /// <summary>The 1-based line listing <paramref name="identity"/> in <paramref name="list"/>, or null.</summary>
    public int? LineOf(string list, string identity) => _lines.TryGetValue((list, identity), out var line) ? line : null;

    /// <summary>The list of <c>sigil.yaml</c> that gives a rule its identity, or null when no list does.</summary>
    public static string? ListOf(AccessRule rule) => rule switch
    {
        AccessRule.RootMayChangeAnything => Roots,
        AccessRule.OperatorMayChangeAllButPolicy or AccessRule.OnlyRootsMayChangePolicy => Operators,
        _ => null,
    };

    /// <summary>How a rule's line reads: <c>sigil.yaml: operators, line 4</c>.</summary>
    public string? Cite(AccessDecision decision) =>
        ListOf(decision.Rule) is { } list && LineOf(list, decision.Identity) is { } line ? $"{RecordPath.PolicyFile}: {list}, line {line}" : null;
}
