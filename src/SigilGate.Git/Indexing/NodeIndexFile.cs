using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The node index kept as one file in the bare repository (<see cref="FileName"/>), in the text form
/// of <see cref="NodeIndexText"/>, replaced whole (<see cref="ReplacedFile"/>). An accepted push's
/// index waits beside it as <c>sigil-node-index-&lt;commit&gt;</c> until a push on top of that commit
/// renames it into place. Read back only when its checksum holds; anything else is no index at all.
/// </summary>
internal sealed class NodeIndexFile(string gitDir) : INodeIndexStore
{
    public const string FileName = "sigil-node-index";

    private const string ProposalPrefix = FileName + "-";

    // Long past the moment git moves the branch after the pre-receive that proposed it.
    private static readonly TimeSpan ProposalLifetime = TimeSpan.FromMinutes(1);

    private string Path => System.IO.Path.Combine(gitDir, FileName);

    public NodeIndex? Load(string tip)
    {
        var proposed = ObjectIds.IsWellFormed(tip) ? Read(ProposalPath(tip)) : null;
        if (proposed?.Commit == tip)
        {
            Promote(ProposalPath(tip));
            return proposed;
        }

        RemoveStaleProposals();
        return Read(Path);
    }

    /// <remarks>
    /// The index is a cache of what Git holds: when it cannot be written (a full disk, a repository
    /// the hook may not write to) the push is judged all the same and the next one rebuilds it.
    /// </remarks>
    public void Save(NodeIndex index) => ReplacedFile.Write(Path, NodeIndexText.Write(index).Span);

    public void Propose(NodeIndex index)
    {
        if (ObjectIds.IsWellFormed(index.Commit)) ReplacedFile.Write(ProposalPath(index.Commit), NodeIndexText.Write(index).Span);
    }

    private string ProposalPath(string commit) => System.IO.Path.Combine(gitDir, ProposalPrefix + commit);

    private static NodeIndex? Read(string path) => ReplacedFile.Read(path) is { } bytes ? NodeIndexText.Parse(bytes) : null;

    private void Promote(string proposal)
    {
        try
        {
            File.Move(proposal, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left where it is: the next push on top of the same tip takes it up again.
        }

        RemoveStaleProposals();
    }

    /// <summary>
    /// Proposals of pushes that never landed (another push moved the branch first, or git could not):
    /// removed once they are older than any push still on its way. One that is removed early costs
    /// its push's successor a diff from the index kept, never a wrong verdict.
    /// </summary>
    private void RemoveStaleProposals()
    {
        try
        {
            var now = DateTime.UtcNow;
            foreach (var file in Directory.EnumerateFiles(gitDir, ProposalPrefix + "*"))
            {
                if (!ObjectIds.IsWellFormed(System.IO.Path.GetFileName(file)[ProposalPrefix.Length..])) continue;
                if (now - File.GetLastWriteTimeUtc(file) > ProposalLifetime) File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for a later push: a proposal is only ever read for its own commit.
        }
    }
}
