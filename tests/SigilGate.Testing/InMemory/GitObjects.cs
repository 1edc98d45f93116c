using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SigilGate.Domain.Trees;

namespace SigilGate.Testing.InMemory;

/// <summary>
/// git's object ids (SHA-1 of <c>"&lt;type&gt; &lt;size&gt;\0"</c> and the object): an in-memory
/// commit has the id git gives the same commit, so the contract suite can ask both engines about
/// the same ids, and an object id the fake makes up differently is caught there.
/// </summary>
public static class GitObjects
{
    public static string BlobId(byte[] content) => Hash("blob", content);

    public static string TreeId(IReadOnlyDictionary<string, InMemoryBlob> files) => Tree(files.Select(f => (f.Key, f.Value)).ToList());

    public static string CommitId(string treeId, IReadOnlyList<string> parents, string author, string committer, DateTimeOffset time, string message)
    {
        var text = new StringBuilder();
        text.Append("tree ").Append(treeId).Append('\n');
        foreach (var parent in parents) text.Append("parent ").Append(parent).Append('\n');
        var when = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        text.Append("author ").Append(author).Append(' ').Append(when).Append('\n');
        text.Append("committer ").Append(committer).Append(' ').Append(when).Append('\n');
        text.Append('\n').Append(message);
        return Hash("commit", Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string ModeOf(TreeFileMode mode) => mode switch
    {
        TreeFileMode.Executable => "100755",
        TreeFileMode.Symlink => "120000",
        TreeFileMode.Submodule => "160000",
        _ => "100644",
    };

    // One tree object: its direct files, and a tree object per subfolder.
    private static string Tree(IReadOnlyList<(string Path, InMemoryBlob Blob)> files)
    {
        var entries = new List<(string Name, string Mode, string Id)>();
        foreach (var group in files.GroupBy(f => f.Path.Split('/')[0], StringComparer.Ordinal))
        {
            var direct = group.FirstOrDefault(f => !f.Path.Contains('/', StringComparison.Ordinal));
            if (direct.Blob is not null)
            {
                entries.Add((group.Key, ModeOf(direct.Blob.Mode), direct.Blob.Id));
                continue;
            }

            var inner = group.Select(f => (f.Path[(group.Key.Length + 1)..], f.Blob)).ToList();
            entries.Add((group.Key, "40000", Tree(inner)));
        }

        // git orders entries by name, a folder's name compared as if it ended in '/'.
        entries.Sort((a, b) => string.CompareOrdinal(a.Mode == "40000" ? a.Name + "/" : a.Name, b.Mode == "40000" ? b.Name + "/" : b.Name));
        using var body = new MemoryStream();
        foreach (var (name, mode, id) in entries)
        {
            body.Write(Encoding.UTF8.GetBytes($"{mode} {name}\0"));
            body.Write(Convert.FromHexString(id));
        }

        return Hash("tree", body.ToArray());
    }

    private static string Hash(string type, byte[] content)
    {
        var header = Encoding.UTF8.GetBytes($"{type} {content.Length.ToString(CultureInfo.InvariantCulture)}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }
}
