namespace SigilGate.Testing;

/// <summary>
/// The real parts every end-to-end test starts from, set up in this one place: an etcd (a member,
/// a cluster, or one that demands TLS or a password), a git environment, a bare repository with the
/// published hooks and a sigil.json pointing at that etcd, and the operator's clone. Further clones
/// (another operator's, Core nodes') are removed with it; etcd goes last.
/// </summary>
public sealed class RepositoryFixture<TEtcd> : IAsyncDisposable
    where TEtcd : IEtcd
{
    private readonly List<Clone> clones = [];
    private readonly bool ownsEnvironment;
    private BareRepository? bare;

    private RepositoryFixture(TEtcd etcd, GitEnvironment environment, bool ownsEnvironment = true)
    {
        Etcd = etcd;
        Environment = environment;
        this.ownsEnvironment = ownsEnvironment;
    }

    public TEtcd Etcd { get; }

    public GitEnvironment Environment { get; }

    public BareRepository Bare => bare ?? throw new InvalidOperationException("the bare repository is not made yet");

    /// <summary>The operator's clone, made right after the bare repository (of an adopted one: the first clone added).</summary>
    public Clone Clone => clones.Count > 0 ? clones[0] : throw new InvalidOperationException("the clone is not made yet");

    /// <summary>Takes <paramref name="etcd"/> over: it is disposed with the fixture, also when setting up the rest fails.</summary>
    /// <param name="binaries">The executables installed as hooks; null: <see cref="SigilBinaries.Directory"/>.</param>
    /// <param name="access">TLS files and credentials for sigil.json, if etcd needs them.</param>
    /// <param name="then">More set-up (a base push, more clones); when it fails, everything is removed as well.</param>
    public static async Task<RepositoryFixture<TEtcd>> CreateAsync(TEtcd etcd, string? binaries = null, EtcdAccess? access = null, Func<RepositoryFixture<TEtcd>, Task>? then = null)
    {
        ArgumentNullException.ThrowIfNull(etcd);
        GitEnvironment environment;
        try
        {
            environment = new GitEnvironment();
        }
        catch
        {
            await etcd.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var fixture = new RepositoryFixture<TEtcd>(etcd, environment);
        try
        {
            fixture.bare = await BareRepository.CreateAsync(environment, etcd.Endpoints, SigilJson.Prefix, binaries: binaries, access: access).ConfigureAwait(false);
            await fixture.CloneAsync().ConfigureAwait(false);
            if (then is not null) await then(fixture).ConfigureAwait(false);
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A repository a Git server made and keeps (<see cref="BareRepository.Served"/>), with the server's
    /// environment: the fixture removes <paramref name="etcd"/> and the clones added, and leaves the
    /// repository and the environment to the server.
    /// </summary>
    public static RepositoryFixture<TEtcd> Adopt(TEtcd etcd, BareRepository served)
    {
        ArgumentNullException.ThrowIfNull(served);
        return new RepositoryFixture<TEtcd>(etcd, served.Environment, ownsEnvironment: false) { bare = served };
    }

    /// <summary>Every clone the fixture removes: the operator's first, then in the order made.</summary>
    public IReadOnlyList<Clone> Clones => clones;

    /// <summary>Takes a clone made elsewhere (over SSH, say) to remove it with the fixture.</summary>
    public Clone Add(Clone clone)
    {
        clones.Add(clone);
        return clone;
    }

    /// <summary>Another clone of the bare repository (another operator's, or one to break things in).</summary>
    public async Task<Clone> CloneAsync()
    {
        return Add(await Clone.OfAsync(Bare).ConfigureAwait(false));
    }

    /// <summary>A Core node's clone, configured as install-node.sh does (<see cref="Clone.ConfigureAsNode"/>).</summary>
    public async Task<Clone> NodeCloneAsync(EtcdAccess? access = null)
    {
        var clone = await CloneAsync().ConfigureAwait(false);
        clone.ConfigureAsNode(Etcd.Endpoints, SigilJson.Prefix, access);
        return clone;
    }

    /// <summary>Every key under the prefix and its value.</summary>
    public Task<Dictionary<string, string>> KeysAsync(string prefix = SigilJson.Prefix + "/") => Etcd.KeysAsync(prefix);

    /// <summary>The data keys (what node agents read), without the suite's bookkeeping.</summary>
    public Task<Dictionary<string, string>> DataKeysAsync() => Etcd.DataKeysAsync(SigilJson.Prefix);

    public async ValueTask DisposeAsync()
    {
        for (var i = clones.Count - 1; i >= 0; i--) clones[i].Dispose();
        clones.Clear();
        bare?.Dispose();
        bare = null;
        if (ownsEnvironment) Environment.Dispose();
        await Etcd.DisposeAsync().ConfigureAwait(false);
    }
}
