using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The node index kept as one file in the bare repository (<see cref="FileName"/>), in the text form
/// of <see cref="NodeIndexText"/>, replaced whole (<see cref="ReplacedFile"/>). Read back only when its
/// checksum holds; anything else is no index at all.
/// </summary>
internal sealed class NodeIndexFile(string gitDir) : INodeIndexStore
{
    public const string FileName = "sigil-node-index";

    private string Path => System.IO.Path.Combine(gitDir, FileName);

    public NodeIndex? Load() => ReplacedFile.Read(Path) is { } bytes ? NodeIndexText.Parse(bytes) : null;

    /// <remarks>
    /// The index is a cache of what Git holds: when it cannot be written (a full disk, a repository
    /// the hook may not write to) the push is judged all the same and the next one rebuilds it.
    /// </remarks>
    public void Save(NodeIndex index) => ReplacedFile.Write(Path, NodeIndexText.Write(index).Span);
}
