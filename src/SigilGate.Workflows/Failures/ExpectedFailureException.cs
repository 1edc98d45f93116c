namespace SigilGate.Workflows.Failures;

/// <summary>
/// An expected failure of a layer above the workflows (settings, adapters) that names its own
/// <see cref="FailureKind"/>, so that <see cref="FailureTable"/> need not know its type.
/// </summary>
public abstract class ExpectedFailureException(FailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;
}
