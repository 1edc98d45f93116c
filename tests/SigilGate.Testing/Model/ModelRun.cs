using System.Diagnostics;

namespace SigilGate.Testing.Model;

/// <summary>
/// One seeded model run: a fresh etcd and repository, then random steps drawn from
/// <see cref="ModelOperations"/> with the invariants of <see cref="StepInvariants"/> checked after
/// each, until the step or time bound; then the final settle and every invariant again, with
/// <see cref="WriteSurvival"/> (no write lost). Stops at the first step that breaks an invariant.
/// </summary>
public static class ModelRun
{
    public static async Task<ModelResult> RunAsync(ModelOptions options, TextWriter output, CancellationToken cancellation = default)
    {
        var log = new ModelLog(output);
        var clock = Stopwatch.StartNew();
        log.Line($"model run, {options}; replay with {options.Replay}");
        await using var world = await ModelWorld.CreateAsync().ConfigureAwait(false);
        var ledger = new ModelLedger();
        var model = new ModelContext(world, ledger, log, new Random(options.Seed));
        var invariants = new StepInvariants(world, ledger);
        await RecordBaseAsync(model, invariants.Tree).ConfigureAwait(false);

        var violations = await invariants.CheckAsync().ConfigureAwait(false);
        while (violations.Count == 0 && log.Step < options.MaxSteps && clock.Elapsed < options.Duration && !cancellation.IsCancellationRequested)
        {
            log.Step++;
            var operation = ModelOperations.Draw(model.Random, options.Skip);
            log.Line(operation.ToString());
            try
            {
                await operation.RunAsync(model).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                violations.Add(new ModelViolation("harness", $"step {log.Step} ({operation.Name}) could not run: {e.Message}"));
                break;
            }

            violations.AddRange((await invariants.CheckAsync().ConfigureAwait(false)).Select(v => v.After(log.Step, operation.Id)));
        }

        var steps = log.Step;
        if (violations.Count == 0)
        {
            log.Step++;
            log.Line("final settle: every node's sigil push until idle, then sigil apply");
            if (await ModelSettle.SettleAsync(model, invariants.Tree).ConfigureAwait(false) is { } unsettled) violations.Add(unsettled);
            foreach (var core in ModelRecords.Cores) ledger.Mirrored(core);
            violations.AddRange((await invariants.CheckAsync().ConfigureAwait(false)).Select(v => v.After(log.Step, "final settle")));
            violations.AddRange(WriteSurvival.Check(ledger, await ModelSnapshot.ReadAsync(world, invariants.Tree).ConfigureAwait(false)));
        }

        foreach (var violation in violations) log.Line("VIOLATION " + violation);
        if (violations.Count > 0) await ModelDiagnosis.WriteAsync(world, violations, log).ConfigureAwait(false);
        var result = new ModelResult(options, steps, violations, log.ToString(), clock.Elapsed, model.Nodes.Runs, model.Nodes.Kills, ledger.Written.Count);
        output.WriteLine(result.Summary);
        return result;
    }

    // The base network's values are the first writes: later ones replace them over having seen them.
    private static async Task RecordBaseAsync(ModelContext model, GitTree tree)
    {
        var files = await tree.ReadAsync(await tree.TipAsync().ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var (path, json) in files.Records) model.Ledger.Write(new RecordValue(path, json), [], "the base network");
    }
}
