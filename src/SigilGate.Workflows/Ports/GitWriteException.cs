namespace SigilGate.Workflows.Ports;

/// <summary>The repository could not be written (an apply receipt: a ref locked by another git, no permission, a full disk).</summary>
public sealed class GitWriteException(string message, Exception? inner = null) : GitException(message, inner);
