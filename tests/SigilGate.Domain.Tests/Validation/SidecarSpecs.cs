using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>Version files in <c>.sigil/versions/</c>: written by sigil, read back identically, validated like records.</summary>
public class SidecarSpecs
{
    private const string SidecarPath = ".sigil/versions/nodes/entry/e-7.yaml";
    private const string Sha = "3f2a000000000000000000000000000000000000000000000000000000000abc";

    private static readonly RecordVersion Version = new(
        VersionVector.From([new("git", 1732400000), new("core-1", 4)]),
        "core-1",
        new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(2)),
        Sha);

    [Test]
    public void A_version_is_written_with_a_comment_sorted_counters_and_utc_time()
    {
        SidecarFormat.Write(Version, "nodes/entry/e-7.yaml").ShouldBe(
            $"""
            # Version of nodes/entry/e-7.yaml, kept by sigil. Do not edit.
            vector:
              core-1: 4
              git: 1732400000
            writer: core-1
            time: 2026-11-23T10:00:00.0000000+00:00
            sha256: {Sha}

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void A_written_version_reads_back_identically()
    {
        var tree = ExampleTree.With((SidecarPath, SidecarFormat.Write(Version, "nodes/entry/e-7.yaml")));

        var result = TreeValidator.Validate(tree);

        result.Diagnostics.ShouldBeEmpty();
        var sidecar = result.Sidecars["nodes/entry/e-7.yaml"];
        sidecar.RecordPath.ShouldBe("nodes/entry/e-7.yaml");
        sidecar.Version.ShouldBe(Version);
        sidecar.Version.Time.Ticks.ShouldBe(Version.Time.UtcTicks);
    }

    [Test]
    public void An_empty_vector_and_sub_second_times_survive_the_round_trip()
    {
        var version = new RecordVersion(VersionVector.Empty, "git", new DateTimeOffset(638_000_000_000_001_234, TimeSpan.Zero), RecordVersion.DeletedSha256);
        var file = TreeFile.FromText(".sigil/versions/state/core-1/entries/e-9.yaml", SidecarFormat.Write(version, "state/core-1/entries/e-9.yaml"));

        var (sidecar, diagnostics) = SidecarFormat.Read(file);

        diagnostics.ShouldBeEmpty();
        sidecar.ShouldBe(new VersionSidecar("state/core-1/entries/e-9.yaml", version));
    }

    [Test]
    public void A_version_of_a_deleted_record_is_a_tombstone_and_not_a_problem()
    {
        var tree = ExampleTree.With((".sigil/versions/nodes/entry/e-99.yaml", SidecarFormat.Write(Version, "nodes/entry/e-99.yaml")));

        var result = TreeValidator.Validate(tree);

        result.Diagnostics.ShouldBeEmpty();
        result.Sidecars.Keys.ShouldBe(["nodes/entry/e-99.yaml"]);
        result.Records.ShouldNotContainKey("nodes/entry/e-99.yaml");
    }

    [TestCase("vector:\n  core-1: 0\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:11: the counter of 'core-1' must be a positive whole number, got '0'")]
    [TestCase("vector:\n  core-1: \"4\"\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:11: the counter of 'core-1' must be a positive whole number, got the quoted string '4'")]
    [TestCase("vector:\n  Core_1: 4\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:3: writer id 'Core_1' must match ^[a-z0-9][a-z0-9-]{0,62}$")]
    [TestCase("vector: [4]\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:1:9: 'vector' must be a mapping of writer id to counter, got a list")]
    [TestCase("vector:\n  core-1: 4\nwriter: Core 1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:3:9: 'writer' must be a writer id matching ^[a-z0-9][a-z0-9-]{0,62}$, got 'Core 1'")]
    [TestCase("vector:\n  core-1: 4\nwriter: core-1\ntime: now\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:4:7: 'time' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got 'now'")]
    [TestCase("vector:\n  core-1: 4\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: 3F2A\n",
        ".sigil/versions/nodes/entry/e-7.yaml:5:9: 'sha256' must be 64 lowercase hex digits, got '3F2A'")]
    [TestCase("vector:\n  core-1: 4\nwriter: core-1\n",
        ".sigil/versions/nodes/entry/e-7.yaml:1:1: missing required field 'time'",
        ".sigil/versions/nodes/entry/e-7.yaml:1:1: missing required field 'sha256'")]
    [TestCase("vector:\n  core-1: 9223372036854775807\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:11: counter for writer core-1 is 9223372036854775807, above the largest allowed 9007199254740991")]
    [TestCase("vector:\n  core-1: 9223372036854775806\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:11: counter for writer core-1 is 9223372036854775806, above the largest allowed 9007199254740991")]
    [TestCase("vector:\n  git: 9007199254740992\nwriter: git\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:8: counter for writer git is 9007199254740992, above the largest allowed 9007199254740991")]
    [TestCase("vector:\n  git: 99999999999999999999999999\nwriter: git\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:8: counter for writer git is 99999999999999999999999999, above the largest allowed 9007199254740991")]
    [TestCase("vector:\n  git: \u0663\nwriter: git\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n",
        ".sigil/versions/nodes/entry/e-7.yaml:2:8: the counter of 'git' must be a positive whole number, got '\u0663'")]
    public void A_damaged_version_file_is_reported(string text, params string[] expected)
    {
        var tree = ExampleTree.With((SidecarPath, text));

        ExampleTree.Problems(tree).ShouldBe(expected);
        TreeValidator.Validate(tree).Sidecars.ShouldBeEmpty();
    }

    [Test]
    public void A_version_file_at_the_limit_is_read()
    {
        var text = "vector:\n  git: 9007199254740991\nwriter: git\ntime: 2026-11-23T10:00:00Z\nsha256: " + Sha + "\n";

        var (sidecar, diagnostics) = SidecarFormat.Read(TreeFile.FromText(SidecarPath, text));

        diagnostics.ShouldBeEmpty();
        sidecar!.Version.Vector["git"].ShouldBe(CounterLimit.Max);
    }

    [Test]
    public void Reading_a_file_that_is_not_a_version_file_says_so()
    {
        var (sidecar, diagnostics) = SidecarFormat.Read(TreeFile.FromText("nodes/entry/e-7.yaml", "id: e-7\n"));

        sidecar.ShouldBeNull();
        diagnostics.Select(d => d.ToString()).ShouldBe(["nodes/entry/e-7.yaml: not a version file: versions live at .sigil/versions/<record path>"]);
    }
}
