namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// Commits <c>git commit</c> refuses to make, written byte for byte with <c>git hash-object
/// --literally</c>: no author at all, an author without a name, a malformed one hidden under a
/// good tip. The branch's history is kept forever, so it must stay readable by every git.
/// </summary>
internal static class CommitCases
{
    public static IEnumerable<HostileCase> All()
    {
        yield return new("a commit with no author line", async clone =>
            [await TipAsync(clone, "committer Test Operator <operator@example.invalid> 1795000000 +0000\n", "no author")],
            ["sigil: error: refs/heads/main: commit {pushed} cannot be read: failed to parse signature - expected prefix doesn't match actual (git fsck reports such commits; make the commit again with git commit)", CraftedCases.Rejected(1)],
            Identity: "root");
        yield return new("a commit with no author and no committer", async clone => [await TipAsync(clone, "", "nobody")],
            ["sigil: error: refs/heads/main: commit {pushed} cannot be read: failed to parse signature - expected prefix doesn't match actual (git fsck reports such commits; make the commit again with git commit)", CraftedCases.Rejected(1)],
            Identity: "root");
        yield return new("a commit with an empty author", async clone =>
            [await TipAsync(clone, "author <> 1795000000 +0000\ncommitter <> 1795000000 +0000\n", "empty author")],
            ["sigil: error: refs/heads/main: commit {pushed} has an empty author and committer name (git fsck reports such commits; make the commit again with git commit)", CraftedCases.Rejected(1)],
            Identity: "root");
        yield return new("a commit with no author under a good tip", async clone => [await HiddenUnderAGoodTipAsync(clone)],
            ["sigil: error: refs/heads/main: commit {pushed~1} cannot be read: failed to parse signature - expected prefix doesn't match actual (git fsck reports such commits; make the commit again with git commit)", CraftedCases.Rejected(1)],
            Identity: "root");
    }

    private static async Task<string> HiddenUnderAGoodTipAsync(Clone clone)
    {
        var bad = (await TipAsync(clone, "committer Test Operator <operator@example.invalid> 1795000000 +0000\n", "no author"))[..40];
        var tree = await Plumbing.RevParseAsync(clone, "HEAD^{tree}");
        var good = await Plumbing.RawCommitAsync(clone,
            $"tree {tree}\nparent {bad}\nauthor Ann <ann@example.invalid> 1795000100 +0000\ncommitter Ann <ann@example.invalid> 1795000100 +0000\n\nlooks fine\n");
        return good + ":refs/heads/main";
    }

    private static async Task<string> TipAsync(Clone clone, string identityLines, string message)
    {
        var tree = await Plumbing.RevParseAsync(clone, "HEAD^{tree}");
        var parent = await Plumbing.RevParseAsync(clone, "HEAD");
        var commit = await Plumbing.RawCommitAsync(clone, $"tree {tree}\nparent {parent}\n{identityLines}\n{message}\n");
        return commit + ":refs/heads/main";
    }
}
