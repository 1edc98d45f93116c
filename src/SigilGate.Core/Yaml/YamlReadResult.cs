using SigilGate.Core.Diagnostics;

namespace SigilGate.Core.Yaml;

/// <summary>The top-level mapping of a file (null when the file could not be read as one) and every problem found.</summary>
public sealed record YamlReadResult(YamlMapping? Root, IReadOnlyList<Diagnostic> Diagnostics);
