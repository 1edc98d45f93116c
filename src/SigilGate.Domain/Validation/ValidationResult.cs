using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Validation;

/// <summary>Everything a validation found and everything it could read.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(
        IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyDictionary<string, Record> records,
        IReadOnlyDictionary<string, VersionSidecar> sidecars,
        Policy? policy,
        IReadOnlyDictionary<string, NodeFacts>? nodes = null)
    {
        Nodes = nodes ?? new Dictionary<string, NodeFacts>();
        Diagnostics = diagnostics;
        Records = records;
        Sidecars = sidecars;
        Policy = policy;
    }

    /// <summary>Every problem of the tree, sorted by path, line and column.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool IsValid => Diagnostics.Count == 0;

    /// <summary>
    /// Synced records by repository path: every record whose own file is free of problems. A
    /// problem that spans files (an Entry's Core is missing, an address is taken) is reported but
    /// does not remove the record, so a partial tree (only the files a commit changed) still
    /// yields its records.
    /// </summary>
    public IReadOnlyDictionary<string, Record> Records { get; }

    /// <summary>Versions kept in Git, by the path of the record they describe (<c>nodes/entry/e-7.yaml</c>).</summary>
    public IReadOnlyDictionary<string, VersionSidecar> Sidecars { get; }

    /// <summary>
    /// What the rules spanning files read of each Core and Entry node (<see cref="TreeValidator.Validate(Trees.TreeSnapshot, int)"/>
    /// only; a node file that is not a YAML mapping has empty facts): of a valid whole tree, its <see cref="NodeIndex"/>.
    /// </summary>
    public IReadOnlyDictionary<string, NodeFacts> Nodes { get; }

    /// <summary>From <c>sigil.yaml</c>; null when it is absent or has any problem.</summary>
    public Policy? Policy { get; }
}
