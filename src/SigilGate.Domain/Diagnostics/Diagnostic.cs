namespace SigilGate.Domain.Diagnostics;

/// <summary>One problem, located in a file of the tree (line and column are 1-based; 0 = unknown).</summary>
public sealed record Diagnostic(string Path, int Line, int Column, string Message)
{
    public static Diagnostic InFile(string path, string message) => new(path, 0, 0, message);

    /// <summary>A problem with the push as a whole (identity, refs), not with one file.</summary>
    public static Diagnostic General(string message) => new("", 0, 0, message);

    public static Diagnostic At(string path, Mark mark, string message) => new(path, mark.Line, mark.Column, message);

    /// <summary>Compiler form, as the contract shows: <c>path:line:col: message</c> (position only when known).</summary>
    public override string ToString() => (Path, Line) switch
    {
        ("", _) => Message,
        (_, > 0) => $"{Printable(Path)}:{Line}:{Column}: {Message}",
        _ => $"{Printable(Path)}: {Message}",
    };

    // A path is pushed data: a newline in it must not forge a line of output (git shows each as "remote: ..."),
    // and an invisible or bidirectional character must not hide or reorder what the line says.
    private static string Printable(string path) =>
        path.Any(Yaml.MessageText.IsHidden) ? string.Concat(path.Select(c => Yaml.MessageText.IsHidden(c) ? Escape(c) : c.ToString())) : path;

    private static string Escape(char c) => c <= 0xFF ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}";
}
