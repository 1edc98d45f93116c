using System.Globalization;
using System.Text;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// Puts user-written text into a one-line message. Control characters are escaped: a value with a
/// newline must not be able to forge an extra line in the output Git relays as <c>remote: ...</c>.
/// Invisible characters (byte order marks, zero-width spaces, bidirectional overrides, line
/// separators) are escaped too: a message must show what is wrong, not hide it or reorder it.
/// </summary>
public static class MessageText
{
    private const int MaxLength = 80;

    public static string Quote(string value) => "'" + Clean(value) + "'";

    /// <summary>A value from a file, shortened: messages quote values, they do not reproduce them.</summary>
    public static string Clean(string value) => Clean(value, MaxLength);

    /// <summary>Text such as a parser's message: control characters escaped, length kept.</summary>
    public static string OneLine(string value) => Clean(value, int.MaxValue);

    private static string Clean(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 3);
        foreach (var c in value)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append("...");
                break;
            }

            if (IsHidden(c)) builder.Append($"\\u{(int)c:x4}");
            else builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Characters a terminal does not show as themselves: controls, format characters (Cf) and line or paragraph separators.</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
