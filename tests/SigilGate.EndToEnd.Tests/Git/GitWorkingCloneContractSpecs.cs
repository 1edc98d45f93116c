using System.Text;
using SigilGate.Git;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// The clone contract, against <see cref="WorkingClone"/> (the git command line) on a clone of a
/// bare repository; rivals push from clones of their own, and a refusal is a pre-receive hook that
/// declines once.
/// </summary>
public sealed class GitWorkingCloneContractSpecs : WorkingCloneContract
{
    private GitEnvironment environment = null!;
    private string root = "";
    private int rivals;

    private string Bare => Path.Combine(root, "remote.git");

    protected override async Task<IWorkingClone> CreateAsync(TreeChange[] files)
    {
        environment = new GitEnvironment();
        root = TempDirectories.Create("sigil-clone-contract-");
        Directory.CreateDirectory(Bare);
        await GitAsync(Bare, "init", "--quiet", "--bare");
        var seed = new InMemoryRepository();
        seed.Commit("main", "base", files);
        await ContractHistoryImport.ImportAsync(seed, Bare, environment.Variables);
        await GitAsync(root, "clone", "--quiet", Bare, "node");
        return new WorkingClone(Path.Combine(root, "node"), "main", "core-1");
    }

    protected override async Task<string> RivalPushAsync(params TreeChange[] changes)
    {
        var name = $"rival-{++rivals}";
        var path = Path.Combine(root, name);
        await GitAsync(root, "clone", "--quiet", Bare, name);
        foreach (var change in changes)
        {
            var file = Path.Combine(path, change.Path);
            if (change.Content is null)
            {
                File.Delete(file);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, change.Content);
        }

        await GitAsync(path, "add", "-A");
        await GitAsync(path, "commit", "--quiet", "-m", "rival");
        await GitAsync(path, "push", "--quiet", "origin", "HEAD:main");
        return (await GitAsync(path, "rev-parse", "HEAD")).StandardOutput.Trim();
    }

    protected override Task RefuseNextPushAsync(string message)
    {
        // The hook removes itself: only the next push is refused.
        var hook = Path.Combine(Bare, "hooks", "pre-receive");
        File.WriteAllText(hook, new StringBuilder().Append("#!/bin/sh\nrm -f -- \"$0\"\necho '").Append(message).Append("' >&2\nexit 1\n").ToString());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Task.CompletedTask;
    }

    protected override IRepositoryReader OpenRemote() => GitRepositories.Open(Bare, new Dictionary<string, string?>());

    protected override void CleanUp()
    {
        TempDirectories.Delete(root);
        environment.Dispose();
    }

    private async Task<ProcessResult> GitAsync(string directory, params string[] arguments)
    {
        var result = await Processes.RunAsync("git", arguments, directory, environment.Variables);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }
}
