using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Mirror;

/// <summary>
/// Decides, for one record of a Core node's area, how etcd's version meets Git's: the mirror image
/// of <see cref="RecordDecision"/>, with the same rule for concurrent changes, so both sides agree
/// on the winner. Raw writes (no version in etcd) are changes by the node that owns the area.
/// </summary>
public static class MirrorDecision
{
    public static MirrorOutcome Decide(RecordPath path, StoredRecord stored, TipRecord git, string node, DateTimeOffset now, Func<Record, IReadOnlyList<Diagnostics.Diagnostic>> check)
    {
        var etcd = stored.CurrentVersion(node, now);
        if (etcd is null || etcd.IsDeletion && git.Record is null) return new MirrorOutcome(path, MirrorOutcomeKind.Unchanged, []);

        Record? etcdRecord = null;
        if (stored.Data is { } data)
        {
            var (parsed, problems) = RecordJson.Parse(path, data.Value);
            var all = parsed is null ? problems : [.. problems, .. check(parsed)];
            if (parsed is null || all.Count > 0) return new MirrorOutcome(path, MirrorOutcomeKind.Invalid, [], etcd, Problems: all);
            etcdRecord = parsed;

            // A raw write in another JSON spelling of the same record is no change.
            etcd = stored.RecordedVersion is { } recorded && recorded.Sha256 == parsed.Sha256 ? recorded : etcd with { Sha256 = parsed.Sha256 };
        }

        var outcome = DecideVersions(path, etcd, etcdRecord, git);

        // A record the tip did not hold (never, or deleted since) is created by this mirror, whatever the vectors said.
        return outcome with { Created = git.Record is null && etcdRecord is not null && outcome.Files.Any(f => f.Path == path.Path) };
    }

    private static MirrorOutcome DecideVersions(RecordPath path, RecordVersion etcd, Record? etcdRecord, TipRecord git)
    {
        var gitVersion = git.Version;
        if (gitVersion is null || git.Record?.Sha256 == etcd.Sha256 && gitVersion.Vector.Covers(etcd.Vector) ||
            gitVersion.IsDeletion && etcd.IsDeletion)
        {
            return gitVersion is null ? Write(path, etcdRecord, etcd, MirrorOutcomeKind.Mirrored) : new MirrorOutcome(path, MirrorOutcomeKind.Unchanged, []);
        }

        if (git.Record?.Sha256 == etcd.Sha256)
        {
            // Same content: Git only has to learn the version.
            return Write(path, etcdRecord, etcd with { Vector = etcd.Vector.Merge(gitVersion.Vector) }, MirrorOutcomeKind.Mirrored);
        }

        switch (etcd.Vector.CompareTo(gitVersion.Vector))
        {
            case Causality.Dominates:
                return Write(path, etcdRecord, etcd, etcd.IsDeletion ? MirrorOutcomeKind.Deleted : MirrorOutcomeKind.Mirrored);
            case Causality.DominatedBy:
                return new MirrorOutcome(path, MirrorOutcomeKind.GitNewer, []);
        }

        if (ConflictRule.Winner(etcd, gitVersion) == etcd)
        {
            var outcome = Write(path, etcdRecord, ConflictRule.Resolved(etcd, gitVersion), MirrorOutcomeKind.ConflictEtcdWon);
            return outcome with { Loser = gitVersion, LoserJson = git.Record?.Json, Files = [.. outcome.Files, Keep(path, git.Record?.Json, gitVersion, etcd)] };
        }

        // Git wins: its content stays; its version now says it has seen etcd's, so the next apply replaces etcd's value.
        var resolved = ConflictRule.Resolved(gitVersion, etcd);
        return new MirrorOutcome(
            path,
            MirrorOutcomeKind.ConflictGitWon,
            [new FileChange(path.SidecarPath, SidecarFormat.Write(resolved, path.Path)), Keep(path, etcdRecord?.Json, etcd, gitVersion)],
            resolved,
            etcd,
            LoserJson: etcdRecord?.Json);
    }

    private static MirrorOutcome Write(RecordPath path, Record? record, RecordVersion version, MirrorOutcomeKind kind) => new(
        path,
        kind,
        [
            new FileChange(path.Path, record is null ? null : RecordJson.ToYaml(record)),
            new FileChange(path.SidecarPath, SidecarFormat.Write(version, path.Path)),
        ],
        version);

    private static FileChange Keep(RecordPath path, string? loserJson, RecordVersion loser, RecordVersion winner) =>
        new(path.KeptConflictPath(loser.Sha256), new ConflictRecord(path.Path, loserJson, loser, winner, loser.Writer, winner.Time).ToJson() + "\n");
}
