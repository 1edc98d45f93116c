using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>What a tree holds at a path, as far as a validation can tell files apart: the mode and the object id.</summary>
public readonly record struct FileStamp(TreeFileMode Mode, string ObjectId)
{
    public static FileStamp Of(TreeFile file) => new(file.Mode, file.ObjectId);

    /// <summary>Whether <paramref name="file"/> holds exactly what this stamp describes (same mode, same object).</summary>
    public bool Describes(TreeFile file) => file.Mode == Mode && string.Equals(file.ObjectId, ObjectId, StringComparison.Ordinal);
}
