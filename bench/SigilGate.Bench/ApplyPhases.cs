using System.Diagnostics;
using System.Globalization;
using SigilGate.Cli.Configuration;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;
using SigilGate.Domain.Validation;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Testing.Git;
using SigilGate.Workflows.Apply;

namespace SigilGate.Bench;

/// <summary>
/// Where an apply's time goes: the steps of ApplyRun and Applier.ApplyStepAsync called one by one
/// in this process (JIT), each timed, onto a fresh prefix. The steps follow the library's order
/// (pointer read twice, ranged read above 512 keys, pack, sequential Txns, git note); the
/// changed-path diff, the file look-ups and the validation are also timed alone before
/// CommitTargets.For does them again as the library does.
/// </summary>
internal static class ApplyPhases
{
    // A run this long is dominated by its slowest phase, not by JIT compilation: keep it.
    private static readonly TimeSpan NoWarmupAbove = TimeSpan.FromSeconds(10);

    public static async Task MeasureAsync(string bare, string endpoint, GitEnvironment environment, int runs, string tag, TextWriter output)
    {
        var run = 0;
        var clock = new PhaseClock();
        var first = Stopwatch.StartNew();
        await OnceAsync(bare, Variables(environment, endpoint, tag, run++), clock).ConfigureAwait(false);
        var slow = first.Elapsed >= NoWarmupAbove;
        if (!slow)
        {
            // That was the warm-up (JIT): measure afresh.
            clock = new PhaseClock();
            while (run <= runs) await OnceAsync(bare, Variables(environment, endpoint, tag, run++), clock).ConfigureAwait(false);
        }

        await output.WriteLineAsync(slow
            ? string.Create(CultureInfo.InvariantCulture, $"  phases of one apply, in process (JIT; the first run took {first.Elapsed.TotalSeconds:0} s, so it is shown alone, without warm-up or repeats):")
            : $"  phases of one apply, in process (JIT, after 1 warm-up; {runs} runs, each onto a fresh prefix):").ConfigureAwait(false);
        await clock.PrintAsync(output, "    ").ConfigureAwait(false);
    }

    private static IReadOnlyDictionary<string, string?> Variables(GitEnvironment environment, string endpoint, string tag, int run) =>
        environment.With(("SIGIL_SIGIL__PREFIX", $"/bench-phase-{tag}-{run}"), ("SIGIL_ETCD__ENDPOINTS", endpoint));

    private static async Task OnceAsync(string bare, IReadOnlyDictionary<string, string?> environment, PhaseClock clock)
    {
        clock.Start();
        var settings = SettingsLoader.Load(bare, environment);
        clock.Lap("load settings");
        var (repository, notes) = GitRepositories.OpenForWriting(bare);
        using var _ = repository;
        var tip = repository.BranchTip(settings.Sigil.Branch) ?? throw new InvalidOperationException("no branch tip");
        clock.Lap("open repository, branch tip");
        await using var store = EtcdStoreFactory.Create(settings.Etcd);
        var keys = new KeyLayout(settings.Sigil.Prefix);
        var applier = new Applier(repository, store, keys, settings.Etcd.Limits, TimeProvider.System);
        var pointer = await applier.ReadPointerAsync().ConfigureAwait(false);
        clock.Lap("etcd: connect, read applied pointer");
        var step = applier.PendingSteps(pointer, tip).Single();
        clock.Lap("pending commits");

        var changed = repository.ChangedPaths(step.BaseSha, step.Commit.Sha);
        clock.Lap("  alone: git tree diff (changed paths)");
        var files = repository.Files(step.Commit.Sha, changed);
        clock.Lap($"  alone: git look-up of {changed.Count} files by path");
        var validated = TreeValidator.Validate(files);
        clock.Lap("  alone: parse + validate them");
        if (validated.Records.Count == 0) throw new InvalidOperationException("nothing parsed");
        var slice = CommitTargets.For(repository, step).All;
        clock.Lap("CommitTargets.For (the three above + versions)");

        pointer = await applier.ReadPointerAsync().ConfigureAwait(false);
        clock.Lap("etcd: read applied pointer again");
        var wanted = slice.Targets.Count * 2;
        var read = wanted > 512
            ? await store.GetPrefixAsync(keys.All).ConfigureAwait(false)
            : await store.GetManyAsync(slice.Targets.SelectMany(t => new[] { keys.Data(t.Path.KeySuffix), keys.Version(t.Path.KeySuffix) }).ToList()).ConfigureAwait(false);
        clock.Lap(wanted > 512 ? "etcd: ranged read of the prefix" : "etcd: read the records' keys");
        var byKey = read.ByKey();
        var now = TimeProvider.System.GetUtcNow();
        var outcomes = slice.Targets
            .Select(t => RecordDecision.Decide(t, new StoredRecord(byKey.GetValueOrDefault(keys.Data(t.Path.KeySuffix)), byKey.GetValueOrDefault(keys.Version(t.Path.KeySuffix))), keys, step.Commit.Sha, now))
            .ToList();
        clock.Lap("decide (versions, JSON)");
        var closing = new Mutation[] { new PutMutation(keys.Applied, AppliedPointer.ToJson(step.Commit.Sha, now)) };
        var batches = TransactionBatcher.Pack(outcomes, settings.Etcd.Limits, [new Guard(keys.Applied, pointer.ModRevision)], closing);
        clock.Lap("pack transactions");
        long revision = 0;
        foreach (var batch in batches)
        {
            var result = await store.CommitAsync(batch).ConfigureAwait(false);
            if (!result.Succeeded) throw new InvalidOperationException("a guarded Txn failed on a fresh prefix");
            revision = result.Revision;
        }

        clock.Lap($"etcd: {batches.Count} Txns, one after another");
        notes.AddNote(step.Commit.Sha, new StepReport(step.Commit, revision, AppliedRecords.Of(keys, outcomes, slice.Skipped)).Receipt(keys, now));
        clock.Lap("git note");
    }
}
