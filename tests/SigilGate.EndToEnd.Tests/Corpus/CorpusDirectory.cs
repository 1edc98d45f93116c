namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// The file-based cases in <c>tests/corpus/&lt;case&gt;/</c>: <c>tree/</c> holds the files the push
/// writes over the base network (byte for byte), <c>expected</c> the exact lines, and optionally
/// <c>identity</c> (who pushes, default alice), <c>delete</c> (paths the push removes, one a line)
/// and <c>push-only</c> (the lines are about the push, not the tree: clients are not asked).
/// </summary>
public static class CorpusDirectory
{
    public static string Root => Path.Combine(SigilBinaries.RepositoryRoot(), "tests", "corpus");

    public static IEnumerable<HostileCase> Cases() =>
        Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal).Select(Load);

    private static HostileCase Load(string directory)
    {
        var name = Path.GetFileName(directory);
        var expected = File.ReadAllLines(Path.Combine(directory, "expected")).Where(l => l.Length > 0).ToArray();
        if (expected.Length == 0) throw new InvalidOperationException($"{directory}/expected is empty: a case must say what the server answers");
        var identity = Optional(directory, "identity")?.Trim() ?? "alice";
        var deleted = Optional(directory, "delete")?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var pushOnly = File.Exists(Path.Combine(directory, "push-only"));
        return new HostileCase(name, clone => WriteAsync(clone, directory, deleted), expected, identity, SameForClients: !pushOnly);
    }

    private static async Task<string[]> WriteAsync(Clone clone, string directory, string[] deleted)
    {
        var tree = Path.Combine(directory, "tree");
        if (Directory.Exists(tree))
        {
            foreach (var file in Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(clone.Path, Path.GetRelativePath(tree, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }

        foreach (var path in deleted) clone.Delete(path);
        await clone.CommitAllAsync(Path.GetFileName(directory));
        return [];
    }

    private static string? Optional(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
