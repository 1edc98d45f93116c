using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>Reads a validated file of a tree into its top-level mapping: regular, non-executable files only, size limited, strict YAML.</summary>
internal static class RecordFileReader
{
    public const int DefaultMaxBytes = 1_048_576;

    public static YamlMapping? Read(TreeFile file, int maxBytes, List<Diagnostic> diagnostics)
    {
        // A symlink's content is its target path and a submodule has none: neither holds a record,
        // and following a link could read outside the tree.
        if (file.Mode is TreeFileMode.Symlink or TreeFileMode.Submodule)
        {
            var what = file.Mode == TreeFileMode.Symlink ? "a symbolic link" : "a submodule";
            diagnostics.Add(Diagnostic.InFile(file.Path, $"must be a regular file, not {what}"));
            return null;
        }

        // An executable record is a mistake or a payload waiting for a checkout that runs it;
        // either way it is not data, and the mode would travel into every clone.
        if (file.Mode == TreeFileMode.Executable)
        {
            diagnostics.Add(Diagnostic.InFile(file.Path, "must be a regular file, not executable (mode 100755): records are data"));
            return null;
        }

        var content = file.Content;
        if (content.Length > maxBytes)
        {
            diagnostics.Add(Diagnostic.InFile(file.Path, $"file is {content.Length} bytes, more than the limit of {maxBytes} bytes"));
            return null;
        }

        var result = YamlDocumentReader.Read(file.Path, content.Span);
        diagnostics.AddRange(result.Diagnostics);
        return result.Root;
    }
}
