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

        var pushed = await CommitAsync(clone, refspecs, "");
        var pushedParent = await CommitAsync(clone, refspecs, "~1");

        var push = await clone.PushAsync(hostile.Identity, refspecs);

        push.ExitCode.ShouldNotBe(0, push.ToString());
        SigilMessages(push).ShouldBe(hostile.ExpectedFor(BaseSha, pushed, pushedParent), push.ToString());
        push.StandardError.ShouldContain("(pre-receive hook declined)", Case.Sensitive, push.ToString());
        await ShouldBeUnchangedAsync(push.ToString());
    }

    // The source of the refspec (HEAD by default) with a suffix such as "~1"; null for a deletion.
    private static async Task<string?> CommitAsync(Clone clone, string[] refspecs, string suffix)
    {
        var refspec = refspecs.LastOrDefault(r => !r.StartsWith('-')) ?? "HEAD:refs/heads/main";
        var source = refspec[..refspec.IndexOf(':', StringComparison.Ordinal)];
        if (source.Length == 0) return null;
        var parsed = await clone.GitAsync("rev-parse", "--verify", source + suffix);
        return parsed.ExitCode == 0 ? parsed.StandardOutput.Trim() : null;
    }
}
