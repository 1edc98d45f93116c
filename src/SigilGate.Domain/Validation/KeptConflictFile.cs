using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// A kept losing version in Git (<c>.sigil/conflicts/&lt;record path without .yaml&gt;/&lt;16 hex&gt;.json</c>):
/// the document sigil keeps in etcd, copied by a Core node's <c>sigil push</c>, which copies only
/// what <c>ConflictRecord.Parse</c> (in Apply) reads; its fields are read here the same way. So a copy must be that document, about the record
/// its folder names; anything else is not one sigil wrote, and people and tools would misread it.
/// </summary>
internal static class KeptConflictFile
{
    private const string Origin = "(sigil push copies these from etcd; do not write them by hand)";

    public static IReadOnlyList<Diagnostic> Check(TreeFile file, int maxBytes)
    {
        var content = file.Content;
        if (content.Length > maxBytes) return [Diagnostic.InFile(file.Path, $"file is {content.Length} bytes, more than the limit of {maxBytes} bytes")];
        var (text, _, error) = Utf8Text.Decode(content.Span);
        if (text is null) return [new Diagnostic(file.Path, 1, 1, $"not a kept conflict as sigil writes it: {error} {Origin}")];

        string key;
        try
        {
            key = BookkeepingJson.Read(file.Path, text, "", document =>
            {
                _ = document.OptionalString("value");
                _ = VersionJson.FromObject(document.Object("loser"));
                _ = VersionJson.FromObject(document.Object("winner"));
                _ = document.String("source");
                _ = document.Time("detected");
                return document.String("key");
            });
        }
        catch (BookkeepingException exception)
        {
            return [new Diagnostic(file.Path, 1, 1, $"not a kept conflict as sigil writes it: {exception.Problem} {Origin}")];
        }

        var folder = file.Path[RecordPath.ConflictRoot.Length..file.Path.LastIndexOf('/')];
        var owner = RecordPath.FromKeySuffix(folder)!;
        return NamesRecord(key, owner)
            ? []
            : [new Diagnostic(file.Path, 1, 1, $"its key {MessageText.Quote(key)} is not the record of its folder, {owner.Path} {Origin}")];
    }

    // sigil push keeps a loser it resolved under the record's path; one copied from etcd keeps its
    // key, whose prefix is the server's setting (/sigil by default).
    private static bool NamesRecord(string key, RecordPath owner) =>
        key == owner.Path || key.EndsWith("/" + owner.KeySuffix, StringComparison.Ordinal);
}
