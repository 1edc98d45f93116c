using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// YAML forbids tabs in indentation, and YamlDotNet says so at the start of the enclosing mapping
/// ("while scanning a mapping, found invalid tab as indentation" at 1:1), often lines away from
/// the tab. When its message is about a tab, the first line indented with one is the place to show.
/// </summary>
internal static class TabIndentation
{
    public const string Message = "tab character in indentation: YAML indents with spaces only";

    /// <summary>The position of the first tab in a line's leading blanks, when the parser complained about a tab.</summary>
    public static Mark? Find(string parserMessage, string text)
    {
        if (!parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase)) return null;

        var line = 1;
        var column = 1;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                // "\r\n" is one line break.
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                (line, column, atLineStart) = (line + 1, 1, true);
                continue;
            }

            if (atLineStart && c == '\t') return new Mark(line, column);
            if (c != ' ') atLineStart = false;
            column++;
        }

        return null;
    }
}
