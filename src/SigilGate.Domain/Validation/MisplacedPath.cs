using SigilGate.Domain.Records;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>Says, per managed folder, why a file there is not a record and what it should be called.</summary>
internal static class MisplacedPath
{
    public static string Explain(string path)
    {
        var parts = path.Split('/');
        return parts[0] switch
        {
            "nodes" => ExplainNodes(parts),
            "state" => ExplainState(parts),
            _ when path.StartsWith(RecordPath.SidecarRoot, StringComparison.Ordinal) =>
                "not a version file: .sigil/versions/ holds only the versions of records, at .sigil/versions/<record path>",
            _ when path.StartsWith(RecordPath.ConflictRoot, StringComparison.Ordinal) =>
                "not a kept conflict: .sigil/conflicts/ holds only the losing versions sigil keeps, at .sigil/conflicts/<record path without .yaml>/<16 hex digits>.json",
            _ => "not a record path: .sigil/ is kept by sigil and holds only .sigil/versions/ and .sigil/conflicts/",
        };
    }

    private static string ExplainNodes(string[] parts)
    {
        if (parts is ["nodes", "core" or "entry", var file] && FileId(file) is { } id) return InvalidId(id);
        if (parts[^1].EndsWith(".yml", StringComparison.Ordinal)) return WrongExtension;
        return "not a record path: files under nodes/ must be nodes/core/<id>.yaml or nodes/entry/<id>.yaml";
    }

    private static string ExplainState(string[] parts)
    {
        if (parts is ["state", var core, "entries", var file] && FileId(file) is { } id)
        {
            return RecordPath.IsValidId(core) ? InvalidId(id) : $"invalid core id {MessageText.Quote(core)} in folder name: ids must match {RecordPath.IdPattern()}";
        }

        if (parts[^1].EndsWith(".yml", StringComparison.Ordinal)) return WrongExtension;
        return "not a record path: files under state/ must be state/<core-id>/entries/<entry-id>.yaml";
    }

    private const string WrongExtension = "not a record path: record files end in .yaml, not .yml";

    private static string? FileId(string file) =>
        file.EndsWith(RecordPath.Extension, StringComparison.Ordinal) ? file[..^RecordPath.Extension.Length] : null;

    private static string InvalidId(string id) =>
        $"invalid id {MessageText.Quote(id)} in file name: ids must match {RecordPath.IdPattern()}{LookAlikeHint(id)}";

    // 'е-1' with a Cyrillic 'е' reads exactly like the valid 'e-1'; without naming the character
    // the message would look wrong to the person reading it.
    private static string LookAlikeHint(string id)
    {
        var lookAlike = id.FirstOrDefault(c => c > 0x7F && char.IsLetterOrDigit(c));
        return lookAlike == default ? "" : $" (it contains U+{(int)lookAlike:X4}, which only looks like an ASCII letter or digit)";
    }
}
