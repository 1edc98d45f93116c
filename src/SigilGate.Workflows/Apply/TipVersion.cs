using SigilGate.Domain.Git;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// Git's version of a record at a tip, for a reader that also holds the version etcd recorded for
/// it (the pusher, a conflict's decision). A sidecar that vouches for the content is the version;
/// else the version etcd recorded for exactly this content when it was applied; else the one of the
/// commit that last changed the record (<see cref="LastChange"/>, as pre-receive dates it), counted
/// after the Git version etcd recorded before it (<see cref="GitVersions.Beside"/>), as the apply counts it.
/// </summary>
public static class TipVersion
{
    public static RecordVersion Of(IRepositoryReader repository, CommitInfo tip, string path, string? contentSha256, VersionSidecar? sidecar, RecordVersion? recorded)
    {
        if (GitVersions.Vouches(sidecar, contentSha256)) return sidecar!.Version;

        // Known already: no walk through the history.
        if (recorded is not null && recorded.Sha256 == (contentSha256 ?? RecordVersion.DeletedSha256)) return recorded;
        return GitVersions.Beside(recorded, GitVersions.Of(contentSha256, sidecar, LastChange.TimeOf(repository, tip, path)));
    }
}
