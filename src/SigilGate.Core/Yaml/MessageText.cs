using System.Text;

namespace SigilGate.Core.Yaml;

/// <summary>
/// Puts user-written text into a one-line message. Control characters are escaped: a value with a
/// newline must not be able to forge an extra line in the output Git relays as <c>remote: ...</c>.
/// </summary>
public static class MessageText
{
    private const int MaxLength = 80;

    public static string Quote(string value) => "'" + Clean(value) + "'";

    public static string Clean(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 2);
        foreach (var c in value)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append("...");
                break;
            }

            if (char.IsControl(c)) builder.Append($"\\u{(int)c:x4}");
            else builder.Append(c);
        }

        return builder.ToString();
    }
}
