using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;

namespace SigilGate.Cli.Commands;

/// <summary>One line per record outcome, as dry runs and apply reports print it.</summary>
internal static class OperationText
{
    public static string Describe(RecordOutcome outcome, KeyLayout keys)
    {
        var key = keys.Data(outcome.Target.Path.KeySuffix);
        return outcome.Kind switch
        {
            OutcomeKind.Put => $"put {key} {outcome.Target.Json}",
            OutcomeKind.Deleted => $"delete {key}",
            OutcomeKind.VersionOnly => $"version {key} {outcome.Target.Version.Vector}",
            OutcomeKind.ConflictGitWon => $"conflict {key}: git {outcome.Target.Version} wins over etcd {outcome.EtcdVersion}; etcd's value kept at {outcome.KeptAt}",
            OutcomeKind.ConflictEtcdWon => $"conflict {key}: etcd {outcome.EtcdVersion} wins over git {outcome.Target.Version}; git's value kept at {outcome.KeptAt}",
            OutcomeKind.EtcdNewer => $"keep {key}: etcd {outcome.EtcdVersion} has already seen git {outcome.Target.Version}",
            _ => $"unchanged {key}",
        };
    }
}
