using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The node index kept as one file in the bare repository (<see cref="FileName"/>), in the text form
/// of <see cref="NodeIndexText"/>, replaced whole (<see cref="ReplacedFile"/>). An accepted push's
/// index waits beside it as <c>sigil-node-index-&lt;commit&gt;</c> until a push on top of that commit
/// renames it into place; when the push changed no node file, that file is only an alias of the
/// index kept (<see cref="NodeIndexAlias"/>). Read back only when its checksum holds; anything
/// else is no index at all.
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
        var proposal = ObjectIds.IsWellFormed(tip) ? ReplacedFile.Read(ProposalPath(tip)) : null;
        if (proposal is not null && NodeIndexText.Parse(proposal) is { } full && full.Commit == tip)
        {
            Promote(ProposalPath(tip), tip);
            return full;
        }

        RemoveStaleProposals(tip);
        var kept = Read(Path);
        if (proposal is not null && NodeIndexAlias.Parse(proposal) is { } alias && alias.Commit == tip
            && kept?.Table is KeptNodeTable table && table.Origin == alias.Origin && table.Checksum == alias.Checksum)
        {
            return NodeIndex.Kept(tip, table);
        }

        return kept;
    }

    /// <remarks>
    /// The index is a cache of what Git holds: when it cannot be written (a full disk, a repository
    /// the hook may not write to) the push is judged all the same and the next one rebuilds it.
    /// </remarks>
    public void Save(NodeIndex index)
    {
        if (AliasOf(index) is { } alias) ReplacedFile.Write(ProposalPath(index.Commit), alias.Write().Span);
        else ReplacedFile.Write(Path, NodeIndexText.Write(index).Span);
    }

    public void Propose(NodeIndex index)
    {
        if (!ObjectIds.IsWellFormed(index.Commit)) return;
        var content = AliasOf(index) is { } alias ? alias.Write() : NodeIndexText.Write(index);
        ReplacedFile.Write(ProposalPath(index.Commit), content.Span);
    }

    // An index with no change on the nodes of a kept file is that file under another commit's name.
    private static NodeIndexAlias? AliasOf(NodeIndex index) =>
        index.Changes.Count == 0 && index.Table is KeptNodeTable table && ObjectIds.IsWellFormed(index.Commit)
            ? new NodeIndexAlias(index.Commit, table.Origin, table.Checksum)
            : null;

    private string ProposalPath(string commit) => System.IO.Path.Combine(gitDir, ProposalPrefix + commit);

    private static NodeIndex? Read(string path) => ReplacedFile.Read(path) is { } bytes ? NodeIndexText.Parse(bytes) : null;

    private void Promote(string proposal, string tip)
    {
        try
        {
            File.Move(proposal, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left where it is: the next push on top of the same tip takes it up again.
        }

        RemoveStaleProposals(tip);
    }

    /// <summary>
    /// Proposals of pushes that never landed (another push moved the branch first, or git could not),
    /// and aliases of commits the branch has moved past: removed once they are older than any push
    /// still on its way; the tip's is left. One removed early costs the push after it a diff from the
    /// index kept, never a wrong verdict.
    /// </summary>
    private void RemoveStaleProposals(string tip)
    {
        try
        {
            var now = DateTime.UtcNow;
            foreach (var file in Directory.EnumerateFiles(gitDir, ProposalPrefix + "*"))
            {
                var commit = System.IO.Path.GetFileName(file)[ProposalPrefix.Length..];
                if (commit == tip || !ObjectIds.IsWellFormed(commit)) continue;
                if (now - File.GetLastWriteTimeUtc(file) > ProposalLifetime) File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for a later push: a proposal is only ever read for its own commit.
        }
    }
}
