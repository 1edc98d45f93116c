using LibGit2Sharp;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Files of a tree as the domain sees them (<see cref="TreeFile"/>): path, mode, id, and content read
/// when first asked for, from a LibGit2Sharp entry or from a large tree git read.
/// </summary>
internal static class TreeFiles
{
    public static TreeFile FromEntry(string path, TreeEntry entry)
    {
        var mode = ModeOf(entry.Mode);
        if (entry.Target is not Blob blob) return new TreeFile(path, mode, entry.Target.Sha, () => ReadOnlyMemory<byte>.Empty);
        return new TreeFile(path, mode, blob.Sha, () => ReadAll(blob));
    }

    public static TreeFile FromRaw(string path, RawTree tree, int entry, Repository objects) => FromId(path, tree.Mode(entry), tree.Id(entry), objects);

    /// <summary>A file known by its entry's mode and id; a submodule's commit has no content here.</summary>
    public static TreeFile FromId(string path, TreeFileMode mode, string id, Repository objects) =>
        mode == TreeFileMode.Submodule
            ? new TreeFile(path, mode, id, () => ReadOnlyMemory<byte>.Empty)
            : new TreeFile(path, mode, id, () => ReadBlob(objects, id, path));

    public static TreeFileMode ModeOf(Mode mode) => mode switch
    {
        Mode.ExecutableFile => TreeFileMode.Executable,
        Mode.SymbolicLink => TreeFileMode.Symlink,
        Mode.GitLink => TreeFileMode.Submodule,
        _ => TreeFileMode.Regular,
    };

    /// <summary>A blob's bytes. Content is read after the reader's own calls have returned, so its failures are translated here.</summary>
    public static byte[] ReadAll(Blob blob)
    {
        try
        {
            using var stream = blob.GetContentStream();
            using var buffer = new MemoryStream(checked((int)blob.Size));
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Reading(exception, $"blob {blob.Sha}");
        }
    }

    private static byte[] ReadBlob(Repository objects, string id, string path)
    {
        Blob blob;
        try
        {
            blob = objects.Lookup<Blob>(id) ?? throw new GitReadException($"blob {id} of {path} is missing from the repository");
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Reading(exception, $"blob {id} of {path}");
        }

        return ReadAll(blob);
    }
}
