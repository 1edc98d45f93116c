using SigilGate.Testing.Soak;

namespace SigilGate.EndToEnd.Tests.Soak;

/// <summary>
/// Issue 5, item 3: a seeded, bounded soak. One operator and four Core nodes write at random in Git
/// and etcd while etcd members and sigil processes are killed; once everything is quiet, etcd must
/// equal Git and no write may be lost. SIGIL_SOAK_SEED replays a run's choices, SIGIL_SOAK_SECONDS
/// sets its length (default two minutes).
/// </summary>
public sealed class SoakSpecs
{
    [Test]
    [CancelAfter(540_000)]
    public async Task Random_writers_with_killed_members_and_processes_end_with_etcd_equal_to_git_and_no_write_lost(CancellationToken cancellation)
    {
        var options = SoakOptions.FromEnvironment(TimeSpan.FromMinutes(2));
        if (options.Duration > TimeSpan.FromMinutes(5)) Assert.Ignore($"{SoakOptions.SecondsVariable} above 300 s is for the benchmark (bench/run.sh soak)");

        var result = await SoakRun.RunAsync(options, TestContext.Out, cancellation: cancellation);

        // The run must have exercised what it claims to, or passing proves nothing.
        result.Counts.Synced.ShouldBeGreaterThan(0, result.Summary);
        result.SigilKills.ShouldBeGreaterThan(0, result.Summary);
        result.MemberKills.ShouldBeGreaterThan(0, result.Summary);
        result.Problems.ShouldBeEmpty($"{result.Summary}\nreplay with {SoakOptions.SeedVariable}={options.Seed}\n{string.Join("\n", result.Problems)}");
    }
}
