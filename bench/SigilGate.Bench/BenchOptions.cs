using System.Globalization;

namespace SigilGate.Bench;

/// <summary>The command line: which scenarios, how many measured runs and warm-up runs.</summary>
internal sealed record BenchOptions(IReadOnlyList<string> Scenarios, int? Runs, int? Warmup)
{
    public static readonly IReadOnlyList<string> All = ["push", "pre-commit", "apply", "quarantine", "pusher", "drift", "large-push"];

    /// <summary>Run only when named: minutes long, and a throughput rather than a timing.</summary>
    public static readonly IReadOnlyList<string> ByNameOnly = ["soak"];

    public const string Usage = """
        usage: SigilGate.Bench [all|push|pre-commit|apply|quarantine|pusher|drift|large-push|soak ...] [--runs N] [--warmup N]

          push        1. one-file push through all hooks vs the same push without hooks
          pre-commit  2. pre-commit on examples/network vs its --help start-up and git status
          apply       3. sigil apply of 10,000 records vs 128-op Txns from a minimal client
          quarantine  4. pre-receive's share of a push, and the quarantine overlay's cost
          pusher      5. sigil push on a Core node: idle runs of a 1,000-record area vs sigil --help;
                         100 of 10,000 records changed vs 100 of 1,000, and 1,000 of 10,000
          drift       6. sigil drift over 10,000 records in sync vs etcdctl get --prefix
          large-push  7. one push of 10,000 new records: pre-receive and post-receive times
                         vs 128-op Txns of the same data keys
          soak        8. (not in all) the randomized soak for SIGIL_SOAK_SECONDS (default 300): records
                         synchronised to both sides per second vs etcdctl puts per second (seed: SIGIL_SOAK_SEED)

        --runs N     measured runs per figure (defaults: push 30, pre-commit 40, apply 10, quarantine 40,
                     pusher 20 idle runs (changed runs: half of that, 3 to 11), drift 10, large-push 3;
                     apply stops repeating after 4 minutes once 3 runs are in)
        --warmup N   rounds discarded first (defaults: 5, drift 2; apply 0: its first apply and one
                     round of each baseline are always discarded; pusher's changed runs always discard 1)

        Executables come from $SIGIL_BIN, else artifacts/bin (install/build.sh publishes them).
        Exit: 0 every target met, 1 a target missed, 2 error.
        """;

    public int RunsOr(int fallback) => Runs ?? fallback;

    public int WarmupOr(int fallback) => Warmup ?? fallback;

    public bool Wants(string scenario) => Scenarios.Contains(scenario);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var scenarios = new List<string>();
        int? runs = null, warmup = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = Count(args, ++i, "--runs", minimum: 1);
                    break;
                case "--warmup":
                    warmup = Count(args, ++i, "--warmup", minimum: 0);
                    break;
                case "all":
                    scenarios.AddRange(All);
                    break;
                case var name when All.Contains(name) || ByNameOnly.Contains(name):
                    scenarios.Add(name);
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }

        return new BenchOptions(scenarios.Count == 0 ? All : scenarios.Distinct().ToList(), runs, warmup);
    }

    private static int Count(IReadOnlyList<string> args, int index, string name, int minimum)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"{name} needs a whole number >= {minimum}");
        }

        return value;
    }
}
