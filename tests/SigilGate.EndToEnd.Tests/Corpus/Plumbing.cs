using System.Text;

namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// Crafts with git's plumbing what porcelain refuses to make (tree entries named <c>..</c>,
/// gitlinks at any path, commits without an author), as a hostile client can.
/// </summary>
internal static class Plumbing
{
    public const string Regular = "100644";
    public const string Executable = "100755";
    public const string Symlink = "120000";
    public const string Gitlink = "160000";

    /// <summary>Stores a blob and returns its id.</summary>
    public static async Task<string> BlobAsync(Clone clone, byte[] content)
    {
        var file = Path.Combine(clone.Path, ".git", "crafted-blob");
        await File.WriteAllBytesAsync(file, content);
        return await GitAsync(clone, null, "hash-object", "-w", file);
    }

    public static Task<string> BlobAsync(Clone clone, string content) => BlobAsync(clone, Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// A commit on top of HEAD whose tree is HEAD's plus one entry (any name, mode and object,
    /// folders made as needed): <c>git mktree</c> checks neither names nor paths.
    /// </summary>
    public static async Task<string> CommitWithEntryAsync(Clone clone, string path, string mode, string objectId, string message = "crafted entry")
    {
        var tree = await WithEntryAsync(clone, await GitAsync(clone, null, "rev-parse", "HEAD^{tree}"), path.Split('/'), mode, objectId);
        return await GitAsync(clone, null, "commit-tree", tree, "-p", "HEAD", "-m", message);
    }

    /// <summary>Writes a commit object exactly as given (header lines, blank line, message).</summary>
    public static Task<string> RawCommitAsync(Clone clone, string text) =>
        GitAsync(clone, text, "hash-object", "-t", "commit", "-w", "--stdin", "--literally");

    public static Task<string> RevParseAsync(Clone clone, string revision) => GitAsync(clone, null, "rev-parse", revision);

    private static async Task<string> WithEntryAsync(Clone clone, string? tree, string[] parts, string mode, string objectId)
    {
        var entries = tree is null ? [] : await EntriesAsync(clone, tree);
        var name = parts[0];
        string line;
        if (parts.Length == 1)
        {
            var type = mode switch { Gitlink => "commit", "040000" => "tree", _ => "blob" };
            line = $"{mode} {type} {objectId}\t{name}";
        }
        else
        {
            var existing = entries.FirstOrDefault(e => e.Name == name && e.Type == "tree");
            line = $"040000 tree {await WithEntryAsync(clone, existing?.Id, parts[1..], mode, objectId)}\t{name}";
        }

        var kept = entries.Where(e => e.Name != name).Select(e => $"{e.Mode} {e.Type} {e.Id}\t{e.Name}");
        var input = string.Concat(kept.Append(line).Select(l => l + "\0"));
        return await GitAsync(clone, input, "mktree", "-z", "--missing");
    }

    private static async Task<List<TreeEntry>> EntriesAsync(Clone clone, string tree)
    {
        var output = await GitAsync(clone, null, ["ls-tree", "-z", tree], trim: false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(TreeEntry.Parse).ToList();
    }

    private static Task<string> GitAsync(Clone clone, string? input, params string[] arguments) => GitAsync(clone, input, arguments, trim: true);

    private static async Task<string> GitAsync(Clone clone, string? input, string[] arguments, bool trim)
    {
        var result = await Processes.RunAsync("git", arguments, clone.Path, clone.Environment.Variables, input);
        if (result.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        return trim ? result.StandardOutput.Trim() : result.StandardOutput;
    }

    private sealed record TreeEntry(string Mode, string Type, string Id, string Name)
    {
        public static TreeEntry Parse(string line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var fields = line[..tab].Split(' ');
            return new TreeEntry(fields[0], fields[1], fields[2], line[(tab + 1)..]);
        }
    }
}
