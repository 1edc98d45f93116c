using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>The clone contract, against the in-memory clone the mirror's unit specs use in place of git.</summary>
public sealed class InMemoryCloneContractSpecs : WorkingCloneContract
{
    private InMemoryRepository remote = null!;
    private InMemoryClone clone = null!;

    protected override Task<IWorkingClone> CreateAsync(TreeChange[] files)
    {
        remote = new InMemoryRepository();
        remote.Commit("main", "base", files);
        clone = new InMemoryClone(remote, "main");
        return Task.FromResult<IWorkingClone>(clone);
    }

    protected override Task<string> RivalPushAsync(params TreeChange[] changes) => Task.FromResult(remote.Commit("main", "rival", changes));

    protected override Task RefuseNextPushAsync(string message)
    {
        clone.RefuseNextPush($"remote: {message}\n");
        return Task.CompletedTask;
    }

    protected override IRepositoryReader OpenRemote() => remote;
}
