using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Access;

/// <summary>Who may change which path. Policy and Core nodes are read from the branch's current tip, never from the push.</summary>
public static class AccessRules
{
    /// <summary>The identity that must make the first push into an empty repository.</summary>
    public const string BootstrapIdentity = "root";

    public static Role RoleOf(string identity, Policy policy, TreeSnapshot tip)
    {
        if (policy.Roots.Contains(identity, StringComparer.Ordinal)) return Role.Root;
        if (policy.Operators.Contains(identity, StringComparer.Ordinal)) return Role.Operator;
        if (RecordPath.IsValidId(identity) && tip.Contains(CoreNodeFile(identity))) return Role.CoreNode;
        return Role.None;
    }

    /// <summary>Whether <paramref name="identity"/>, in <paramref name="role"/>, may change <paramref name="path"/>, and by which rule.</summary>
    public static AccessDecision Decide(string identity, Role role, string path) => new(identity, path, role, role switch
    {
        Role.Root => AccessRule.RootMayChangeAnything,
        Role.Operator => path == RecordPath.PolicyFile ? AccessRule.OnlyRootsMayChangePolicy : AccessRule.OperatorMayChangeAllButPolicy,
        Role.CoreNode => IsInArea(identity, path) ? AccessRule.CoreNodeInOwnArea : AccessRule.CoreNodeOutsideOwnArea,
        _ => AccessRule.UnknownIdentity,
    });

    /// <summary>The files of a tip that decide an identity's role: the policy and, for a possible Core node, its node file (reading only them keeps a push into a large tree cheap).</summary>
    public static IEnumerable<string> RoleFiles(string identity) => RecordPath.IsValidId(identity)
        ? [RecordPath.PolicyFile, CoreNodeFile(identity)]
        : [RecordPath.PolicyFile];

    /// <summary>The file whose existence at the tip makes <paramref name="identity"/> a Core node.</summary>
    public static string CoreNodeFile(string identity) => $"nodes/core/{identity}{RecordPath.Extension}";

    // A Core node owns its state records, the versions Git keeps for them and their kept conflict losers.
    private static bool IsInArea(string core, string path) =>
        path.StartsWith($"state/{core}/", StringComparison.Ordinal) ||
        path.StartsWith($"{RecordPath.SidecarRoot}state/{core}/", StringComparison.Ordinal) ||
        path.StartsWith($"{RecordPath.ConflictRoot}state/{core}/", StringComparison.Ordinal);
}
