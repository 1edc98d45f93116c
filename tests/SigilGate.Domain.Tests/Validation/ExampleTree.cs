using System.Text;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>A small valid network repository, and ways to break it one file at a time.</summary>
internal static class ExampleTree
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["README.md"] = "# Our network\n",
        ["sigil.yaml"] = "roots:\n  - root\noperators:\n  - alice\n",
        ["network.yaml"] = "name: prod\nsync_interval: 30s\n",
        ["nodes/core/core-1.yaml"] = "id: core-1\naddress: 10.0.0.1:443\nregion: eu-west\ngrpc_paths:\n  - /sigil.Gate/Route\n",
        ["nodes/core/core-2.yaml"] = "id: core-2\naddress: \"[2001:db8::2]:443\"\nregion: us-east\n",
        ["nodes/entry/e-7.yaml"] = "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n",
        ["state/core-1/entries/e-7.yaml"] = "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /sigil.Gate/Route\n",
    };

    public static TreeSnapshot Tree => With();

    /// <summary>The example with files replaced or added (a null text removes the file).</summary>
    public static TreeSnapshot With(params (string Path, string? Text)[] changes)
    {
        var files = new Dictionary<string, string>(Files);
        foreach (var (path, text) in changes)
        {
            if (text is null) files.Remove(path);
            else files[path] = text;
        }

        return new TreeSnapshot(files.Select(file => TreeFile.FromText(file.Key, file.Value)));
    }

    public static TreeSnapshot WithFile(TreeFile file) =>
        new(Files.Where(f => f.Key != file.Path).Select(f => TreeFile.FromText(f.Key, f.Value)).Append(file));

    public static TreeSnapshot Only(params (string Path, string Text)[] files) =>
        new(files.Select(file => TreeFile.FromText(file.Path, file.Text)));

    public static TreeFile Bytes(string path, params byte[] bytes) => TreeFile.FromBytes(path, bytes);

    public static TreeFile Utf8(string path, string text) => TreeFile.FromBytes(path, Encoding.UTF8.GetBytes(text));

    public static string[] Problems(TreeSnapshot tree, int maxRecordBytes = 1_048_576) =>
        TreeValidator.Validate(tree, maxRecordBytes).Diagnostics.Select(d => d.ToString()).ToArray();
}
