using LibGit2Sharp;
using SigilGate.Domain.Git;
using SigilGate.Domain.Yaml;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The one place where a failure of LibGit2Sharp or of a git command becomes one of the suite's
/// own exceptions (<see cref="GitException"/> and its kinds), with a message that says what to do.
/// No LibGit2Sharp type leaves this project: every entry point of the reader, the note writer, the
/// clone and the staged tree catches <see cref="LibGit2SharpException"/> and comes here.
/// </summary>
/// <remarks>
/// libgit2sharp's own <c>Ensure</c> maps each libgit2 error code to one exception type; <see cref="Advice"/>
/// is the same kind of table one step further, from those types to what the user can do.
/// </remarks>
internal static class GitErrors
{
    /// <summary>What the user can do about a LibGit2Sharp failure. Subclasses come before the base type that ends the table.</summary>
    private static string Advice(LibGit2SharpException failure) => failure switch
    {
        RepositoryNotFoundException => "check that the path names a git repository (a bare repository or a clone's folder)",
        LockedFileException => "another git is changing the repository: try again when it has finished, or remove the .lock file named above if no git is running",
        NotFoundException => "an object or ref it needs is missing: 'git fsck' in the repository shows what is damaged",
        NameConflictException => "a ref or note of that name already exists: 'git show-ref' in the repository shows it",
        BareRepositoryException => "this needs a clone with a work tree, not a bare repository",
        _ => "'git fsck' in the repository tells whether it is damaged; check that this account may read and write it",
    };

    /// <summary>Opening <paramref name="repository"/> failed; a repository of another account is explained as such.</summary>
    public static GitReadException Opening(LibGit2SharpException failure, string repository) =>
        RepositoryOwner.IsOwnershipRefusal(failure) ? RepositoryOwner.Explain(repository) : Reading(failure, repository);

    /// <summary>Reading <paramref name="subject"/> (a repository, a commit, a blob) failed.</summary>
    public static GitReadException Reading(LibGit2SharpException failure, string subject) => new(Describe(failure, subject), failure);

    /// <summary>Writing <paramref name="subject"/> (an apply receipt) failed.</summary>
    public static GitWriteException Writing(LibGit2SharpException failure, string subject) => new(Describe(failure, subject), failure);

    /// <summary>
    /// libgit2 fails to parse a commit git itself would never write (no author line, say): the
    /// commit is named so the pusher knows which one to make again.
    /// </summary>
    public static UnreadableCommitException UnreadableCommit(string sha, LibGit2SharpException failure) => new(sha, failure.Message, failure);

    /// <summary>A git command ended with an error: its own message, then what to do.</summary>
    public static GitCommandException CommandFailed(IReadOnlyList<string> arguments, string directory, int exitCode, string standardError)
    {
        var command = Subcommand(arguments);
        return new GitCommandException($"git {command} failed in {directory} (exit {exitCode}): {standardError.Trim()}; {CommandAdvice(command, directory)}");
    }

    /// <summary>git could not be started at all.</summary>
    public static GitCommandException CouldNotStart(IReadOnlyList<string> arguments, string directory, Exception failure) =>
        new($"git {Subcommand(arguments)} could not start in {directory}: {MessageText.OneLine(failure.Message)}; check that git is installed and on PATH", failure);

    private static string CommandAdvice(string command, string directory) => command switch
    {
        "fetch" or "pull" or "push" => "check that the remote answers and that this account may reach it (its ssh key or credentials); the next run tries again",
        _ => $"'git status' in {directory} shows the clone's state; the next run starts again from the remote branch",
    };

    // The command git runs, past the options before it ('-c name=value').
    private static string Subcommand(IReadOnlyList<string> arguments)
    {
        var i = 0;
        while (i < arguments.Count - 1 && arguments[i] == "-c") i += 2;
        return i < arguments.Count ? arguments[i] : "";
    }

    private static string Describe(LibGit2SharpException failure, string subject) =>
        $"{subject}: {MessageText.OneLine(failure.Message)}; {Advice(failure)}";
}
