using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// 2. The pre-commit binary on the example network staged in a clone, run directly in the clone
/// with the variables git gives a pre-commit hook, against its own <c>--help</c> start-up,
/// <c>git status</c> in the same clone, and /bin/true (what starting any process costs here).
/// </summary>
internal static class PreCommitScenario
{
    private const double TargetMs = 30;

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs, int warmup, TextWriter output)
    {
        using var environment = new GitEnvironment();
        using var bare = await BareRepository.CreateAsync(environment, "http://127.0.0.1:1", withHooks: false).ConfigureAwait(false);
        using var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
        var network = NetworkFiles.Example(out var source);
        NetworkFiles.WriteTo(clone, network);
        var add = await clone.GitAsync("add", "-A").ConfigureAwait(false);
        if (add.ExitCode != 0) throw new InvalidOperationException("git add failed: " + add);
        await output.WriteLineAsync($"  network: {source} ({network.Count} files) staged with 'git add -A' in a fresh clone").ConfigureAwait(false);

        // What git sets for a pre-commit hook of a plain 'git commit' (seen with a script hook): the
        // clone as working directory, GIT_INDEX_FILE relative to it, GIT_PREFIX and GIT_EDITOR.
        var hook = environment.With(("GIT_INDEX_FILE", ".git/index"), ("GIT_PREFIX", ""), ("GIT_EDITOR", ":"));
        var preCommit = SigilBinaries.Path("pre-commit");
        (string Name, string Program, string[] Arguments, Samples Times)[] commands =
        [
            ("pre-commit", preCommit, [], new Samples()),
            ("pre-commit --help", preCommit, ["--help"], new Samples()),
            ("git status", "git", ["status"], new Samples()),
            ("/bin/true", "/bin/true", [], new Samples()),
        ];

        for (var i = 0; i < warmup + runs; i++)
        {
            // Rotate the order each round so that none always runs right after another.
            for (var k = 0; k < commands.Length; k++)
            {
                var (_, program, arguments, times) = commands[(i + k) % commands.Length];
                var run = await TimedProcess.RunCheckedAsync(program, arguments, clone.Path, hook).ConfigureAwait(false);
                if (i >= warmup) times.Add(run.Milliseconds);
            }
        }

        foreach (var (name, _, _, times) in commands) await output.WriteLineAsync($"  {name,-18} {times.Describe()}").ConfigureAwait(false);
        var hookTime = commands[0].Times.Median;
        var target = $"< {Samples.Ms(TargetMs)}";
        return
        [
            new Figure("2. pre-commit on the example network", hookTime, "pre-commit --help", commands[1].Times.Median, target, hookTime < TargetMs),
            new Figure("2. pre-commit on the example network", hookTime, "git status", commands[2].Times.Median, target, hookTime < TargetMs),
        ];
    }
}
