using System.Text;
using CliWrap;
using SigilGate.Core.Trees;

namespace SigilGate.Adapters.Git;

/// <summary>
/// Reads large trees whole with one <c>git cat-file --batch</c> and parses them here. LibGit2Sharp
/// builds a managed entry per tree entry with several native calls each (about 50 ms for a
/// 10,000-entry folder), and libgit2 keeps no large tree in its cache, so every lookup by name
/// reads the folder again. git hands over the raw objects of three such folders in about 10 ms,
/// start-up included, and parsing them costs about a millisecond each.
/// </summary>
internal static class GitTreeObjects
{
    /// <summary>Each tree of <paramref name="treeIds"/>, by id.</summary>
    /// <param name="gitDir">A repository whose object store holds the trees (in pre-receive, the quarantine overlay).</param>
    public static Dictionary<string, RawTree> Read(string gitDir, IReadOnlyCollection<string> treeIds)
    {
        var trees = new Dictionary<string, RawTree>(StringComparer.Ordinal);
        if (treeIds.Count == 0) return trees;

        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var result = Cli.Wrap("git")
            .WithArguments(["--git-dir=" + gitDir, "cat-file", "--batch"])
            .WithWorkingDirectory(gitDir)
            .WithEnvironmentVariables(IsolatedEnvironment)
            .WithStandardInputPipe(PipeSource.FromString(string.Join('\n', treeIds) + "\n"))
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithStandardErrorPipe(PipeTarget.ToStream(error))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync().Task.GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            throw new GitReadException($"git cat-file failed (exit {result.ExitCode}): {Encoding.UTF8.GetString(error.ToArray()).Trim()}");
        }

        // Each object: "<id> <type> <size>\n<size bytes>\n"; one git cannot find: "<id> missing\n".
        var batch = output.GetBuffer().AsSpan(0, (int)output.Length);
        while (!batch.IsEmpty)
        {
            var newline = batch.IndexOf((byte)'\n');
            if (newline < 0) break;
            var header = Encoding.ASCII.GetString(batch[..newline]).Split(' ');
            batch = batch[(newline + 1)..];
            if (header is not [var id, "tree", var sizeText])
            {
                throw new GitReadException($"tree {header[0]} is missing from the repository or is not a tree ({string.Join(' ', header[1..])})");
            }

            var size = int.Parse(sizeText, System.Globalization.CultureInfo.InvariantCulture);
            trees[id] = new RawTree(batch[..size].ToArray(), id.Length / 2);
            batch = batch[(size + 1)..];
        }

        return trees;
    }

    // The object store is named by --git-dir alone: a hook's GIT_DIR, GIT_OBJECT_DIRECTORY and
    // alternates (set by receive-pack for its quarantine) must not point this git elsewhere.
    private static readonly IReadOnlyDictionary<string, string?> IsolatedEnvironment = new Dictionary<string, string?>
    {
        ["GIT_DIR"] = null,
        ["GIT_WORK_TREE"] = null,
        ["GIT_INDEX_FILE"] = null,
        ["GIT_OBJECT_DIRECTORY"] = null,
        ["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = null,
        ["GIT_QUARANTINE_PATH"] = null,
        ["GIT_NAMESPACE"] = null,
    };
}
