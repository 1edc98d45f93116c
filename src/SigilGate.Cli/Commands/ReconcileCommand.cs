using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Reconcile;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil reconcile --repo BARE [--dry-run] [--force] [--allow-mass-delete] [--json]</c>: makes etcd equal to the branch tip.</summary>
internal static class ReconcileCommand
{
    public const string Help = """
        usage: sigil reconcile --repo BARE [--dry-run] [--force] [--allow-mass-delete] [--json]

        Makes etcd equal to the protected branch's tip (recovery: Git wins). Puts what differs,
        deletes data keys Git does not have (exact keys, never a prefix), prints each change, and
        keeps every value it overwrites or deletes under <prefix>/.sigil/conflicts/ (source
        "reconcile"). Then the applied pointer is set to the tip. Waits for a running apply first.

          --dry-run            print the plan, change nothing
          --force              also overwrite Core nodes' changes not yet mirrored to Git
                               (pending-node-write); without it they are left alone, one line each
          --allow-mass-delete  allow deleting more than Sigil:MassDeleteShare (default 50%) of the data keys
          --json               one JSON document on standard output instead of the lines, "schema": 1
                               first: each change made (or, with --dry-run, that would be made), where
                               each overwritten value is kept, and what is left alone (see docs/drift.md)

        Exit: 0 done, 2 error (nothing written when refused).
        """;

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Reconcile, Help, args, output, new Reporter(error), environment, async run =>
        {
            var parsed = run.Parse(["--repo"], ["--dry-run", "--force", "--allow-mass-delete", "--json"]);
            var json = parsed.Flag("--json");
            var (repo, settings) = RepositoryOption.Read(run, parsed);
            var options = new ReconcileOptions(parsed.Flag("--dry-run"), parsed.Flag("--force"), parsed.Flag("--allow-mass-delete"), settings.Sigil.MassDeleteShare);

            // A dry run writes nothing, so it does not wait for a running apply.
            using var held = options.DryRun ? null : await FileLock.TryAcquireAsync(Path.Combine(repo, ApplyRun.LockFile), LockWait).ConfigureAwait(false);
            if (!options.DryRun && held is null)
            {
                run.Reporter.Line($"error: an apply or reconcile of {repo} has been running for {LockWait.TotalMinutes:0} minutes; try again when it is done");
                return ExitCode.Error;
            }

            using var repository = GitRepositories.Open(repo, new Dictionary<string, string?>());
            await using var store = EtcdStoreFactory.Create(settings.Etcd);
            var reconciler = new Reconciler(repository, store, new KeyLayout(settings.Sigil.Prefix), settings.Sigil.Branch, settings.Etcd.Limits, TimeProvider.System);
            var attempts = 0;
            var result = await reconciler.RunAsync(options, (plan, attempt) =>
            {
                attempts = attempt;
                if (!json) Print(plan, attempt, options.DryRun, run.Output);
            }).ConfigureAwait(false);

            // The document is for a reconcile that ended with a plan carried out, shown or not needed; a refusal is an error on standard error only.
            if (json && result.Outcome is ReconcileOutcome.Done or ReconcileOutcome.DryRun or ReconcileOutcome.NothingToDo)
            {
                await run.Output.WriteLineAsync(ReconcileJson.Write(result, options.DryRun, attempts)).ConfigureAwait(false);
                return ExitCode.Ok;
            }

            return Report(result, options, settings.Sigil.Branch, json ? TextWriter.Null : run.Output, run.Reporter);
        });

    private static void Print(ReconcilePlan plan, int attempt, bool dryRun, TextWriter output)
    {
        if (attempt > 1) output.WriteLine("sigil: etcd changed while reconciling; nothing of the failed transaction was written; planned again:");
        foreach (var line in ReconcileText.Lines(plan, dryRun)) output.WriteLine(line);
    }

    private static ExitCode Report(ReconcileResult result, ReconcileOptions options, string branch, TextWriter output, Reporter reporter)
    {
        switch (result.Outcome)
        {
            case ReconcileOutcome.NoBranch:
                reporter.Line($"error: branch {branch} does not exist in the repository: there is nothing to reconcile etcd to");
                return ExitCode.Error;
            case ReconcileOutcome.MassDeleteRefused:
                reporter.Line("error: " + ReconcileText.MassDelete(result.Plan!, options.MassDeleteShare));
                if (options.DryRun) output.WriteLine("sigil: dry run: nothing was changed");
                else reporter.Line("reconcile refused: nothing was changed");
                return ExitCode.Error;
            case ReconcileOutcome.DryRun:
                output.WriteLine("sigil: dry run: nothing was changed");
                return ExitCode.Ok;
            case ReconcileOutcome.Done:
                output.WriteLine(ReconcileText.Done(result.Plan!, result.Revision));
                return ExitCode.Ok;
            default:
                return ExitCode.Ok;
        }
    }
}
