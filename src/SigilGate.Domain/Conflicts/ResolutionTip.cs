using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Conflicts;

/// <summary>
/// What the branch tip holds of a record being resolved: the record (null when absent), the version
/// Git gives it there (null when neither the record nor its version file exists), and which of its
/// kept losers' copies are in Git.
/// </summary>
public sealed record ResolutionTip(Record? Record, RecordVersion? Version, IReadOnlySet<string> CopiesInGit);
