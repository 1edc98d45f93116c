using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Mirror;

/// <summary>The pusher was given a node that has no node file at the tip: it has no area to mirror and no right to push one.</summary>
public sealed class NotACoreNodeException(string message) : ExpectedFailureException(FailureKind.BadArguments, message);
