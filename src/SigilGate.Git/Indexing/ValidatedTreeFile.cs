using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// pre-commit's last staged tree that validated clean, kept as one file in the clone's git directory
/// (<see cref="FileName"/>), in the text form of <see cref="ValidatedTreeText"/>, replaced whole
/// (<see cref="ReplacedFile"/>). Read back only when its checksum and the rules it names hold;
/// anything else is no tree at all, and the next commit's tree is validated whole.
/// </summary>
internal sealed class ValidatedTreeFile(string gitDir) : IValidatedTreeStore
{
    public const string FileName = "sigil-validated-tree";

    private string Path => System.IO.Path.Combine(gitDir, FileName);

    public ValidatedTree? Load() => ReplacedFile.Read(Path) is { } bytes ? ValidatedTreeText.Parse(bytes) : null;

    /// <remarks>When it cannot be written (a clone the hook may not write to, a full disk) nothing is kept and nothing fails.</remarks>
    public void Save(ValidatedTree tree)
    {
        if (ValidatedTreeText.Write(tree) is { } text) ReplacedFile.Write(Path, text.Span);
    }
}
