using System.Security.Cryptography;
using System.Text;

namespace SigilGate.Git;

/// <summary>
/// Large trees inflated in pre-receive, kept raw in the repository (<see cref="FolderName"/>, one
/// file per tree id) for the next push's pre-receive. Inflating a 100,000-entry folder (4 MB) costs git 15 to 30 ms; reading
/// it back here and hashing it costs about 4. Each push reads its tip's tree, which the push before
/// read as its new tree. A kept tree is used only when its content hashes to its id, as git hashes a
/// tree object, so a damaged or foreign file is a miss, never a wrong tree. The newest
/// <see cref="Kept"/> files are kept.
/// </summary>
/// <param name="gitDir">The real repository, not the quarantine overlay: nothing is written into the quarantine.</param>
internal sealed class LargeTreeCache(string gitDir)
{
    public const string FolderName = "sigil-large-trees";

    // A push reads two or three large folders of the tip and as many of the pushed commit.
    private const int Kept = 12;

    private string Folder => Path.Combine(gitDir, FolderName);

    /// <summary>The tree of <paramref name="treeId"/> when it is kept intact, else null.</summary>
    public RawTree? Load(string treeId)
    {
        if (!ObjectIds.IsWellFormed(treeId) || ReplacedFile.Read(Path.Combine(Folder, treeId)) is not { } content) return null;
        if (!HashesTo(treeId, content)) return null;
        try
        {
            return new RawTree(content, treeId.Length / 2);
        }
        catch (Workflows.Ports.GitReadException)
        {
            return null;
        }
    }

    /// <summary>Keeps a tree git read, and lets the oldest ones go; a cache that cannot be written keeps nothing.</summary>
    public void Keep(string treeId, RawTree tree)
    {
        if (!ObjectIds.IsWellFormed(treeId)) return;
        try
        {
            Directory.CreateDirectory(Folder);
            ReplacedFile.Write(Path.Combine(Folder, treeId), tree.Bytes);
            foreach (var old in new DirectoryInfo(Folder).GetFiles().OrderByDescending(f => f.LastWriteTimeUtc).Skip(Kept)) old.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next reader asks git, as without a cache.
        }
    }

    // git's object id: the hash of "tree <size>\0" and the content (SHA-1, or SHA-256 in a repository of 64-digit ids).
    private static bool HashesTo(string treeId, byte[] content)
    {
        using var hash = IncrementalHash.CreateHash(treeId.Length == 40 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes($"tree {content.Length}\0"));
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset()) == treeId;
    }
}
