using SigilGate.Adapters.Mirror;
using SigilGate.Core.Mirror;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>The pusher's journal in a clone's .git directory, read and written on a real file system.</summary>
public sealed class PushJournalFileSpecs
{
    private string clone = null!;

    private string JournalPath => Path.Combine(clone, ".git", "sigil-push.json");

    [SetUp]
    public void CreateClone()
    {
        clone = Directory.CreateTempSubdirectory("sigil-journal-").FullName;
        Directory.CreateDirectory(Path.Combine(clone, ".git"));
    }

    [TearDown]
    public void RemoveClone() => Directory.Delete(clone, recursive: true);

    private static Dictionary<string, long> Keys(int count) =>
        Enumerable.Range(1, count).ToDictionary(i => $"/sigil/state/core-1/entries/e-{i}", i => (long)i, StringComparer.Ordinal);

    [Test]
    public void A_saved_state_loads_back_with_its_revisions_snapshot_and_every_key()
    {
        var keys = Keys(2_000);
        new PushJournalFile(clone).Save(new PushState(4_321, keys) { SnapshotRevision = 4_300 });

        var loaded = new PushJournalFile(clone).Load();

        loaded.Revision.ShouldBe(4_321);
        loaded.SnapshotRevision.ShouldBe(4_300);
        loaded.KeyCount.ShouldBe(2_000);
        loaded.ModRevisions.OrderBy(k => k.Key, StringComparer.Ordinal).ShouldBe(keys.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Test]
    public void The_key_count_is_known_from_the_head_of_the_file_alone()
    {
        new PushJournalFile(clone).Save(new PushState(10, Keys(500)) { SnapshotRevision = 10 });

        // Everything after the first bytes unreadable: the idle check still has what it needs,
        // and the key map reads as empty, so a run that goes further compares every key again.
        var text = File.ReadAllText(JournalPath);
        File.WriteAllText(JournalPath, text[..(text.IndexOf("\"keys\"", StringComparison.Ordinal) + 12)] + "\u0000garbage");
        var loaded = new PushJournalFile(clone).Load();

        loaded.KeyCount.ShouldBe(500);
        loaded.SnapshotRevision.ShouldBe(10);
        loaded.ModRevisions.ShouldBeEmpty();
    }

    [Test]
    public void A_journal_without_a_key_count_is_read_whole()
    {
        File.WriteAllText(JournalPath, """{"revision":7,"snapshot":6,"keys":{"/sigil/state/core-1/entries/e-1":5,"/sigil/state/core-1/entries/e-2":6}}""");

        var loaded = new PushJournalFile(clone).Load();

        loaded.Revision.ShouldBe(7);
        loaded.SnapshotRevision.ShouldBe(6);
        loaded.KeyCount.ShouldBe(2);
        loaded.ModRevisions["/sigil/state/core-1/entries/e-2"].ShouldBe(6);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not json")]
    [TestCase("""{"keys":{}}""")]
    public void A_missing_or_damaged_journal_remembers_nothing(string? content)
    {
        if (content is not null) File.WriteAllText(JournalPath, content);

        var loaded = new PushJournalFile(clone).Load();

        loaded.Revision.ShouldBe(0);
        loaded.KeyCount.ShouldBe(0);
    }
}
