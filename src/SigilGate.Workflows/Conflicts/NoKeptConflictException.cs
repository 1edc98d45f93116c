using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Conflicts;

/// <summary>A record with no kept conflict was asked about: an error, so that a script cannot take a typo for "resolved".</summary>
public sealed class NoKeptConflictException(string message) : ExpectedFailureException(FailureKind.RepositoryState, message);
