using System.Text;
using CliWrap;

namespace SigilGate.Git;

/// <summary>
/// Commits exactly the files written, on top of HEAD, with one 'git fast-import': it writes the
/// blobs, the changed trees and the commit into one pack and moves the branch. The index then
/// learns the new blobs by id ('update-index --index-info'), so index, work tree and HEAD agree
/// again without git reading or hashing a file. 'update-index --add' wrote each file as a loose
/// object and 'write-tree' each changed folder: 106-145 ms for 200 files of a 10,000-record
/// area and about 640 ms for 2,000, against 54-70 ms and 150 ms this way. The bytes are
/// committed as written: no clean filter runs (record files have no reason to use one).
/// </summary>
internal static class FastImportCommit
{
    public static async Task RunAsync(GitCommandLine git, string clone, WrittenFiles files, string branch, string node, string parent, string message, CancellationToken cancellationToken)
    {
        var marks = Path.Combine(clone, ".git", "sigil-push.marks");
        try
        {
            using (var commands = FastImportCommands.For(files, branch, node, parent, message))
            {
                // zlib's fastest level: every commit rewrites the changed folders' trees (380 KB each
                // in a 10,000-record area). Measured there for 100 records: fast-import 56 -> 46 ms,
                // its pack 7% larger. The clone's packs only; git push compresses what it sends anew.
                await git.RunAsync(["-c", "core.compression=1", "fast-import", "--quiet", "--done", "--date-format=now", "--export-marks=" + marks], cancellationToken, input: PipeSource.FromStream(commands)).ConfigureAwait(false);
            }

            var ids = FastImportMarks.Read(marks);
            var commitMark = files.Contents.Count() + 1;
            var none = new string('0', ids[commitMark].Length);
            var index = new StringBuilder();
            var mark = 1;
            foreach (var (file, content) in files.All)
            {
                // Mode 0 removes the entry.
                index.Append(content is null ? $"0 {none}\t{file}\n" : $"100644 {ids[mark++]}\t{file}\n");
            }

            if (index.Length > 0) await git.RunAsync(["update-index", "--index-info"], cancellationToken, input: PipeSource.FromString(index.ToString())).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(marks);
        }
    }
}
