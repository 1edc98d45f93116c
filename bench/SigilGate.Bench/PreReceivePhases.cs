using SigilGate.Cli.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Git;
using SigilGate.Workflows.Gate;

namespace SigilGate.Bench;

/// <summary>
/// Where pre-receive's time goes, in process (JIT, warmed): the steps of PreReceiveCommand one by
/// one on a quarantined update: settings, opening the repository through the overlay, and the
/// push gate (policy at the tip, every commit's paths, validation of the new tree).
/// </summary>
internal static class PreReceivePhases
{
    public static async Task MeasureAsync(QuarantinedUpdate update, IReadOnlyDictionary<string, string?> environment, int runs, TextWriter output)
    {
        var clock = new PhaseClock();
        for (var i = 0; i < runs + 5; i++)
        {
            if (i == 5) clock = new PhaseClock();
            clock.Start();
            var settings = SettingsLoader.Load(update.Repository, environment);
            clock.Lap("load settings");
            var updates = RefUpdate.ParseAll(update.HookInput, out _);
            var repository = GitRepositories.Open(update.Repository, environment);
            clock.Lap("open repository through the quarantine overlay");
            var verdict = new ReceiveGate(repository, settings.Sigil).Check(new ReceivedPush(updates, PushScenario.Identity, []));
            if (!verdict.Accepted) throw new InvalidOperationException("the push gate rejected the benchmark's update");
            clock.Lap("push gate: policy, commits, validate the new tree");
            repository.Dispose();
            clock.Lap("close (removes the overlay)");
        }

        await output.WriteLineAsync($"  pre-receive's steps in process (JIT, after 5 warm-ups; {runs} runs):").ConfigureAwait(false);
        await clock.PrintAsync(output, "    ").ConfigureAwait(false);
    }
}
