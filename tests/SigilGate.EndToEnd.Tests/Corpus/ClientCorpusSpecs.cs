namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// The cases whose lines are problems of the tree, checked where an operator meets them first:
/// <c>pre-commit</c> on the staged tree and <c>sigil validate</c> on the checkout print the same
/// error lines as the server, each with its own summary.
/// </summary>
public class ClientCorpusSpecs : SharedHookedRepository
{
    public static IEnumerable<TestCaseData> Cases() =>
        CorpusDirectory.Cases().Concat(CraftedCases.All()).Where(c => c.SameForClients)
            .Select(c => new TestCaseData(c).SetName($"Corpus: {c.Name} gets the server's lines from pre-commit and sigil validate"));

    [TestCaseSource(nameof(Cases))]
    public async Task Clients_print_the_servers_error_lines(HostileCase hostile)
    {
        using var clone = await Clone.OfAsync(Bare);
        await hostile.Prepare(clone);
        var errors = hostile.ExpectedFor(BaseSha, null).Where(l => l.StartsWith("sigil: error: ", StringComparison.Ordinal)).ToList();
        var summary = CraftedCases.Rejected(errors.Count)[HostileCase.PushSummary.Length..];

        // After the commit the index holds the case's tree: what pre-commit validates.
        var preCommit = await Processes.RunAsync(SigilBinaries.Path("pre-commit"), [], clone.Path, clone.Environment.Variables);
        var validate = await Processes.RunAsync(SigilBinaries.Path("sigil"), ["validate", clone.Path], clone.Path, clone.Environment.Variables);

        preCommit.ExitCode.ShouldBe(1, preCommit.ToString());
        SigilMessages(preCommit).ShouldBe([.. errors, "sigil: commit rejected: " + summary], preCommit.ToString());
        validate.ExitCode.ShouldBe(1, validate.ToString());
        SigilMessages(validate).ShouldBe([.. errors, "sigil: invalid: " + summary], validate.ToString());
    }
}
