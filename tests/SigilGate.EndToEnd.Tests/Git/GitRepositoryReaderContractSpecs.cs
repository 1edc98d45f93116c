using SigilGate.Git;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// The reader contract, against the LibGit2Sharp reader as the hooks open it
/// (<see cref="GitRepositories.OpenForWriting"/>), on a bare repository into which git
/// fast-import wrote the spec's history.
/// </summary>
public sealed class GitRepositoryReaderContractSpecs : RepositoryReaderContract
{
    private GitEnvironment? environment;
    private string? directory;

    protected override async Task<(IRepositoryReader Reader, INoteWriter Notes)> OpenAsync(InMemoryRepository history)
    {
        environment = new GitEnvironment();
        directory = TempDirectories.Create("sigil-reader-contract-");
        var init = await Processes.RunAsync("git", ["init", "--quiet", "--bare"], directory, environment.Variables);
        init.ExitCode.ShouldBe(0, init.ToString());
        await ContractHistoryImport.ImportAsync(history, directory, environment.Variables);
        return GitRepositories.OpenForWriting(directory);
    }

    protected override void CleanUp()
    {
        if (directory is not null) TempDirectories.Delete(directory);
        environment?.Dispose();
        (directory, environment) = (null, null);
    }
}
