using SigilGate.Testing.Model;

namespace SigilGate.EndToEnd.Tests.Model;

/// <summary>
/// The seeded model-based history test: random operator histories (edits on main and on an old
/// main, merges either way round, rebases, reverts of commits and of merges, merges discarding
/// one side, squash and octopus merges, records restored from old commits, cherry-picks, amends,
/// same-second and backdated commits, reconciles) and Core node activity (raw etcd writes, sigil push runs, some killed,
/// one racing an operator) against the real executables, a bare repository with the hooks and a
/// real etcd, with the invariants checked after every step and after a final settle.
/// SIGIL_MODEL_SEED replays seeds; SIGIL_MODEL_MINUTES and SIGIL_MODEL_STEPS run longer;
/// SIGIL_MODEL_SKIP leaves out steps (by id) to get past a finding that hides the others.
/// </summary>
public sealed class ModelHistorySpecs
{
    private const int FreshSeeds = 3;

    [Test]
    [CancelAfter(14_400_000)] // a backstop only: each run ends at its time bound, each process has a timeout
    public async Task Random_histories_keep_etcd_equal_to_git_where_git_is_the_truth_and_lose_no_write(CancellationToken cancellation)
    {
        var failures = new List<string>();
        var summaries = new List<string>();
        foreach (var options in ModelOptions.FromEnvironment(FreshSeeds))
        {
            var result = await ModelRun.RunAsync(options, TestContext.Out, cancellation);
            summaries.Add(result.Summary);

            // A run that did nothing proves nothing.
            if (result.Passed && result.Steps < 5) failures.Add($"seed {options.Seed} ran only {result.Steps} steps\n{result.Log}");
            if (!result.Passed) failures.Add(result.Report());
        }

        TestContext.Out.WriteLine(string.Join("\n", summaries));
        failures.ShouldBeEmpty(string.Join("\n\n", failures));
    }
}
