using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Drift;

/// <summary>Builds both sides of a comparison by hand: a branch tip's tree and etcd's keys, as apply and raw writers leave them.</summary>
internal sealed class SnapshotBuilder
{
    public static readonly KeyLayout Keys = new("/sigil");
    public static readonly DateTimeOffset CommitTime = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    public static readonly DateTimeOffset Now = CommitTime.AddMinutes(5);
    public static readonly CommitInfo Tip = new(new string('a', 40), [new string('9', 40)], CommitTime, "tip");
    public static readonly CommitInfo Applied = new(new string('9', 40), [], CommitTime.AddHours(-1), "applied");

    public const string E7Json = "{\"address\":\"10.0.0.7:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-7\"}";
    public const string StateJson = "{\"grpc_path\":\"/sigil.Gate/Route\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"up\"}";

    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal)
    {
        ["sigil.yaml"] = "roots: [root]\noperators: [alice]\n",
        ["network.yaml"] = "name: prod\n",
        ["nodes/core/core-1.yaml"] = "id: core-1\naddress: 10.0.1.1:7000\nregion: eu-west\n",
        ["nodes/entry/e-7.yaml"] = "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n",
        ["state/core-1/entries/e-7.yaml"] = "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /sigil.Gate/Route\n",
    };

    /// <summary>A kept conflict as the suite writes it, for the record at <paramref name="dataKey"/>.</summary>
    public static string Conflict(string detected, string source, string dataKey = "/sigil/network")
    {
        var version = new RecordVersion(VersionVector.From([new("git", 1_800_000_000)]), "git", CommitTime, new string('b', 64));
        var loser = version with { Writer = "etcd", Vector = VersionVector.From([new("etcd", 7)]), Sha256 = new string('c', 64) };
        return new ConflictRecord(dataKey, "{}", loser, version, source, DateTimeOffset.Parse(detected, System.Globalization.CultureInfo.InvariantCulture)).ToJson();
    }

    private readonly Dictionary<string, StoredValue> etcd = new(StringComparer.Ordinal);
    private long revision = 100;
    private ApplyLag? lag;
    private bool hasTip = true;

    public SnapshotBuilder File(string path, string? text)
    {
        if (text is null) files.Remove(path);
        else files[path] = text;
        return this;
    }

    public SnapshotBuilder NoBranch()
    {
        hasTip = false;
        return this;
    }

    /// <summary>Every record of the tree as it is now, written as apply writes it (data and version in one transaction), pointer at the tip.</summary>
    public SnapshotBuilder AppliedToEtcd() => AppliedAt(Tip);

    /// <summary>The tree as it is now, applied as commit <paramref name="commit"/> (whose time the versions carry).</summary>
    public SnapshotBuilder AppliedAt(CommitInfo commit)
    {
        var git = GitSide();
        foreach (var (suffix, record) in git.Records)
        {
            var at = ++revision;
            Store(Keys.Data(suffix), record.Json, at);
            Store(Keys.Version(suffix), VersionJson.Write(GitVersions.Of(record.Sha256, git.Sidecars.GetValueOrDefault(suffix), commit.CommitterTime)), at);
        }

        Store(Keys.Applied, AppliedPointer.ToJson(commit.Sha, commit.CommitterTime), ++revision);
        lag = ApplyLag.None(AppliedPointer.Parse(etcd[Keys.Applied].Value, revision)) with { AppliedCommit = commit };
        return this;
    }

    /// <summary>A write made outside the suite (etcdctl, a node agent): the data key alone.</summary>
    public SnapshotBuilder Put(string key, string value)
    {
        Store(key, value, ++revision);
        return this;
    }

    public SnapshotBuilder Delete(string key)
    {
        etcd.Remove(key);
        revision++;
        return this;
    }

    /// <summary>The pointer is at <see cref="Applied"/>; <paramref name="commits"/> commits are pending and change the given records (null: any).</summary>
    public SnapshotBuilder Pending(int commits, params string[]? covered)
    {
        var pending = Enumerable.Range(0, commits).Select(i => i == commits - 1 ? Tip : new CommitInfo(new string((char)('b' + i), 40), [], CommitTime.AddMinutes(-commits + i), "pending")).ToList();
        var pointer = new AppliedPointer(Applied.Sha, CommitTime.AddHours(-1), etcd.GetValueOrDefault(Keys.Applied)?.ModRevision ?? 0);
        lag = new ApplyLag(pointer, Applied, pending, covered?.ToHashSet(StringComparer.Ordinal));
        return this;
    }

    public GitSide GitSide() => hasTip
        ? SigilGate.Domain.Drift.GitSide.Of("main", Tip, new TreeSnapshot(files.Select(f => TreeFile.FromText(f.Key, f.Value))))
        : SigilGate.Domain.Drift.GitSide.Empty("main");

    public SyncSnapshot Build() =>
        new(Keys, GitSide(), new Dictionary<string, StoredValue>(etcd), revision, lag ?? ApplyLag.None(AppliedPointer.None), Now);

    private void Store(string key, string value, long at) =>
        etcd[key] = new StoredValue(key, value, at, etcd.GetValueOrDefault(key)?.CreateRevision ?? at);
}
