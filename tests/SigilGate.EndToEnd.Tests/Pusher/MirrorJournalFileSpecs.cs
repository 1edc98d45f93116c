using SigilGate.Domain.Mirror;
using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>The pusher's journal in a clone's .git directory, read and written on a real file system.</summary>
public sealed class MirrorJournalFileSpecs
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

    [Test]
    public void A_saved_state_loads_back_with_its_revision_count_and_settled_keys()
    {
        var settled = new Dictionary<string, long> { ["/sigil/.sigil/conflicts/state/core-1/entries/e-1/9f2c"] = 4_330, ["/sigil/state/core-1/entries/e-1"] = 4_329 };
        new MirrorJournalFile(clone).Save(new MirrorState(4_321, 10_002, settled));

        var loaded = new MirrorJournalFile(clone).Load();

        loaded.Revision.ShouldBe(4_321);
        loaded.KeyCount.ShouldBe(10_002);
        loaded.Settled.OrderBy(k => k.Key, StringComparer.Ordinal).ShouldBe(settled.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Test]
    public void The_journal_stays_small_whatever_the_area_holds()
    {
        new MirrorJournalFile(clone).Save(new MirrorState(10_000_000, 2_000_000, new Dictionary<string, long>()));

        new FileInfo(JournalPath).Length.ShouldBeLessThan(100);
    }

    [Test]
    public void A_journal_of_the_first_format_remembers_nothing_so_the_next_run_reads_the_whole_area()
    {
        File.WriteAllText(JournalPath, """{"revision":7,"snapshot":6,"count":2,"keys":{"/sigil/state/core-1/entries/e-1":5,"/sigil/state/core-1/entries/e-2":6}}""");

        var loaded = new MirrorJournalFile(clone).Load();

        loaded.ShouldBe(MirrorState.Empty);
    }

    [Test]
    public void A_journal_of_the_second_format_remembers_nothing_as_its_count_includes_version_keys()
    {
        File.WriteAllText(JournalPath, """{"format":2,"revision":7,"count":4,"settled":{}}""");

        var loaded = new MirrorJournalFile(clone).Load();

        loaded.ShouldBe(MirrorState.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not json")]
    [TestCase("""{"keys":{}}""")]
    [TestCase("""{"format":3,"revision":7,"count":2}""")]
    [TestCase("""{"format":"3","revision":7,"count":2,"settled":{}}""")]
    [TestCase("""{"format":3,"revision":-5,"count":2,"settled":{}}""")]
    [TestCase("""{"format":3,"revision":9223372036854775807,"count":2,"settled":{}}""")]
    [TestCase("""{"format":3,"revision":7,"count":2,"settled":{"k":"x"}}""")]
    [TestCase("""{"format":3,"revision":7,"count":2,"settled":{},"unsettled":[1]}""")]
    [TestCase("""[]""")]
    public void A_missing_or_damaged_journal_remembers_nothing(string? content)
    {
        if (content is not null) File.WriteAllText(JournalPath, content);

        var loaded = new MirrorJournalFile(clone).Load();

        loaded.Revision.ShouldBe(0);
        loaded.KeyCount.ShouldBe(0);
    }

    [Test]
    public void The_keys_left_invalid_are_remembered()
    {
        new MirrorJournalFile(clone).Save(new MirrorState(7, 2, new Dictionary<string, long>()) { Unsettled = ["/sigil/state/core-1/entries/e-1"] });

        new MirrorJournalFile(clone).Load().Unsettled.ShouldBe(["/sigil/state/core-1/entries/e-1"]);
    }
}
