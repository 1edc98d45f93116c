using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;

namespace SigilGate.Domain.Validation;

/// <summary>
/// What the rules spanning files read of one record file: the Core it names and its address, each
/// with where it was written, and the address in the form the uniqueness rule compares (null when
/// it does not parse). Taken where the file is parsed, so that a tree's parsed fields (two
/// dictionaries per file) do not outlive their files: kept for 100,000 records, the garbage
/// collector copied them from generation to generation, and a validation spent about half of its
/// time collecting, against about two fifths without them (in process, four rounds each).
/// </summary>
internal sealed record CrossFileFields(RecordPath Path, string? Core, Mark CoreMark, string? Address, Mark AddressMark, string? NormalizedAddress)
{
    public static CrossFileFields Of(RecordPath path, ParsedFields fields)
    {
        var address = fields.String("address");
        return new(path, fields.String("core"), fields.MarkOf("core"), address, fields.MarkOf("address"), NodeFacts.NormalizedAddress(address));
    }

    /// <summary>A file that holds nothing the rules could compare.</summary>
    public static CrossFileFields Empty(RecordPath path) => new(path, null, Mark.None, null, Mark.None, null);
}
