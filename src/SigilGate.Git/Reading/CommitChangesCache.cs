using System.Buffers;
using System.Text;

namespace SigilGate.Git;

/// <summary>
/// What a commit changed against one of its parents, kept in the repository (<see cref="FolderName"/>,
/// a file per commit and parent) for the readers after this one. A walk back through the history (a
/// record without a version sidecar is dated by the commit that last changed it) asks it of every
/// commit on the way, and each of a Core node's commits changed its folder of records: at 100,000
/// records, a diff inflates megabytes of trees, a kept file is a few hundred bytes. Both commits are
/// named by their content, so what one changed against the other never changes and a kept file is
/// never stale; one that is damaged, cut short or names other commits is a miss, and the diff is made again.
/// </summary>
/// <param name="gitDir">The real repository, not the quarantine overlay: nothing is written into the quarantine.</param>
internal sealed class CommitChangesCache(string gitDir)
{
    public const string FolderName = "sigil-commit-changes";

    // Names the diff's rules (a mode change is a change; no renames): a reader with other rules reads none of these files.
    private const string Header = "sigil commit changes 1";

    /// <summary>The kept file of <paramref name="commitSha"/>'s changes against <paramref name="parentSha"/>.</summary>
    private string PathOf(string parentSha, string commitSha) => Path.Combine(gitDir, FolderName, commitSha[..2], $"{commitSha[2..]}-{parentSha}");

    /// <summary>The changed paths (sorted as the diff sorts them) and those added, when kept intact; else null.</summary>
    public (IReadOnlyList<string> Changed, IReadOnlySet<string> Added)? Load(string parentSha, string commitSha)
    {
        if (!ObjectIds.IsWellFormed(parentSha) || !ObjectIds.IsWellFormed(commitSha)) return null;
        if (ReplacedFile.Read(PathOf(parentSha, commitSha)) is not { } bytes) return null;
        var length = ChecksummedText.BodyLength(bytes);
        if (length < 0) return null;

        var lines = Encoding.UTF8.GetString(bytes, 0, length).Split('\n');
        if (lines.Length < 4 || lines[0] != Header || lines[1] != $"commit {commitSha}" || lines[2] != $"parent {parentSha}" || lines[^1] != "") return null;
        var changed = new List<string>(lines.Length - 4);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.AsSpan(3, lines.Length - 4))
        {
            if (line.Length < 3 || line[1] != ' ' || line[0] is not ('+' or '~')) return null;
            var path = line[2..];
            changed.Add(path);
            if (line[0] == '+') added.Add(path);
        }

        return (changed, added);
    }

    /// <summary>Keeps a commit's changes against a parent; what cannot be written (or named on a line) is not kept.</summary>
    public void Keep(string parentSha, string commitSha, IReadOnlyList<string> changed, IReadOnlySet<string> added)
    {
        if (!ObjectIds.IsWellFormed(parentSha) || !ObjectIds.IsWellFormed(commitSha) || changed.Any(path => path.Length == 0 || path.Contains('\n', StringComparison.Ordinal))) return;
        var output = new ArrayBufferWriter<byte>();
        ChecksummedText.Append(output, $"{Header}\ncommit {commitSha}\nparent {parentSha}\n");
        foreach (var path in changed) ChecksummedText.Append(output, $"{(added.Contains(path) ? '+' : '~')} {path}\n");
        ChecksummedText.Seal(output);
        var file = PathOf(parentSha, commitSha);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next reader makes the diff, as without a cache.
            return;
        }

        ReplacedFile.Write(file, output.WrittenSpan);
    }
}
