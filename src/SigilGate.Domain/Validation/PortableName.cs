using System.Buffers;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// One path component as the file systems of the clones read it. git (2.39) stores any name but
/// refuses, on every platform, to check out <c>.git</c> and what NTFS reads as <c>.git</c>; what
/// it leaves out breaks checkouts elsewhere: names Windows cannot create (reserved device names,
/// a trailing dot or space, <c>&lt;&gt;:"|?*\</c>, control characters), and <c>.git</c> spelled
/// with characters HFS+ ignores (refused by git only on macOS, where core.protectHFS is on).
/// One such name breaks every checkout of the branch on that platform, so each is refused.
/// </summary>
internal static class PortableName
{
    // HFS+ drops these when it compares names (git's is_hfs_dotgit, utf8.c next_hfs_char).
    private static readonly SearchValues<char> HfsIgnorables =
        SearchValues.Create("\u200C\u200D\u200E\u200F\uFEFF\u202A\u202B\u202C\u202D\u202E\u206A\u206B\u206C\u206D\u206E\u206F");

    private static readonly string[] ReservedDevices = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];

    /// <summary>What a Windows or macOS checkout cannot do with <paramref name="name"/>, or null.</summary>
    public static string? Problem(string name)
    {
        if (WithoutHfsIgnorables(name) is var visible && visible.Length != name.Length && visible.TrimEnd(". ").Equals(".git", StringComparison.OrdinalIgnoreCase))
        {
            return $"path component {MessageText.Quote(name)} is .git to macOS (its file system ignores the invisible characters), where git refuses to check it out";
        }

        // git refuses GIT~1; NTFS gives .git another short name (GIT~2, ...) when GIT~1 is taken.
        if (name.Length == 5 && name.StartsWith("git~", StringComparison.OrdinalIgnoreCase) && name[4] is >= '1' and <= '9')
        {
            return $"path component {MessageText.Quote(name)} is an NTFS short name of .git";
        }

        foreach (var c in name)
        {
            if (c < ' ' || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' or '\\')
            {
                return $"path component {MessageText.Quote(name)} contains {Describe(c)}, which Windows does not allow in a file name";
            }
        }

        if (name[^1] is '.' or ' ')
        {
            return $"path component {MessageText.Quote(name)} ends in a {(name[^1] == '.' ? "dot" : "space")}, which Windows drops (the file cannot be checked out there)";
        }

        if (IsReservedDevice(name))
        {
            return $"path component {MessageText.Quote(name)} is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out";
        }

        return null;
    }

    /// <summary>
    /// The spelling two names of one folder are compared in: what macOS (case-insensitive, ignoring
    /// some invisible characters) and Windows (case-insensitive) take for one name. (Unicode
    /// composition, which macOS also folds, is left out: the hooks run without ICU, and .NET's
    /// normalisation is then a no-op.)
    /// </summary>
    public static string ClashKey(string name) => WithoutHfsIgnorables(name).ToLowerInvariant();

    /// <summary>Why two names of one <see cref="ClashKey"/> are one: case, or invisible characters.</summary>
    public static string Difference(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? "differs only in case from" : "differs only in invisible characters (or case) from";

    // "nul.txt" and "COM1 .log" are the device too: Windows reads the part before the first dot, trailing spaces dropped.
    private static bool IsReservedDevice(string name)
    {
        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        if (ReservedDevices.Contains(stem, StringComparer.OrdinalIgnoreCase)) return true;

        // COM1-9 and LPT1-9, and with the superscript digits ¹ ² ³ that Windows also reads as 1-3.
        return stem.Length == 4
            && (stem.StartsWith("COM", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("LPT", StringComparison.OrdinalIgnoreCase))
            && stem[3] is >= '1' and <= '9' or '\u00B9' or '\u00B2' or '\u00B3';
    }

    /// <summary><paramref name="name"/> as HFS+ compares it: without the characters it ignores.</summary>
    public static string WithoutHfsIgnorables(string name) =>
        name.AsSpan().ContainsAny(HfsIgnorables) ? string.Concat(name.Where(c => !HfsIgnorables.Contains(c))) : name;

    private static string Describe(char c) => c < ' ' ? $"the control character U+{(int)c:X4}" : $"'{c}'";
}
