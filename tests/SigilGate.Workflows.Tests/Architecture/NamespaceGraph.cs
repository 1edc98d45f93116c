using System.Text.RegularExpressions;

namespace SigilGate.Workflows.Tests.Architecture;

/// <summary>
/// Which namespace of a project uses which (read from each file's namespace and its using
/// directives: the code names other namespaces of the suite only through those).
/// </summary>
internal sealed partial class NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
{
    public static NamespaceGraph Read(string projectFolder)
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            var own = NamespaceLine().Match(text);
            if (!own.Success) continue;
            var name = own.Groups[1].Value;
            if (!uses.TryGetValue(name, out var used)) uses[name] = used = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match directive in UsingLine().Matches(text))
            {
                // "using static N.Type;" uses the namespace N.
                var target = directive.Groups[1].Success ? directive.Groups[2].Value[..directive.Groups[2].Value.LastIndexOf('.')] : directive.Groups[2].Value;
                if (target != name) used.Add(target);
            }
        }

        return new NamespaceGraph(uses.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal));
    }

    /// <summary>Each cycle as "A -> B -> A" (one per namespace that lies on one).</summary>
    public IReadOnlyList<string> Cycles() =>
        uses.Keys.Select(start => PathBack(start)).OfType<string>().ToList();

    // A path from the namespace's uses back to itself, or null.
    private string? PathBack(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Name, string Path)>([(start, start)]);
        while (queue.Count > 0)
        {
            var (name, path) = queue.Dequeue();
            foreach (var next in uses.GetValueOrDefault(name) ?? new HashSet<string>())
            {
                if (next == start) return $"{path} -> {start}";
                if (uses.ContainsKey(next) && seen.Add(next)) queue.Enqueue((next, $"{path} -> {next}"));
            }
        }

        return null;
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (static )?(SigilGate\.[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
