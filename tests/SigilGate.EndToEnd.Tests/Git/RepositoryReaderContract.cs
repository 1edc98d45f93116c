using SigilGate.Domain.Trees;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// What every <see cref="IRepositoryReader"/> (and <see cref="INoteWriter"/>) must answer, run
/// against the LibGit2Sharp reader on a repository git wrote and against the in-memory repository
/// the workflows' unit specs use, so that fake cannot drift from git. Each spec describes its
/// history in an <see cref="InMemoryRepository"/>; <see cref="OpenAsync"/> gives a reader of the
/// same history (same commits, same ids) in the engine under test.
/// </summary>
public abstract partial class RepositoryReaderContract
{
    /// <summary>The history of the spec, described before <see cref="Open"/> (whose reader the spec disposes).</summary>
    protected InMemoryRepository History { get; private set; } = null!;

    protected INoteWriter Notes { get; private set; } = null!;

    /// <summary>A reader and a note writer of <paramref name="history"/> in the engine under test.</summary>
    protected abstract Task<(IRepositoryReader Reader, INoteWriter Notes)> OpenAsync(InMemoryRepository history);

    protected virtual void CleanUp()
    {
    }

    [SetUp]
    public void NewHistory() => History = new InMemoryRepository();

    [TearDown]
    public void Close()
    {
        CleanUp();
    }

    protected async Task<IRepositoryReader> Open()
    {
        var (reader, notes) = await OpenAsync(History);
        Notes = notes;
        return reader;
    }

    protected static string[] Shas(IEnumerable<SigilGate.Domain.Git.CommitInfo> commits) => commits.Select(c => c.Sha).ToArray();

    protected static string Text(TreeFile file) => System.Text.Encoding.UTF8.GetString(file.Content.Span);
}
