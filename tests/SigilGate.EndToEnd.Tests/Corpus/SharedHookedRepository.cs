namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// One etcd and one hooked bare repository holding the base network, shared by every case of a
/// fixture: a rejected push changes nothing, which each case proves before the next one runs.
/// </summary>
public abstract class SharedHookedRepository : HookedRepository
{
    private Dictionary<string, string> _keysBefore = [];
    private string _receiptsBefore = "";
    private long _revisionBefore;

    protected string BaseSha { get; private set; } = "";

    protected override bool OneForAllTests => true;

    // Runs after the base's OneTimeSetUp has made the shared repository.
    [OneTimeSetUp]
    public async Task PushTheBaseNetworkOnce()
    {
        BaseSha = await PushBaseNetworkAsync();
        _keysBefore = await EtcdKeysAsync();
        _receiptsBefore = await ReceiptsAsync();
        _receiptsBefore.ShouldNotBeEmpty();
        _revisionBefore = await EtcdRevisionAsync();
        _keysBefore.ShouldContainKey(Prefix + "/nodes/entry/e-1");
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
    protected static string[] SigilMessages(ProcessResult result) => PushOutput.Messages(result);

    private async Task<string> ReceiptsAsync() =>
        (await Bare.GitAsync("rev-parse", "--verify", "--quiet", "refs/notes/sigil")).StandardOutput.Trim();
}
