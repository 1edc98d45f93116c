using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Judges a tree by how it differs from a tree that had no problem: the changed files are read, and
/// beside them what the rules spanning files need (<see cref="ValidationScope"/>, looked up in the
/// changed tree's <see cref="NodeIndex"/>) and, for the path-name rules, the new names and their
/// siblings (<see cref="NameCheckScope"/>). Every problem the changed tree has is within that reach,
/// so the verdict and its messages are those of <see cref="TreeValidator.Validate(TreeSnapshot, int)"/>
/// on the whole tree. pre-receive judges a push on its tip this way, pre-commit a staged tree on the
/// last one that validated. The changed files are read once: their reading gives the node index
/// its facts of the changed nodes, and the validation its readings of those files.
/// </summary>
public static class ChangeValidation
{
    /// <param name="changed">The paths that differ (added, modified or deleted).</param>
    /// <param name="added">Those of <paramref name="changed"/> that only the changed tree holds.</param>
    /// <param name="tree">The changed tree.</param>
    /// <param name="files">The files of <paramref name="tree"/> at some paths (those it holds).</param>
    /// <param name="nodes">The changed tree's node index, given the reading of the changed files.</param>
    public static ValidationResult Validate(
        IReadOnlyList<string> changed, IEnumerable<string> added, ITreeLookup tree, Func<IEnumerable<string>, IEnumerable<TreeFile>> files, Func<TreeReading, NodeIndex> nodes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(nodes);
        var read = TreeReading.Of(files(changed));
        var scope = ValidationScope.For(changed, tree, nodes(read));
        var named = NameCheckScope.For(added, tree);
        return TreeValidator.Validate(TreeSnapshot.Partial(files(scope), named, tree), read);
    }
}
