using SigilGate.EndToEnd.Tests.Hooks;
using SigilGate.Testing;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>
/// Per test: a real three-member etcd cluster, a bare repository with the published hooks whose
/// sigil.json lists every member (Etcd:Endpoints, comma-separated), and a clone to push from.
/// </summary>
public abstract class ClusteredRepository
{
    protected const string Prefix = "/sigil";

    protected EtcdCluster Etcd { get; private set; } = null!;

    protected GitEnvironment Environment { get; private set; } = null!;

    protected BareRepository Bare { get; private set; } = null!;

    protected Clone Clone { get; private set; } = null!;

    [SetUp]
    public async Task CreateRepositoryAndCluster()
    {
        Etcd = await EtcdCluster.StartNewAsync(3);
        Environment = new GitEnvironment();
        Bare = await BareRepository.CreateAsync(Environment, Etcd.Endpoints, Prefix);
        Clone = await Clone.OfAsync(Bare);
    }

    // NUnit runs TearDown after a failed SetUp too: what the set-up never started is null, and
    // what is disposed is set to null, as NUnit reuses the fixture object for the next test.
    [TearDown]
    public async Task RemoveEverything()
    {
        await TestResources.DisposeAsync(Clone, Bare, Environment, Etcd);
        (Clone, Bare, Environment, Etcd) = (null!, null!, null!, null!);
    }

    protected async Task<string> PushBaseNetworkAsync()
    {
        Network.WriteBase(Clone);
        var sha = await Clone.CommitAllAsync("base network");
        var push = await Clone.PushAsync("root");
        push.ExitCode.ShouldBe(0, push.ToString());
        var applied = $"remote: sigil: applied {sha[..7]}";
        SigilLines(push).ShouldContain(l => l.StartsWith(applied, StringComparison.Ordinal), push.ToString());
        return sha;
    }

    /// <summary>Every data key under the prefix and its value, read with etcdctl from the running members.</summary>
    protected async Task<Dictionary<string, string>> DataKeysAsync()
    {
        var lines = (await Etcd.EtcdctlAsync("get", "--prefix", Prefix + "/")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            if (!lines[i].StartsWith(Prefix + "/.sigil/", StringComparison.Ordinal)) keys[lines[i]] = lines[i + 1];
        }

        return keys;
    }

    /// <summary>Etcd's data keys are exactly <paramref name="expected"/>: no key missing, none extra, every value equal.</summary>
    protected static void ShouldHoldExactly(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> expected)
    {
        expected.Keys.Where(k => !data.ContainsKey(k)).ShouldBeEmpty("keys missing from etcd");
        data.Keys.Where(k => !expected.ContainsKey(k)).ShouldBeEmpty("keys in etcd that git does not have");
        expected.Where(e => data.TryGetValue(e.Key, out var value) && value != e.Value)
            .Select(e => $"{e.Key} = {data[e.Key]}, expected {e.Value}")
            .ShouldBeEmpty("values that differ from git's records");
    }

    protected Task<ProcessResult> SigilAsync(params string[] arguments) => Bare.SigilAsync([.. arguments, "--repo", Bare.Path]);

    /// <summary>The lines the hooks printed (git relays them as <c>remote: sigil: ...</c>).</summary>
    protected static string[] SigilLines(ProcessResult push) =>
        push.StandardError.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("remote: sigil:", StringComparison.Ordinal)).ToArray();

    /// <summary>The index of a member that is not <paramref name="leader"/>.</summary>
    protected static int FollowerOf(int leader) => (leader + 1) % 3;
}
