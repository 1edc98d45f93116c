using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// Where post-receive's time goes, at process level: the published hook run directly in the
/// hooked repository on the last update, as git runs it. Start-up alone (<c>--help</c>), a run
/// with nothing left to apply (settings, repository, etcd connection, pointer read), and a run
/// onto a fresh prefix (the whole example network applied: diff, reads, one Txn, git note).
/// </summary>
internal static class PostReceiveBreakdown
{
    public static async Task MeasureAsync(BareRepository hooked, string hookInput, int runs, int warmup, TextWriter output)
    {
        var hook = SigilBinaries.Path("post-receive");
        var asGit = hooked.Environment.With(("GIT_DIR", "."), ("SIGIL_IDENTITY", PushScenario.Identity), ("GIT_PUSH_OPTION_COUNT", "0"));
        (string Name, string[] Arguments, Func<int, IReadOnlyDictionary<string, string?>> Environment, Samples Times)[] variants =
        [
            ("post-receive --help (start-up only)", ["--help"], _ => asGit, new Samples()),
            ("post-receive, already applied (no-op)", [], _ => asGit, new Samples()),
            ("post-receive onto a fresh prefix (whole tree)", [], i => hooked.Environment.With(("GIT_DIR", "."), ("SIGIL_SIGIL__PREFIX", $"/bench-post-{i}")), new Samples()),
        ];
        for (var i = 0; i < warmup + runs; i++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var (_, arguments, environment, times) = variants[(i + k) % variants.Length];
                var run = await TimedProcess.RunCheckedAsync(hook, arguments, hooked.Path, environment(i), hookInput).ConfigureAwait(false);
                if (run.StandardError.Contains(" is pending", StringComparison.Ordinal)) throw new InvalidOperationException("post-receive could not apply: " + run);
                if (i >= warmup) times.Add(run.Milliseconds);
            }
        }

        await output.WriteLineAsync("  post-receive run directly on the last update (process level):").ConfigureAwait(false);
        foreach (var (name, _, _, times) in variants) await output.WriteLineAsync($"    {name,-48} {times.Describe()}").ConfigureAwait(false);
    }
}
