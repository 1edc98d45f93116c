using SigilGate.Domain.Diagnostics;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;
using Mark = SigilGate.Domain.Diagnostics.Mark;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// Reads a record file into a positioned node tree with YamlDotNet's event parser (no reflection,
/// so it works under Native AOT). Only the plain subset of YAML that configuration needs is
/// accepted: one document whose top level is a mapping, no anchors, aliases or tags.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>Reads a file's bytes: UTF-8, with or without a byte order mark.</summary>
    public static YamlReadResult Read(string path, ReadOnlySpan<byte> content)
    {
        var (text, mark, error) = Utf8Text.Decode(content);
        if (text is null) return new(null, [Diagnostic.At(path, mark, error!)]);
        return Read(path, text);
    }

    public static YamlReadResult Read(string path, string text)
    {
        if (Utf8Text.FindForbiddenControl(text) is var (controlMark, controlError))
        {
            return new(null, [Diagnostic.At(path, controlMark, controlError)]);
        }

        var diagnostics = new List<Diagnostic>();
        var parser = new Parser(new StringReader(text));
        YamlNode? root;
        try
        {
            root = ReadSingleDocument(path, parser, diagnostics);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(TabIndentation.Find(ex.Message, text) is { } tab
                ? Diagnostic.At(path, tab, TabIndentation.Message)
                : Diagnostic.At(path, ToMark(ex.Start), SyntaxMessage(ex.Message)));
            return new(null, diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unclosed flow sequence
            // followed by a block mapping raises InvalidOperationException in ScanPlainScalar).
            // The last event read is the best position there is: usually the unclosed bracket.
            var mark = parser.Current is { } last ? ToMark(last.Start) : new Mark(1, 1);
            diagnostics.Add(Diagnostic.At(path, mark, "YAML syntax error: the file cannot be read from here on (an unclosed bracket or quote?)"));
            return new(null, diagnostics);
        }

        switch (root)
        {
            case null:
                diagnostics.Add(Diagnostic.InFile(path, "file is empty"));
                return new(null, diagnostics);
            case YamlMapping { IsRejected: false } mapping:
                return new(mapping, diagnostics);
            case { IsRejected: false }:
                diagnostics.Add(Diagnostic.At(path, root.Start, $"the top level must be a mapping of fields, got {root.Describe()}"));
                break;
        }

        return new(null, diagnostics);
    }

    internal static Mark ToMark(YamlDotNet.Core.Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static YamlNode? ReadSingleDocument(string path, Parser parser, List<Diagnostic> diagnostics)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;

        parser.Consume<DocumentStart>();
        var root = new YamlTreeBuilder(path, parser, diagnostics).ReadNode(depth: 1);
        parser.Consume<DocumentEnd>();

        // A second document is reported and left unread: only the first would be applied, and a
        // silently ignored half of a file is worse than a rejected push.
        if (parser.Accept<DocumentStart>(out var second))
        {
            diagnostics.Add(Diagnostic.At(path, ToMark(second.Start), "only one YAML document is allowed (remove '---')"));
        }

        // "---" followed by nothing is a document holding only an empty value: still an empty file.
        return root is YamlScalar { IsNull: true, Value: "", IsRejected: false } ? null : root;
    }

    // YamlDotNet words its messages as sentences ("While scanning ..., found ....").
    private static string SyntaxMessage(string message) =>
        "YAML syntax error: " + MessageText.OneLine(message.TrimEnd('.') is [var first, .. var rest] ? char.ToLowerInvariant(first) + rest : message);
}
