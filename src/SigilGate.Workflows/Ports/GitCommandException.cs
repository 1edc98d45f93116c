namespace SigilGate.Workflows.Ports;

/// <summary>A git command failed, or could not start, for a reason other than a refused push (network, permissions, a broken clone).</summary>
public sealed class GitCommandException(string message, Exception? inner = null) : GitException(message, inner);
