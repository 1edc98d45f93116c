using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Access;

/// <summary>The <c>--json</c> output of <c>sigil explain</c>, one document on one line; documented in docs/commands.md.</summary>
public static class AccessJson
{
    /// <summary>The document's first field, <c>"schema": 1</c>; it grows only when a field is removed, renamed or changes meaning.</summary>
    public const int Schema = 1;

    public static string Write(AccessExplanation explanation) => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteString("branch", explanation.Branch);
            writer.WriteString("tip", explanation.Tip);
            writer.WriteString("identity", explanation.Identity);
            writer.WriteString("role", RoleName(explanation.Role));
            writer.WriteBoolean("all_allowed", explanation.AllAllowed);
            writer.WriteStartArray("paths");
            foreach (var decision in explanation.Decisions)
            {
                writer.WriteStartObject();
                writer.WriteString("path", decision.Path);
                writer.WriteBoolean("allowed", decision.IsAllowed);
                writer.WriteString("rule", RuleName(decision.Rule));
                writer.WriteString("reason", AccessText.Reason(decision, explanation.Lines));
                var list = PolicyLines.ListOf(decision.Rule);
                if (list is not null && explanation.Lines.LineOf(list, decision.Identity) is { } line) writer.WriteNumber("policy_line", line);
                else writer.WriteNull("policy_line");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static string RoleName(Role role) => role switch
    {
        Role.Root => "root",
        Role.Operator => "operator",
        Role.CoreNode => "core-node",
        _ => "none",
    };

    public static string RuleName(AccessRule rule) => rule switch
    {
        AccessRule.RootMayChangeAnything => "root",
        AccessRule.OperatorMayChangeAllButPolicy => "operator",
        AccessRule.OnlyRootsMayChangePolicy => "policy-roots-only",
        AccessRule.CoreNodeInOwnArea => "core-node-area",
        AccessRule.CoreNodeOutsideOwnArea => "core-node-outside-area",
        _ => "unknown-identity",
    };
}
