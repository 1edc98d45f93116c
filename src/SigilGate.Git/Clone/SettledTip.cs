using LibGit2Sharp;

namespace SigilGate.Git;

/// <summary>
/// A marker written after an accepted push (the clone then holds exactly the remote tip, every file
/// committed) and removed whenever a run starts over: while it names HEAD, the forced checkout and
/// clean of the next sync have nothing to repair (at 30,000 files they cost 100 ms).
/// </summary>
internal sealed class SettledTip(string clone, string branch)
{
    private string Marker => Path.Combine(clone, ".git", "sigil-push-settled");

    /// <summary>Leaves no marker where a folder stands in its way: without one the next sync repairs the clone, as it may.</summary>
    public Task WriteAsync(string head, CancellationToken cancellationToken) =>
        Directory.Exists(Marker) ? Task.CompletedTask : File.WriteAllTextAsync(Marker, head + "\n", cancellationToken);

    /// <summary>
    /// The commit the marker names (null when there is none), the marker removed. Only a file with
    /// content is read: a named pipe at its path would be waited on for ever, and a folder is no
    /// marker (it is left alone; File.Delete would call it access denied).
    /// </summary>
    public string? Take()
    {
        if (Directory.Exists(Marker)) return null;
        var settled = ReplacedFile.HasContent(Marker) ? File.ReadAllText(Marker).Trim() : null;
        File.Delete(Marker);
        return settled;
    }

    /// <summary>Whether the branch is checked out at <paramref name="settled"/> and the remote branch is there too.</summary>
    public bool IsAtRemoteTip(string settled)
    {
        UserGitConfiguration.LeaveOutWhenUnreadable();
        try
        {
            using var repository = new Repository(clone);
            var head = repository.Head;
            return head.CanonicalName == "refs/heads/" + branch
                && head.Tip?.Sha == settled
                && repository.Branches[$"origin/{branch}"]?.Tip?.Sha == settled;
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Opening(exception, clone);
        }
    }
}
