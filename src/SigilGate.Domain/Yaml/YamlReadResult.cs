using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Yaml;

/// <summary>The top-level mapping of a file (null when the file could not be read as one) and every problem found.</summary>
public sealed record YamlReadResult(YamlMapping? Root, IReadOnlyList<Diagnostic> Diagnostics);
