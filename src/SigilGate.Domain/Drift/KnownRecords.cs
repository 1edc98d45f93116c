using System.Reflection;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Drift;

/// <summary>
/// The readings of record files drift has already made, by path (<see cref="KnownRecord"/>). A reading
/// depends on the path, the blob and the rules of this build only, so one whose blob id and mode match the
/// tree's file is what reading the file again would give; any other file is read again. Derived from Git
/// alone: losing it costs a full read, never a wrong answer.
/// </summary>
public sealed class KnownRecords(IReadOnlyDictionary<string, KnownRecord> byPath)
{
    public static KnownRecords None { get; } = new(new Dictionary<string, KnownRecord>());

    /// <summary>
    /// The rules readings were made by: this build of the domain. Readings kept by another build
    /// (another schema, another canonical form) are not used.
    /// </summary>
    public static string Rules { get; } =
        typeof(KnownRecords).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unversioned";

    public IReadOnlyDictionary<string, KnownRecord> ByPath => byPath;

    public int Count => byPath.Count;

    /// <summary>Set on the readings of a tree when they differ from those it was read with: worth keeping.</summary>
    public bool Changed { get; init; }

    /// <summary>How many files of <paramref name="tree"/> a read with these readings reads and parses: those without a reading of their blob (the files that are not records among them).</summary>
    public int Unknown(TreeSnapshot tree) => tree.Files.Count(file => Of(file) is null);

    /// <summary>The kept reading of <paramref name="file"/>, or null when there is none for this very blob at this path.</summary>
    public KnownRecord? Of(TreeFile file) =>
        byPath.TryGetValue(file.Path, out var known) && known.Describes(file) ? known : null;
}
