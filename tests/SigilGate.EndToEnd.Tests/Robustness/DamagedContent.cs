using System.Text;
using System.Text.RegularExpressions;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// Damaged versions of a stored thing's content, drawn from a seeded <see cref="Random"/> so that a
/// failure can be replayed: cut short, emptied, bytes that are not UTF-8, NUL bytes, JSON of the wrong
/// type, numbers out of range, deep nesting, very long text, flipped bytes, a repeated line, and (for a
/// file) a directory (null content) or a named pipe (<see cref="NamedPipe"/>) where the file belongs.
/// </summary>
internal static partial class DamagedContent
{
    /// <summary>Stands for a named pipe where the file belongs (compared by reference).</summary>
    public static readonly byte[] NamedPipe = [0x7c];

    private static readonly string[] WrongJson = ["[]", "\"x\"", "1", "null", "{}", "{\"unexpected\":true}", "true"];

    public static IEnumerable<(string Shape, byte[]? Content)> Draw(byte[] original, Random random, int count, bool isFile)
    {
        var shapes = new List<Func<(string, byte[]?)>>
        {
            () => ("empty", []),
            () => Cut(original, random),
            () => ("not UTF-8", Insert(original, random, [0xff, 0xfe, 0xc3, 0x28])),
            () => ("a NUL byte", Insert(original, random, [0x00])),
            () => WrongType(random),
            () => ("huge numbers", Numbers(original, "99999999999999999999999999")),
            () => ("negative numbers", Numbers(original, "-1")),
            () => ("deep nesting", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000))),
            () => ("a long string", Encoding.ASCII.GetBytes("\"" + new string('a', 1_000_000) + "\"")),
            () => Flipped(original, random),
            () => RepeatedLine(original, random),
        };
        if (isFile)
        {
            shapes.Add(() => ("a directory", null));
            shapes.Add(() => ("a named pipe", NamedPipe));
        }

        return shapes.OrderBy(_ => random.Next()).Take(count).Select(draw => draw()).ToList();
    }

    private static (string, byte[]?) Cut(byte[] original, Random random)
    {
        var at = original.Length == 0 ? 0 : random.Next(original.Length);
        return ($"cut at {at}", original[..at]);
    }

    private static byte[] Insert(byte[] original, Random random, byte[] bytes)
    {
        var at = random.Next(original.Length + 1);
        return [.. original[..at], .. bytes, .. original[at..]];
    }

    private static (string, byte[]?) WrongType(Random random)
    {
        var json = WrongJson[random.Next(WrongJson.Length)];
        return ($"JSON {json}", Encoding.ASCII.GetBytes(json));
    }

    private static byte[] Numbers(byte[] original, string replacement) =>
        Encoding.UTF8.GetBytes(Digits().Replace(Encoding.UTF8.GetString(original), replacement, 3));

    private static (string, byte[]?) Flipped(byte[] original, Random random)
    {
        var flipped = original.ToArray();
        var at = flipped.Length == 0 ? -1 : random.Next(flipped.Length);
        if (at >= 0) flipped[at] ^= (byte)(1 + random.Next(255));
        return ($"byte {at} flipped", flipped);
    }

    private static (string, byte[]?) RepeatedLine(byte[] original, Random random)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        var line = random.Next(lines.Count);
        lines.Insert(random.Next(lines.Count + 1), lines[line]);
        return ($"line {line + 1} repeated", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    // Numbers not inside a hex id: a counter, a revision, a port, a time's digits.
    [GeneratedRegex(@"(?<![0-9a-fA-F])\d+(?![0-9a-fA-F])")]
    private static partial Regex Digits();
}
