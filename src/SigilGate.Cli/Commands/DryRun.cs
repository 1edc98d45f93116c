using SigilGate.Domain.Apply;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Cli.Commands;

/// <summary><c>git push -o sigil.dry-run</c>: the etcd operations the push would cause, read against the live store.</summary>
internal static class DryRun
{
    public static async Task PrintAsync(IRepositoryReader repository, Settings settings, IReadOnlyList<RefUpdate> updates, Reporter reporter)
    {
        var keys = new KeyLayout(settings.Sigil.Prefix);
        foreach (var update in updates.Where(u => u.IsBranch(settings.Sigil.Branch) && !u.IsDelete))
        {
            var commit = repository.FindCommit(update.NewSha)!;
            try
            {
                await using var store = EtcdStoreFactory.Create(settings.Etcd);
                var applier = new Applier(repository, store, keys, settings.Etcd.Limits, TimeProvider.System);
                var outcomes = await applier.PreviewAsync(new CommitStep(update.Old, commit)).ConfigureAwait(false);
                var written = outcomes.Where(o => o.Mutations.Count > 0).ToList();
                reporter.Line($"dry run: {update.RefName} {commit.ShortSha} would cause {Reporter.Count(written.Count, "record change")} in etcd:");
                foreach (var outcome in written) reporter.Line("  " + OperationText.Describe(outcome, keys));
            }
            catch (StoreException exception)
            {
                reporter.Line($"dry run: {exception.Message}; the push would be accepted and applied once etcd answers");
            }
        }
    }
}
