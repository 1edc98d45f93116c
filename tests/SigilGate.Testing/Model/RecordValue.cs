namespace SigilGate.Testing.Model;

/// <summary>
/// One value of one record: the record's path and its canonical JSON, or null for "absent"
/// (a deletion). Every write of the model carries a fresh marker, so a value names its write;
/// a revert or cherry-pick that brings content back writes the same value again.
/// </summary>
public sealed record RecordValue(string Path, string? Json)
{
    public override string ToString() => $"{Path} = {Json ?? "(absent)"}";
}
