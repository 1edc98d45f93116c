namespace SigilGate.Workflows.Ports;

/// <summary>The repository could not be read (missing object, not a repository, another account's repository).</summary>
public sealed class GitReadException(string message, Exception? inner = null) : GitException(message, inner);
