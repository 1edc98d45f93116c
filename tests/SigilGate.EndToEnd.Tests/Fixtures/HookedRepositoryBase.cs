namespace SigilGate.EndToEnd.Tests;

/// <summary>
/// The end-to-end fixtures with a hooked repository: a real etcd, a bare repository with the
/// published hooks installed and pointed at it, and a clone to push from
/// (<see cref="RepositoryFixture{TEtcd}"/>). A variant says which etcd it starts; it may also say which
/// executables are the hooks and what sigil.json needs to reach etcd.
/// </summary>
public abstract class HookedRepositoryBase<TEtcd> : EndToEndFixture<RepositoryFixture<TEtcd>>
    where TEtcd : class, IEtcd
{
    protected const string Prefix = SigilJson.Prefix;

    protected RepositoryFixture<TEtcd> Repository => Parts;

    protected TEtcd Etcd => Repository.Etcd;

    protected GitEnvironment Environment => Repository.Environment;

    protected BareRepository Bare => Repository.Bare;

    protected Clone Clone => Repository.Clone;

    /// <summary>The executables installed as hooks (null: <see cref="SigilBinaries.Directory"/>, the release build).</summary>
    protected virtual string? Binaries => null;

    /// <summary>Starts the etcd the variant needs and waits until it serves.</summary>
    protected abstract Task<TEtcd> StartEtcdAsync();

    /// <summary>TLS files and credentials sigil.json needs to reach <paramref name="etcd"/> (null: none).</summary>
    protected virtual EtcdAccess? AccessTo(TEtcd etcd) => null;

    protected sealed override async Task<RepositoryFixture<TEtcd>> CreateAsync()
    {
        var etcd = await StartEtcdAsync();
        return await RepositoryFixture<TEtcd>.CreateAsync(etcd, Binaries, AccessTo(etcd));
    }

    /// <summary>Commits the base network (<see cref="Network.WriteBase"/>) and pushes it as root; asserts it was accepted.</summary>
    protected async Task<string> PushBaseNetworkAsync()
    {
        Network.WriteBase(Clone);
        var (sha, push) = await Clone.CommitAndPushAsync("base network");
        push.ExitCode.ShouldBe(0, push.ToString());
        BaseNetworkPushed(sha, push);
        return sha;
    }

    /// <summary>What a variant checks of the accepted base push beyond its exit code.</summary>
    protected virtual void BaseNetworkPushed(string sha, ProcessResult push)
    {
    }

    /// <summary>
    /// Commits everything with the committer time of HEAD: the second edit of a record within one
    /// second, the case a commit-time clock alone cannot order.
    /// </summary>
    protected static async Task<string> CommitInTheSameSecondAsync(Clone clone, string message)
    {
        var time = (await clone.GitAsync("log", "-1", "--format=%cI")).StandardOutput.Trim();
        var environment = clone.Environment.With(("GIT_COMMITTER_DATE", time), ("GIT_AUTHOR_DATE", time));
        (await clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
        var commit = await Processes.RunAsync("git", ["commit", "--quiet", "-m", message], clone.Path, environment);
        commit.ExitCode.ShouldBe(0, commit.ToString());
        return (await clone.GitAsync("rev-parse", "HEAD")).StandardOutput.Trim();
    }

    /// <summary>Every key under the prefix and its value, as etcdctl reads them.</summary>
    protected Task<Dictionary<string, string>> EtcdKeysAsync(string prefix = Prefix + "/") => Repository.KeysAsync(prefix);

    /// <summary>Data keys only (what node agents read), without the suite's bookkeeping.</summary>
    protected Task<Dictionary<string, string>> DataKeysAsync() => Repository.DataKeysAsync();

    /// <summary>etcd's revision now.</summary>
    protected Task<long> EtcdRevisionAsync() => Etcd.RevisionAsync();

    /// <summary>Runs <c>sigil</c> against the bare repository (<c>--repo</c> added).</summary>
    protected Task<ProcessResult> SigilAsync(params string[] arguments) => Bare.SigilAsync([.. arguments, "--repo", Bare.Path]);

    /// <summary>The lines the hooks printed (git relays them as <c>remote: sigil: ...</c>).</summary>
    protected static string[] SigilLines(ProcessResult push) => PushOutput.SigilLines(push);

    /// <summary>The hooks' error lines (<c>remote: sigil: error: ...</c>).</summary>
    protected static string[] ErrorLines(ProcessResult push) => PushOutput.ErrorLines(push);
}
