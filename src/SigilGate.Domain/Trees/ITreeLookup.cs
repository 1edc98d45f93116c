namespace SigilGate.Domain.Trees;

/// <summary>
/// Questions about a whole tree's paths that can be answered without reading the tree whole:
/// whether files exist, and what one folder holds. Rules that span files ask these to find the few
/// files they must read beside a change.
/// </summary>
public interface ITreeLookup
{
    bool Contains(string path);

    /// <summary>Those of <paramref name="paths"/> that are files of the tree (asked in one go: one lookup may cost a process).</summary>
    IReadOnlySet<string> Existing(IEnumerable<string> paths);

    /// <summary>The files and subfolders directly in <paramref name="folder"/> ("" is the root, no trailing '/').</summary>
    FolderListing List(string folder);

    /// <summary>The file at <paramref name="path"/> in the whole tree (with its mode), or null.</summary>
    TreeFile? Entry(string path);
}
