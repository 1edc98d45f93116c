namespace SigilGate.Workflows.Failures;

/// <summary>What a failure's lines may need to say beyond the exception.</summary>
/// <param name="PendingCommit">post-receive: the pushed commit whose apply stays pending.</param>
/// <param name="OwnerAdvice">
/// Who may write the repository and how to run as them, asked only for a permission failure
/// (it reads the repository's owner); null, or an answer of null, when no repository is known.
/// </param>
public sealed record FailureContext(string? PendingCommit = null, Func<string?>? OwnerAdvice = null);
