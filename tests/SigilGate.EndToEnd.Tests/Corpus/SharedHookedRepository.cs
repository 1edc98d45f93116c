using SigilGate.EndToEnd.Tests.Hooks;
using SigilGate.Testing;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// One etcd and one hooked bare repository holding the base network, shared by every case of a
/// fixture: a rejected push changes nothing, which each case proves before the next one runs.
/// </summary>
public abstract class SharedHookedRepository
{
    protected const string Prefix = "/sigil";

    protected EtcdServer Etcd { get; private set; } = null!;

    protected GitEnvironment Environment { get; private set; } = null!;

    protected BareRepository Bare { get; private set; } = null!;

    protected string BaseSha { get; private set; } = "";

    private Dictionary<string, string> _keysBefore = [];
    private string _receiptsBefore = "";
    private long _revisionBefore;

    [OneTimeSetUp]
    public async Task PushTheBaseNetworkOnce()
    {
        Etcd = await EtcdServer.StartNewAsync();
        Environment = new GitEnvironment();
        Bare = await BareRepository.CreateAsync(Environment, Etcd.Endpoint, Prefix);
        using var clone = await Clone.OfAsync(Bare);
        Network.WriteBase(clone);
        BaseSha = await clone.CommitAllAsync("base network");
        var push = await clone.PushAsync("root");
        push.ExitCode.ShouldBe(0, push.ToString());
        _keysBefore = await EtcdKeysAsync();
        _receiptsBefore = await ReceiptsAsync();
        _receiptsBefore.ShouldNotBeEmpty();
        _revisionBefore = await EtcdRevisionAsync();
        _keysBefore.ShouldContainKey(Prefix + "/nodes/entry/e-1");
    }

    // NUnit runs OneTimeTearDown after a failed OneTimeSetUp too: what it never started is null.
    [OneTimeTearDown]
    public async Task RemoveEverything()
    {
        await TestResources.DisposeAsync(Bare, Environment, Etcd);
    }

    /// <summary>
    /// A case that was wrongly accepted has already failed; putting the branch and etcd back keeps
    /// that one failure from failing every case after it.
    /// </summary>
    [TearDown]
    public async Task PutTheBaseBackAfterAWrongAccept()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed) return;
        if (await Bare.TipAsync() != BaseSha) await Bare.GitAsync("update-ref", "refs/heads/main", BaseSha);
        if (await ReceiptsAsync() != _receiptsBefore) await Bare.GitAsync("update-ref", "refs/notes/sigil", _receiptsBefore);
        if (!(await EtcdKeysAsync()).OrderBy(k => k.Key, StringComparer.Ordinal).SequenceEqual(_keysBefore.OrderBy(k => k.Key, StringComparer.Ordinal)))
        {
            await Etcd.EtcdctlAsync("del", "--prefix", Prefix + "/");
            foreach (var (key, value) in _keysBefore) await Etcd.EtcdctlAsync("put", key, value);
        }

        _revisionBefore = await EtcdRevisionAsync();
    }

    /// <summary>
    /// The branch still points at the base, the apply receipts are untouched, and etcd holds exactly
    /// what it held, at the same revision (nothing was written).
    /// </summary>
    protected async Task ShouldBeUnchangedAsync(string because)
    {
        (await Bare.TipAsync()).ShouldBe(BaseSha, because);
        (await ReceiptsAsync()).ShouldBe(_receiptsBefore, because);
        (await EtcdKeysAsync()).ShouldBe(_keysBefore, because);
        (await EtcdRevisionAsync()).ShouldBe(_revisionBefore, because);
    }

    /// <summary>Lines a process wrote to standard error that start with <c>sigil: </c>, without git's <c>remote: </c> and padding.</summary>
    protected static string[] SigilLines(ProcessResult result) =>
        result.StandardError.Split('\n')
            .Select(l => l.TrimEnd())
            .Select(l => l.StartsWith("remote: ", StringComparison.Ordinal) ? l["remote: ".Length..] : l)
            .Where(l => l.StartsWith("sigil: ", StringComparison.Ordinal))
            .ToArray();

    private async Task<string> ReceiptsAsync() =>
        (await Bare.GitAsync("rev-parse", "--verify", "--quiet", "refs/notes/sigil")).StandardOutput.Trim();

    private async Task<Dictionary<string, string>> EtcdKeysAsync()
    {
        var output = await Etcd.EtcdctlAsync("get", "--prefix", Prefix + "/");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < lines.Length; i += 2) keys[lines[i]] = lines[i + 1];
        return keys;
    }

    private async Task<long> EtcdRevisionAsync()
    {
        var status = await Etcd.EtcdctlAsync("get", "/", "--prefix", "--keys-only", "--limit", "1", "-w", "json");
        using var document = System.Text.Json.JsonDocument.Parse(status);
        return document.RootElement.GetProperty("header").GetProperty("revision").GetInt64();
    }
}
