using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Conflicts;

/// <summary>A decision asked for while Git holds something about the record that etcd has not applied: an error, nothing recorded.</summary>
public sealed class PendingApplyException(string message) : ExpectedFailureException(FailureKind.RepositoryState, message);
