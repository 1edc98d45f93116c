using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;

namespace SigilGate.Domain.Tests.Mirror;

public class MirrorCommitMessageSpecs
{
    private static MirrorOutcome Changed(string path, MirrorOutcomeKind kind) =>
        new(RecordPath.Parse(path), kind, [new FileChange(path, "x")]);

    [Test]
    public void A_push_message_lists_the_records_and_names_the_node_and_revision_in_trailers()
    {
        var message = MirrorCommitMessage.Build("core-1", 1234, [
            Changed("state/core-1/entries/e-1.yaml", MirrorOutcomeKind.Mirrored),
            Changed("state/core-1/entries/e-2.yaml", MirrorOutcomeKind.Deleted),
            new MirrorOutcome(RecordPath.Parse("state/core-1/entries/e-3.yaml"), MirrorOutcomeKind.Unchanged, []),
        ]);

        message.ShouldBe("""
            core-1: mirror 2 records from etcd

            - state/core-1/entries/e-1.yaml: updated
            - state/core-1/entries/e-2.yaml: deleted

            Sigil-Node: core-1
            Sigil-Etcd-Revision: 1234

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Test]
    public void A_single_record_push_names_it_in_the_subject() =>
        MirrorCommitMessage.Build("core-2", 7, [Changed("state/core-2/entries/e-9.yaml", MirrorOutcomeKind.ConflictEtcdWon)])
            .Split('\n')[0].ShouldBe("core-2: mirror state/core-2/entries/e-9.yaml from etcd");
}
