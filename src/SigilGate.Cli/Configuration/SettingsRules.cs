using System.Globalization;
using SigilGate.Domain.Configuration;
using SigilGate.Git;

namespace SigilGate.Cli.Configuration;

/// <summary>
/// Parsers for single values; each throws <see cref="FormatException"/> saying what is expected,
/// in the words of docs/configuration.md (1-3600, allow or deny).
/// </summary>
internal static class SettingsRules
{
    /// <summary>A whole number within the range, both ends included.</summary>
    public static Func<string, int> Range(int min, int max) => text =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"must be {min}-{max}");

    public static Func<string, double> Share() => text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException("must be 0-1, such as 0.5");

    public static OtherRefsMode OtherRefs(string text) =>
        Enum.GetNames<OtherRefsMode>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<OtherRefsMode>(name)
            : throw new FormatException($"must be {string.Join(" or ", Enum.GetNames<OtherRefsMode>().Select(n => n.ToLowerInvariant()))}");

    /// <summary>Comma-separated http(s) URLs (without a port, the scheme's own, as etcdctl does), one scheme for all; returned tidied.</summary>
    public static string Endpoints(string text)
    {
        var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var endpoint in list)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                throw new FormatException($"'{endpoint}' is not an etcd client URL such as http://127.0.0.1:2379");
            }
        }

        if (list.Length == 0)
        {
            throw new FormatException("must list at least one etcd client URL");
        }

        return list.Select(e => e.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).Distinct().Count() == 1
            ? string.Join(',', list.Select(e => e.TrimEnd('/')))
            : throw new FormatException("mixes http and https: use one scheme for every member");
    }

    /// <summary>A key prefix with a leading and no trailing '/': "sigil/" becomes "/sigil".</summary>
    public static string Prefix(string text)
    {
        var trimmed = text.Trim('/');
        return trimmed.Length > 0 && !trimmed.Any(char.IsWhiteSpace) && !trimmed.Contains("//", StringComparison.Ordinal)
            ? "/" + trimmed
            : throw new FormatException("must be a key prefix such as /sigil (not the root, no spaces)");
    }

    /// <summary>
    /// A branch name as git accepts one (<see cref="BranchNameRules"/>); "refs/heads/main" is accepted as
    /// "main". A name git refuses can never be the protected branch: every push would go to some
    /// other branch and pass unchecked.
    /// </summary>
    public static string Branch(string text)
    {
        var name = text.StartsWith(BranchNameRules.Prefix, StringComparison.Ordinal) ? text[BranchNameRules.Prefix.Length..] : text;
        return name.Length > 0 && !name.Contains('\0', StringComparison.Ordinal) && BranchNameRules.IsValid(name)
            ? name
            : throw new FormatException("must be a branch name git accepts, such as main (see 'git check-ref-format')");
    }

    /// <summary>An environment variable name.</summary>
    public static string VariableName(string text) =>
        (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? text
            : throw new FormatException("must be an environment variable name such as SIGIL_IDENTITY");
}
