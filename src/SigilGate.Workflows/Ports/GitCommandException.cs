namespace SigilGate.Git;

/// <summary>A git command failed for a reason other than a refused push (network, permissions, a broken clone).</summary>
public sealed class GitCommandException(string message) : Exception(message);
