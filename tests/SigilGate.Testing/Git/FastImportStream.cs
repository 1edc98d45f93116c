using System.Globalization;
using System.Text;

namespace SigilGate.Testing.Git;

/// <summary>
/// A <c>git fast-import</c> command stream: repositories of thousands of files written by one git
/// run, in well under a second, where a commit through a work tree would take many.
/// </summary>
public sealed class FastImportStream
{
    private readonly StringBuilder text = new();

    /// <summary>
    /// Starts a commit on <paramref name="branch"/>. Without <paramref name="from"/> it goes on from
    /// where the branch is (in this stream or the repository).
    /// </summary>
    public FastImportStream Commit(
        string branch, string message, string? from = null, long time = 1_795_000_000, string committer = "Test <test@example.invalid>")
    {
        text.Append("commit refs/heads/").Append(branch)
            .Append("\ncommitter ").Append(committer).Append(' ').Append(time.ToString(CultureInfo.InvariantCulture)).Append(" +0000\n");
        Data(message);
        if (from is not null) text.Append("from ").Append(from).Append('\n');
        return this;
    }

    /// <summary>A file of the current commit; <paramref name="mode"/> 100755 for an executable, 120000 for a link to <paramref name="content"/>.</summary>
    public FastImportStream File(string path, string content, string mode = "100644")
    {
        text.Append("M ").Append(mode).Append(" inline ").Append(path).Append('\n');
        Data(content);
        return this;
    }

    public FastImportStream Delete(string path)
    {
        text.Append("D ").Append(path).Append('\n');
        return this;
    }

    /// <summary>Runs <c>git fast-import</c> on the stream in the repository at <paramref name="directory"/>.</summary>
    public Task<ProcessResult> ImportAsync(string directory, IReadOnlyDictionary<string, string?> environment) =>
        Processes.RunAsync("git", ["fast-import", "--quiet"], directory, environment, text.ToString());

    private void Data(string content) =>
        text.Append("data ").Append(Encoding.UTF8.GetByteCount(content).ToString(CultureInfo.InvariantCulture)).Append('\n').Append(content).Append('\n');
}
