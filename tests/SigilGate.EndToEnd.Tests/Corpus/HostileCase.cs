namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// One hostile or broken push: how to make it in a fresh clone of the base network, who pushes it,
/// and the exact <c>sigil:</c> lines the server must answer with (error lines, then the summary).
/// </summary>
/// <param name="Name">Short name of the case (the test is named after it).</param>
/// <param name="Prepare">Changes the clone and returns the refspecs to push (empty: <c>HEAD:refs/heads/main</c>).</param>
/// <param name="Expected">
/// Every line the hooks print that starts with <c>sigil: </c>, in order. <c>{base}</c> stands for
/// the short id of the branch tip before the push, <c>{pushed}</c> for that of the pushed commit
/// and <c>{pushed~1}</c> for its first parent.
/// </param>
/// <param name="Identity">Who pushes (the value of SIGIL_IDENTITY; null: no identity at all).</param>
/// <param name="SameForClients">
/// True when the lines are validation problems of the pushed tree, so <c>sigil validate</c> and
/// <c>pre-commit</c> on the same checkout must print the same error lines.
/// </param>
public sealed record HostileCase(
    string Name,
    Func<Clone, Task<string[]>> Prepare,
    IReadOnlyList<string> Expected,
    string? Identity = "alice",
    bool SameForClients = false)
{
    public const string PushSummary = "sigil: push rejected: ";

    /// <summary>The expected lines with the commit ids of this run filled in.</summary>
    public IEnumerable<string> ExpectedFor(string baseSha, string? pushedSha, string? pushedParentSha = null) =>
        Expected.Select(l => l
            .Replace("{base}", baseSha[..7], StringComparison.Ordinal)
            .Replace("{pushed~1}", pushedParentSha?[..7] ?? "", StringComparison.Ordinal)
            .Replace("{pushed}", pushedSha?[..7] ?? "", StringComparison.Ordinal));

    public override string ToString() => Name;
}
