using System.Globalization;
using System.Text;
using SigilGate.Testing.InMemory;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// Writes an <see cref="InMemoryRepository"/>'s history into a real repository with one
/// <c>git fast-import</c>: every commit with its parents, signatures, time, message and whole tree,
/// then the branches. git must give each commit the id the in-memory repository gave it.
/// </summary>
internal static class ContractHistoryImport
{
    // Commits are made on a ref of their own and reset before each, so a root commit has no parent.
    private const string WorkRef = "refs/contract/work";

    public static async Task ImportAsync(InMemoryRepository history, string gitDir, IReadOnlyDictionary<string, string?> environment)
    {
        var marks = Path.Combine(gitDir, "contract-marks");
        var stream = new StringBuilder();
        var mark = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var commit in history.Commits)
        {
            mark[commit.Sha] = mark.Count + 1;
            var when = commit.Info.CommitterTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
            stream.Append("reset ").Append(WorkRef).Append('\n');
            stream.Append("commit ").Append(WorkRef).Append('\n');
            stream.Append("mark :").Append(mark[commit.Sha]).Append('\n');
            stream.Append("author ").Append(commit.Info.AuthorName).Append(" <").Append(commit.AuthorEmail).Append("> ").Append(when).Append('\n');
            stream.Append("committer ").Append(commit.Info.CommitterName).Append(" <").Append(commit.CommitterEmail).Append("> ").Append(when).Append('\n');
            Data(stream, commit.Message);
            for (var i = 0; i < commit.Info.Parents.Count; i++)
            {
                stream.Append(i == 0 ? "from :" : "merge :").Append(mark[commit.Info.Parents[i]]).Append('\n');
            }

            stream.Append("deleteall\n");
            foreach (var (path, blob) in commit.Tree)
            {
                stream.Append("M ").Append(GitObjects.ModeOf(blob.Mode)).Append(" inline ").Append(path).Append('\n');
                Data(stream, Encoding.UTF8.GetString(blob.Content));
            }

            stream.Append('\n');
        }

        foreach (var (branch, sha) in history.Branches)
        {
            stream.Append("reset refs/heads/").Append(branch).Append("\nfrom :").Append(mark[sha]).Append("\n\n");
        }

        var import = await Processes.RunAsync("git", ["fast-import", "--quiet", "--export-marks=" + marks], gitDir, environment, stream.ToString());
        import.ExitCode.ShouldBe(0, import.ToString());
        var written = File.ReadAllLines(marks).Select(l => l.Split(' ')).ToDictionary(p => int.Parse(p[0][1..], CultureInfo.InvariantCulture), p => p[1]);
        File.Delete(marks);
        foreach (var (sha, number) in mark)
        {
            written[number].ShouldBe(sha, $"git wrote commit :{number} with another id than the in-memory repository gave it");
        }
    }

    private static void Data(StringBuilder stream, string content) =>
        stream.Append("data ").Append(Encoding.UTF8.GetByteCount(content).ToString(CultureInfo.InvariantCulture)).Append('\n').Append(content).Append('\n');
}
