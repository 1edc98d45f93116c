using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Drift;

/// <summary>
/// What one record file of a tree read as, kept between drift runs (<see cref="KnownRecords"/>):
/// the blob it came from (mode and object id) and its canonical JSON, or null when it does not validate.
/// </summary>
public sealed record KnownRecord(TreeFileMode Mode, string ObjectId, string? Json)
{
    /// <summary>Whether this reading is of <paramref name="file"/>'s content: same blob, same mode (a record must be a regular file).</summary>
    public bool Describes(TreeFile file) => file.Mode == Mode && string.Equals(file.ObjectId, ObjectId, StringComparison.Ordinal);
}
