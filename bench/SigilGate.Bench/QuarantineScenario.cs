using SigilGate.Git;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 4. What reading the pushed objects out of git's quarantine costs pre-receive: the hook's share
/// of a push (from scenario 1), the published pre-receive run directly on the same update with and
/// without the quarantine variables, and the overlay alone, in process.
/// </summary>
internal static class QuarantineScenario
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(PushMeasurements push, int runs, int warmup, TextWriter output)
    {
        await output.WriteLineAsync($"  from scenario 1: pre-receive {push.PreReceive.Describe()}; whole push without hooks {push.Plain.Describe()}").ConfigureAwait(false);
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var bare = await BareRepository.CreateAsync(environment, etcd.Endpoint, "/sigil").ConfigureAwait(false);
        using var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
        var update = await QuarantinedUpdate.PrepareAsync(bare, clone).ConfigureAwait(false);

        var hook = SigilBinaries.Path("pre-receive");
        var asGit = environment.With(("GIT_DIR", "."), ("SIGIL_IDENTITY", PushScenario.Identity), ("GIT_PUSH_OPTION_COUNT", "0"));
        var quarantined = new Dictionary<string, string?>(asGit, StringComparer.Ordinal)
        {
            ["GIT_QUARANTINE_PATH"] = update.Quarantine,
            ["GIT_OBJECT_DIRECTORY"] = update.Quarantine,
            ["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = update.Objects,
        };
        (string Name, IReadOnlyDictionary<string, string?> Environment, string[] Arguments, Samples Times)[] variants =
        [
            ("pre-receive, quarantine variables set (as in a push)", quarantined, [], new Samples()),
            ("pre-receive, objects already in the repository", asGit, [], new Samples()),
            ("pre-receive --help (start-up only)", asGit, ["--help"], new Samples()),
        ];
        for (var i = 0; i < warmup + runs; i++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var (_, variables, arguments, times) = variants[(i + k) % variants.Length];
                var run = await TimedProcess.RunCheckedAsync(hook, arguments, bare.Path, variables, update.HookInput).ConfigureAwait(false);
                if (i >= warmup) times.Add(run.Milliseconds);
            }
        }

        await output.WriteLineAsync($"  the published pre-receive run directly in the bare repository on '{update.HookInput.Trim()}':").ConfigureAwait(false);
        foreach (var (name, _, _, times) in variants) await output.WriteLineAsync($"    {name,-52} {times.Describe()}").ConfigureAwait(false);

        var (create, dispose, openQuarantined, openPlain) = InProcess(update, Math.Max(200, runs * 5));
        await output.WriteLineAsync($"  in process (JIT, warmed), {create.Count} runs each:").ConfigureAwait(false);
        await output.WriteLineAsync($"    QuarantineOverlay.Create alone                     {create.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    QuarantineOverlay.Dispose alone                    {dispose.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    GitRepositories.Open with quarantine + FindCommit   {openQuarantined.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    GitRepositories.Open without + FindCommit          {openPlain.Describe()}").ConfigureAwait(false);
        await PreReceivePhases.MeasureAsync(update, quarantined, Math.Min(runs, 40), output).ConfigureAwait(false);
        return
        [
            new Figure("4. pre-receive inside a push", push.PreReceive.Median, "whole push without hooks", push.Plain.Median, "none (informational)", null),
            new Figure("4. pre-receive with quarantine", variants[0].Times.Median, "same, objects in repository", variants[1].Times.Median, "none (informational)", null,
                $"overlay costs {Samples.Ms(variants[0].Times.Median - variants[1].Times.Median)} per push"),
        ];
    }

    private static (Samples Create, Samples Dispose, Samples OpenQuarantined, Samples OpenPlain) InProcess(QuarantinedUpdate update, int runs)
    {
        // The overlay is internal to SigilGate.Git, which lets the benchmark call it: the real one is timed, not a copy.
        var quarantined = new Dictionary<string, string?> { ["GIT_QUARANTINE_PATH"] = update.Quarantine };
        var plain = new Dictionary<string, string?>();
        var (create, dispose, openQuarantined, openPlain) = (new Samples(), new Samples(), new Samples(), new Samples());
        var clock = new System.Diagnostics.Stopwatch();
        for (var i = 0; i < runs + 20; i++)
        {
            var keep = i >= 20;
            clock.Restart();
            var overlay = QuarantineOverlay.Create(update.Quarantine, update.Objects);
            if (keep) create.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            overlay.Dispose();
            if (keep) dispose.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            using (var reader = GitRepositories.Open(update.Repository, quarantined)) _ = reader.FindCommit(update.NewSha) ?? throw new InvalidOperationException("pushed commit not visible through the overlay");
            if (keep) openQuarantined.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            using (var reader = GitRepositories.Open(update.Repository, plain)) _ = reader.FindCommit(update.NewSha) ?? throw new InvalidOperationException("commit not in the repository");
            if (keep) openPlain.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (create, dispose, openQuarantined, openPlain);
    }
}
