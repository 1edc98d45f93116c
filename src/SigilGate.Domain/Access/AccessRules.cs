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
        if (RecordPath.IsValidId(identity) && tip.Contains($"nodes/core/{identity}{RecordPath.Extension}")) return Role.CoreNode;
        return Role.None;
    }

    /// <summary>Why <paramref name="identity"/> may not change <paramref name="path"/>, or null when it may.</summary>
    public static string? Denial(string identity, Role role, string path) => role switch
    {
        Role.Root => null,
        Role.Operator => path == RecordPath.PolicyFile ? $"identity {identity} may not change {RecordPath.PolicyFile}: only roots may" : null,
        Role.CoreNode => IsInArea(identity, path) ? null : $"identity {identity} may only change state/{identity}/",
        _ => $"identity {identity} may not change anything",
    };

    // A Core node owns its state records, the versions Git keeps for them and their kept conflict losers.
    private static bool IsInArea(string core, string path) =>
        path.StartsWith($"state/{core}/", StringComparison.Ordinal) ||
        path.StartsWith($"{RecordPath.SidecarRoot}state/{core}/", StringComparison.Ordinal) ||
        path.StartsWith($"{RecordPath.ConflictRoot}state/{core}/", StringComparison.Ordinal);
}
