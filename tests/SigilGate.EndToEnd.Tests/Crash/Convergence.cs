using System.Text.Json;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Validation;
using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>
/// What "converged" means after a crash and a rerun: etcd's data keys are exactly the records of
/// the branch tip (none lost, none extra, same JSON), each with a version key written in the same
/// transaction that describes that JSON (and carries the vector Git's sidecar has, where there is
/// one), the applied pointer names the tip, and <c>sigil drift</c> agrees.
/// </summary>
public sealed class Convergence(EtcdServer etcd, BareRepository bare, string prefix)
{
    private readonly KeyLayout _keys = new(prefix);

    public async Task EtcdShouldHoldTheBranchTipAsync()
    {
        var tip = await bare.TipAsync() ?? throw new InvalidOperationException("the branch has no commit");
        using var repository = GitRepositories.Open(bare.Path, new Dictionary<string, string?>());
        var git = TreeValidator.Validate(repository.Snapshot(tip));
        git.Diagnostics.ShouldBeEmpty("the branch tip itself should be valid");
        var etcdKeys = (await etcd.GetAsync("--prefix", prefix + "/")).Entries;

        var expected = git.Records.Values.ToDictionary(r => r.Key(prefix), r => r.Json, StringComparer.Ordinal);
        var data = etcdKeys.Values.Where(e => _keys.SuffixOfData(e.Key) is not null).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        data.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), "etcd's data keys should be the records of the branch tip, none lost and none extra");
        foreach (var (key, json) in expected) data[key].ShouldBe(json, $"{key} should hold the tip's record");

        foreach (var (path, record) in git.Records)
        {
            var suffix = record.Path.KeySuffix;
            etcdKeys.TryGetValue(_keys.Version(suffix), out var versionKey).ShouldBeTrue($"{path} should have a version key");
            versionKey!.ModRevision.ShouldBe(etcdKeys[_keys.Data(suffix)].ModRevision, $"{path}: data and version should be written in one transaction");
            var version = VersionJson.TryParse(versionKey.Value).ShouldNotBeNull($"{path}: the version key should parse");
            version.Sha256.ShouldBe(record.Sha256, $"{path}: the version key should describe the record etcd holds");
            if (git.Sidecars.GetValueOrDefault(path) is { } sidecar && sidecar.Version.Sha256 == record.Sha256)
            {
                version.Vector.ShouldBe(sidecar.Version.Vector, $"{path}: etcd should carry the vector of Git's sidecar");
            }
        }

        var pointer = etcdKeys.GetValueOrDefault(_keys.Applied).ShouldNotBeNull("the applied pointer should exist");
        AppliedPointer.Parse(pointer.Value, pointer.ModRevision).Commit.ShouldBe(tip, "the applied pointer should name the branch tip");
    }

    /// <summary><c>sigil drift</c> finds nothing, or only differences of the kinds named (such as kept conflict losers).</summary>
    public async Task DriftShouldReportNothingBut(params string[] expectedKinds)
    {
        var drift = await bare.SigilAsync("drift", "--repo", bare.Path, "--json");
        drift.ExitCode.ShouldBeOneOf([0, 1], drift.ToString());
        using var report = JsonDocument.Parse(drift.StandardOutput);
        var kinds = report.RootElement.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        kinds.ShouldAllBe(kind => expectedKinds.Contains(kind), drift.StandardOutput);
        if (expectedKinds.Length == 0) drift.ExitCode.ShouldBe(0, drift.ToString());
    }
}
