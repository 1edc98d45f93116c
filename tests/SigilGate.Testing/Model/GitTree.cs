using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>
/// Reads the files of a commit that the model checks (records as canonical JSON, and kept
/// conflict copies under .sigil/conflicts/ as they are), with two git processes per commit,
/// cached by commit id.
/// </summary>
public sealed class GitTree(BareRepository bare)
{
    private readonly Dictionary<string, TreeFiles> cache = new(StringComparer.Ordinal);

    public sealed record TreeFiles(IReadOnlyDictionary<string, string> Records, IReadOnlyDictionary<string, string> Conflicts);

    public async Task<TreeFiles> ReadAsync(string commit)
    {
        if (cache.TryGetValue(commit, out var known)) return known;
        var listing = await Run("ls-tree", "-r", commit).ConfigureAwait(false);
        var wanted = new List<(string Path, string Blob)>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var path = line[(tab + 1)..];
            if (ModelRecords.IsRecord(path) || path.StartsWith(".sigil/conflicts/", StringComparison.Ordinal)) wanted.Add((path, line.Split(' ', '\t')[2]));
        }

        var contents = await BlobsAsync(wanted.Select(w => w.Blob).ToList()).ConfigureAwait(false);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (ModelRecords.IsRecord(wanted[i].Path)) records[wanted[i].Path] = ModelRecords.Json(contents[i]);
            else conflicts[wanted[i].Path] = contents[i];
        }

        return cache[commit] = new TreeFiles(records, conflicts);
    }

    /// <summary>Every commit the branch has pointed at, oldest first (the bare repository's reflog).</summary>
    public async Task<IReadOnlyList<string>> TipsAsync()
    {
        var log = await Run("reflog", "show", "--format=%H", "refs/heads/main").ConfigureAwait(false);
        return log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse().Distinct(StringComparer.Ordinal).ToList();
    }

    public async Task<string> TipAsync() => (await Run("rev-parse", "refs/heads/main").ConfigureAwait(false)).Trim();

    private async Task<List<string>> BlobsAsync(List<string> blobs)
    {
        var output = await Processes.RunAsync("git", ["cat-file", "--batch"], bare.Path, bare.Environment.Variables, string.Join('\n', blobs) + "\n").ConfigureAwait(false);
        if (output.ExitCode != 0) throw new InvalidOperationException("git cat-file failed: " + output);
        var text = output.StandardOutput;
        var result = new List<string>();
        var at = 0;
        foreach (var _ in blobs)
        {
            var end = text.IndexOf('\n', at);
            var size = int.Parse(text[at..end].Split(' ')[2], CultureInfo.InvariantCulture);
            result.Add(text.Substring(end + 1, size)); // the model's files are ASCII: bytes = characters
            at = end + 1 + size + 1;
        }

        return result;
    }

    private async Task<string> Run(params string[] arguments)
    {
        var result = await bare.GitAsync(arguments).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
    }
}
