using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// Every case of the corpus (tests/corpus and the crafted ones) is pushed for real into the hooked
/// repository: it is rejected with exactly its lines, and neither the branch nor etcd moved.
/// </summary>
public class HostilePushSpecs : SharedHookedRepository
{
    public static IEnumerable<TestCaseData> Cases() =>
        CorpusDirectory.Cases().Concat(CraftedCases.All())
            .Select(c => new TestCaseData(c).SetName($"Corpus: {c.Name} is rejected with its exact lines and changes nothing"));

    [TestCaseSource(nameof(Cases))]
    public async Task The_push_is_rejected_with_exactly_its_lines(HostileCase hostile)
    {
        using var clone = await Clone.OfAsync(Bare);
        var refspecs = await hostile.Prepare(clone);

        var pushed = await PushedCommitAsync(clone, refspecs);

        var push = await clone.PushAsync(hostile.Identity, refspecs);

        push.ExitCode.ShouldNotBe(0, push.ToString());
        SigilLines(push).ShouldBe(hostile.ExpectedFor(BaseSha, pushed), push.ToString());
        push.StandardError.ShouldContain("(pre-receive hook declined)", Case.Sensitive, push.ToString());
        await ShouldBeUnchangedAsync(push.ToString());
    }

    // The source of the refspec (HEAD by default); null for a deletion.
    private static async Task<string?> PushedCommitAsync(Clone clone, string[] refspecs)
    {
        var refspec = refspecs.LastOrDefault(r => !r.StartsWith('-')) ?? "HEAD:refs/heads/main";
        var source = refspec[..refspec.IndexOf(':', StringComparison.Ordinal)];
        if (source.Length == 0) return null;
        var parsed = await clone.GitAsync("rev-parse", "--verify", source + "^{commit}");
        return parsed.ExitCode == 0 ? parsed.StandardOutput.Trim() : null;
    }
}
