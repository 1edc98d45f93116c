using System.Globalization;

namespace SigilGate.Bench;

/// <summary>The command line: which scenarios, how many measured runs and warm-up runs, the scale scenario's sizes.</summary>
internal sealed record BenchOptions(IReadOnlyList<string> Scenarios, int? Runs, int? Warmup, IReadOnlyList<int> Sizes)
{
    public static readonly IReadOnlyList<string> All = ["push", "pre-commit", "apply", "quarantine", "pusher", "drift", "large-push"];

    /// <summary>Run only when named: minutes long, and a throughput rather than a timing.</summary>
    public static readonly IReadOnlyList<string> ByNameOnly = ["soak", "scale", "herd"];

    public static readonly IReadOnlyList<int> DefaultSizes = [1_000, 10_000];

    public const string Usage = """
        usage: SigilGate.Bench [all|push|pre-commit|apply|quarantine|pusher|drift|large-push|soak|scale|herd ...] [--runs N] [--warmup N] [--sizes N,N,...]

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
          scale       9. (not in all) at each of --sizes records (default 1000,10000; the issue's: 1000,10000,100000):
                         one-file push vs plain push, first push of the whole network vs 128-op Txns of its keys,
                         sigil drift vs etcdctl get --prefix, the pusher idle and with 100 changed, the peak memory
                         of each executable (/usr/bin/time); then the herd below
          herd        10. (not in all) fifty Core nodes' sigil push started in the same second against one server

        --runs N     measured runs per figure (defaults: push 30, pre-commit 40, apply 10, quarantine 40,
                     pusher 20 idle runs (changed runs: half of that, 3 to 11), drift 10, large-push 3;
                     apply stops repeating after 4 minutes once 3 runs are in)
        --sizes L    the scale scenario's sizes, comma-separated (100,000 takes about half an hour)
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
        IReadOnlyList<int> sizes = DefaultSizes;
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
                case "--sizes":
                    sizes = ParseSizes(args, ++i);
                    break;
                case "scale":
                    scenarios.AddRange(["scale", "herd"]);
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

        return new BenchOptions(scenarios.Count == 0 ? All : scenarios.Distinct().ToList(), runs, warmup, sizes);
    }

    private static List<int> ParseSizes(IReadOnlyList<string> args, int index)
    {
        var sizes = index < args.Count ? args[index].Split(',').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 10 ? n : 0).ToList() : [];
        if (sizes.Count == 0 || sizes.Contains(0)) throw new ArgumentException("--sizes needs whole numbers >= 10, comma-separated (e.g. 1000,10000,100000)");
        return sizes.Distinct().Order().ToList();
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
