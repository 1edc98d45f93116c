using System.Text;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The <c>git fast-import</c> commands for one commit: every written file as a blob with a mark
/// (1, 2, ... in path order), then the commit (mark 0 is not allowed; the commit takes the next one)
/// with the changes.
/// </summary>
internal static class FastImportCommands
{
    public static Stream For(WrittenFiles files, string branch, string node, string parent, string message)
    {
        var stream = new MemoryStream();
        void Text(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
        var mark = 0;
        foreach (var content in files.Contents)
        {
            Text($"blob\nmark :{++mark}\ndata {content.Length}\n");
            stream.Write(content);
            Text("\n");
        }

        var body = Encoding.UTF8.GetBytes(message);
        Text($"commit refs/heads/{branch}\nmark :{++mark}\ncommitter sigil ({node}) <{node}@sigil.invalid> now\ndata {body.Length}\n");
        stream.Write(body);
        Text($"\nfrom {parent}\n");
        mark = 0;
        foreach (var (file, content) in files.All)
        {
            // Record paths never hold a newline or start with a quote, which fast-import would read as C-quoting.
            if (file.Contains('\n', StringComparison.Ordinal) || file.StartsWith('"')) throw new GitCommandException($"cannot commit path {file}: it holds a newline or starts with a quote");
            Text(content is null ? $"D {file}\n" : $"M 100644 :{++mark} {file}\n");
        }

        Text("\ndone\n");
        stream.Position = 0;
        return stream;
    }
}
