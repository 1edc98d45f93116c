namespace SigilGate.Domain.Status;

/// <summary>
/// Each Core node's last mirror, found by walking the branch's first-parent history back from the
/// tip: <see cref="CommitsSearched"/> commits were read; <see cref="Complete"/> when the walk reached
/// the first commit (a node not found never mirrored) or found every node.
/// </summary>
public sealed record LastMirrors(IReadOnlyList<CoreMirror> Cores, int CommitsSearched, bool Complete)
{
    public static LastMirrors None { get; } = new([], 0, true);
}
