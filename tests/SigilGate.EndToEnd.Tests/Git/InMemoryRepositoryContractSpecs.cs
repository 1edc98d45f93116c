using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>The reader contract, against the in-memory repository the workflows' unit specs use in place of git.</summary>
public sealed class InMemoryRepositoryContractSpecs : RepositoryReaderContract
{
    protected override Task<(IRepositoryReader Reader, INoteWriter Notes)> OpenAsync(InMemoryRepository history) =>
        Task.FromResult<(IRepositoryReader, INoteWriter)>((history, history));

    [Test]
    public void A_tree_cannot_hold_a_file_and_a_folder_of_the_same_name()
    {
        History.Commit("main", "a file", ("thing", "1"));

        Should.Throw<ArgumentException>(() => History.Commit("main", "and a folder", ("thing/inner.yaml", "2")));
    }
}
