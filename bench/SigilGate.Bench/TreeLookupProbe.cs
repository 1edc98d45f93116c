using System.Diagnostics;
using SigilGate.Domain.Validation;
using SigilGate.Git;

namespace SigilGate.Bench;

/// <summary>
/// How the repository reader's look-up of one file by path scales with the size of its directory:
/// the same call for a file among the 10,000 entries and for one among the 3 cores, one walk of
/// the whole tree (IRepositoryReader.Snapshot) for comparison, and the validation of all of it.
/// </summary>
internal static class TreeLookupProbe
{
    private const int Lookups = 50;

    public static async Task MeasureAsync(string bare, int entries, TextWriter output)
    {
        using var reader = GitRepositories.Open(bare, new Dictionary<string, string?>());
        var tip = reader.BranchTip("main") ?? throw new InvalidOperationException("no main");
        _ = reader.Files(tip, ["nodes/core/core-1.yaml", $"nodes/entry/e-{entries / 2}.yaml"]);
        var large = PerLookup(() => reader.Files(tip, [$"nodes/entry/e-{entries / 2}.yaml"]).Files.Count());
        var small = PerLookup(() => reader.Files(tip, ["nodes/core/core-1.yaml"]).Files.Count());
        var clock = Stopwatch.StartNew();
        var snapshot = reader.Snapshot(tip);
        var walked = snapshot.Files.Count();
        var walk = clock.Elapsed.TotalMilliseconds;

        // Validation of every file, the second time (the first one compiles the code): what an
        // apply that read the files in one walk would still spend on parsing them.
        _ = TreeValidator.Validate(reader.Snapshot(tip));
        clock.Restart();
        var records = TreeValidator.Validate(snapshot).Records.Count;
        var validate = clock.Elapsed.TotalMilliseconds;
        await output.WriteLineAsync($"  IRepositoryReader.Files, one path, {Lookups} times each (in process):").ConfigureAwait(false);
        await output.WriteLineAsync($"    a file among {entries:N0} entries in nodes/entry/   {Samples.Ms(large)} per path").ConfigureAwait(false);
        await output.WriteLineAsync($"    a file among 3 in nodes/core/                 {Samples.Ms(small)} per path").ConfigureAwait(false);
        await output.WriteLineAsync($"    Snapshot: one walk of all {walked:N0} files       {Samples.Ms(walk)} in all").ConfigureAwait(false);
        await output.WriteLineAsync($"    TreeValidator.Validate of that snapshot       {Samples.Ms(validate)} ({records:N0} records; second run, JIT)").ConfigureAwait(false);
    }

    private static double PerLookup(Func<int> lookup)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Lookups; i++)
        {
            if (lookup() != 1) throw new InvalidOperationException("file not found");
        }

        return clock.Elapsed.TotalMilliseconds / Lookups;
    }
}
