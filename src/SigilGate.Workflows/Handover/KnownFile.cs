using SigilGate.Domain.Trees;

namespace SigilGate.Workflows.Handover;

/// <summary>A file's tree entry as a commit holds it: its mode and blob id (its content stays in Git).</summary>
public sealed record KnownFile(TreeFileMode Mode, string ObjectId)
{
    public static KnownFile? Of(TreeFile? file) => file is null ? null : new KnownFile(file.Mode, file.ObjectId);
}
