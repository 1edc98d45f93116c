namespace SigilGate.Git;

/// <summary>The repository could not be read (missing object, not a repository).</summary>
public sealed class GitReadException(string message, Exception? inner = null) : Exception(message, inner);
