using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Conflicts;

namespace SigilGate.Workflows.Tests.Conflicts;

/// <summary>sigil conflicts reads the kept losers and, for one record, etcd's value now, and changes nothing.</summary>
public class ConflictReaderSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset Detected = new(2026, 12, 6, 1, 12, 17, TimeSpan.Zero);
    private InMemoryKeyValueStore store = null!;

    [SetUp]
    public void EmptyStore() => store = new InMemoryKeyValueStore();

    [TearDown]
    public async Task Close() => await store.DisposeAsync();

    private ConflictReader Reader => new(store, Keys);

    private string Keep(string suffix, string loserHash, string? value)
    {
        var loser = new RecordVersion(VersionVector.From([new("git", 7)]), "git", Detected, loserHash);
        var winner = new RecordVersion(VersionVector.From([new("core-1", 5)]), "core-1", Detected, new string('b', 64));
        var key = Keys.Conflict(suffix, loserHash);
        store.Put(key, new ConflictRecord(Keys.Data(suffix), value, loser, winner, "etcd", Detected).ToJson());
        return key;
    }

    [Test]
    public async Task Every_kept_loser_is_listed_with_its_area()
    {
        Keep("state/core-1/entries/e-2", new string('a', 64), "{}");
        Keep("nodes/entry/e-7", new string('c', 64), "{}");
        store.Put(Keys.Data("nodes/entry/e-7"), "{}");
        var revision = store.Revision;

        var kept = await Reader.ListAsync();

        kept.Select(k => (k.RecordPath, k.Area)).OrderBy(k => k.RecordPath).ShouldBe([("nodes/entry/e-7.yaml", "git"), ("state/core-1/entries/e-2.yaml", "state/core-1/")]);
        store.Revision.ShouldBe(revision);
    }

    [Test]
    public async Task Show_reads_the_record_s_losers_only_and_etcd_s_value_now()
    {
        var mine = Keep("state/core-1/entries/e-2", new string('a', 64), """{"status":"unknown"}""");
        Keep("state/core-1/entries/e-20", new string('c', 64), "{}");
        store.Put(Keys.Data("state/core-1/entries/e-2"), """{"status":"down"}""");
        store.Put(Keys.Data("state/core-1/entries/e-20"), """{"status":"up"}""");

        var detail = await Reader.ShowAsync("state/core-1/entries/e-2.yaml");

        detail.Kept.Select(k => k.StoreKey).ShouldBe([mine]);
        detail.Current.ShouldBe("""{"status":"down"}""");
        detail.DataKey.ShouldBe("/sigil/state/core-1/entries/e-2");
    }

    [Test]
    public async Task Show_of_a_deleted_record_has_no_value_now()
    {
        Keep("nodes/entry/e-7", new string('a', 64), "{}");

        (await Reader.ShowAsync("nodes/entry/e-7.yaml")).Current.ShouldBeNull();
    }

    [Test]
    public void Show_of_a_record_without_kept_loser_is_an_error_naming_it()
    {
        var none = Should.Throw<NoKeptConflictException>(() => Reader.ShowAsync("state/core-1/entries/e-2.yaml"));

        none.Message.ShouldStartWith("no kept conflict for state/core-1/entries/e-2.yaml");
    }

    [Test]
    public void Show_of_a_path_that_is_no_record_is_refused() =>
        Should.Throw<ArgumentException>(() => Reader.ShowAsync("README.md")).Message.ShouldContain("is not a record path");

    [Test]
    public void A_damaged_kept_loser_is_named()
    {
        store.Put(Keys.Conflict("nodes/entry/e-7", new string('a', 64)), "not json");

        Should.Throw<BookkeepingException>(() => Reader.ListAsync()).Message.ShouldContain("/sigil/.sigil/conflicts/nodes/entry/e-7/");
    }
}
