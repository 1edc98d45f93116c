using SigilGate.Domain.Records;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>The checks of single string values that the record schemas share.</summary>
internal static class ValueChecks
{
    public static string? IdMatchesFileName(string id, RecordPath path) =>
        id == path.Id ? null : $"id {MessageText.Quote(id)} does not match file name {MessageText.Quote(path.Id ?? "")}";

    public static string? Address(string text, RecordPath path) => HostPort.Problem(text);

    public static Func<string, RecordPath, string?> StartsWithSlash(string what) =>
        (text, _) => text.StartsWith('/') ? null : $"{what} must start with '/', got {MessageText.Quote(text)}";

    public static Func<string, RecordPath, string?> OneOf(string field, params string[] allowed) =>
        (text, _) => allowed.Contains(text, StringComparer.Ordinal)
            ? null
            : $"'{field}' must be one of {string.Join(", ", allowed)}, got {MessageText.Quote(text)}";

    public static Func<string, RecordPath, string?> Timestamp(string field) => (text, _) => Rfc3339.Problem(text, field);

    public static Func<string, RecordPath, string?> Duration(string field) => (text, _) => GoDuration.Problem(text, field);

    // Identities come from the environment of the Git server (SIGIL_IDENTITY, GL_USERNAME, ...):
    // user names, so any text without whitespace.
    public static string? Identity(string text, RecordPath path)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) return $"identity {MessageText.Quote(text)} must not contain whitespace";
        }

        return null;
    }

    public static string? WriterId(string text, RecordPath path) => RecordPath.IsValidId(text)
        ? null
        : $"'writer' must be a writer id matching {RecordPath.IdPattern()}, got {MessageText.Quote(text)}";

    public static string? Sha256(string text, RecordPath path)
    {
        var ok = text.Length == 64;
        foreach (var c in text) ok &= char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';
        return ok ? null : $"'sha256' must be 64 lowercase hex digits, got {MessageText.Quote(text)}";
    }
}
