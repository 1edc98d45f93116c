using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>Adds diagnostics for one file.</summary>
internal readonly struct FileDiagnostics(string path, List<Diagnostic> diagnostics)
{
    public void At(YamlNode node, string message) => diagnostics.Add(Diagnostic.At(path, node.Start, message));

    public void At(Mark mark, string message) =>
        diagnostics.Add(mark == Mark.None ? Diagnostic.InFile(path, message) : Diagnostic.At(path, mark, message));

    public void InFile(string message) => diagnostics.Add(Diagnostic.InFile(path, message));
}
