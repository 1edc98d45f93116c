using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Explain;

/// <summary>There is no policy to explain: no branch, or no valid <c>sigil.yaml</c> at its tip.</summary>
public sealed class NoPolicyException(string message) : ExpectedFailureException(FailureKind.RepositoryState, message);
