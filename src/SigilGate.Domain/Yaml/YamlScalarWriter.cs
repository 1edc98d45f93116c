using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// Writes a string as a YAML scalar that every YAML reader reads back as that same string: plain
/// when that is unambiguous, double-quoted otherwise (values another reader might take for a
/// boolean, null or number, and anything with YAML syntax in it).
/// </summary>
public static partial class YamlScalarWriter
{
    // Conservative: letters, digits and punctuation that has no meaning inside a plain scalar.
    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./:+@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();

    // YAML 1.1 and 1.2 numbers (including 1_000, 0x1F, 1:30 sexagesimal, .inf) and 1.1 booleans/nulls.
    [GeneratedRegex(
        @"^(?:[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|(?i:y|n|yes|no|true|false|on|off|null)|~)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Ambiguous();

    public static string Format(string value) =>
        value.Length > 0 && SafePlain().IsMatch(value) && !value.EndsWith(':') && !Ambiguous().IsMatch(value)
            ? value
            : DoubleQuoted(value);

    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
