using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Bookkeeping;

/// <summary>
/// Every kind of value the suite keeps under <c>.sigil/</c>, read from whatever etcd holds: one
/// typed exception naming the key and what is wrong, never anything else.
/// </summary>
public class BookkeepingValueSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly string Sha = new('a', 64);
    private static readonly string Commit = new('9', 40);
    private const string Time = "2026-11-23T10:00:00.0000000+00:00";

    private static string VersionJsonWith(string vector) =>
        $"{{\"sha256\":\"{Sha}\",\"time\":\"{Time}\",\"vector\":{vector},\"writer\":\"git\"}}";

    private static readonly string GoodVersion = VersionJsonWith("{\"git\":5}");

    private static readonly string GoodConflict =
        $"{{\"detected\":\"{Time}\",\"key\":\"/sigil/network\",\"loser\":{GoodVersion},\"source\":\"etcd\",\"value\":\"x\",\"winner\":{GoodVersion}}}";

    /// <summary>The shapes every kind must survive: not an object, not JSON, the wrong fields.</summary>
    private static readonly string[] WrongShapes =
    [
        "[]", "\"x\"", "1", "{}", "{\"unexpected\":true}", "null", "true", "", "not json", "{\"a\":", "\uFFFD\uFFFD",
        new string('[', 100) + new string(']', 100),
    ];

    private static readonly (string Key, Action<StoredValue> Read)[] Kinds =
    [
        (Keys.Applied, v => AppliedPointer.Read(v)),
        (Keys.Version("nodes/entry/e-7"), v => VersionJson.Parse(v.Key, v.Value)),
        (Keys.Conflict("network", Sha), v => ConflictRecord.Parse(v)),
        (DriftKeys.Root(Keys) + "changed-in-etcd/network", v => DriftLedger.FirstSeen(v)),
    ];

    private static IEnumerable<TestCaseData> EveryKindAndShape() =>
        from kind in Kinds
        from shape in WrongShapes
        select new TestCaseData(kind.Key, shape).SetArgDisplayNames(kind.Key, shape.Length > 20 ? shape[..20] + "..." : shape);

    [TestCaseSource(nameof(EveryKindAndShape))]
    public void A_value_of_the_wrong_shape_is_one_exception_naming_its_key(string key, string value)
    {
        var read = Kinds.Single(k => k.Key == key).Read;

        var damaged = Should.Throw<BookkeepingException>(() => read(new StoredValue(key, value, 7, 7)));

        damaged.Key.ShouldBe(key);
        damaged.Message.ShouldStartWith($"etcd key {key} is damaged: ");
        damaged.Message.ShouldContain("; repair: ");
    }

    [Test]
    public void Every_kind_reads_what_the_suite_writes()
    {
        AppliedPointer.Read(new StoredValue(Keys.Applied, AppliedPointer.ToJson(Commit, DateTimeOffset.UnixEpoch.AddYears(56)), 3, 3)).Commit.ShouldBe(Commit);
        VersionJson.Parse("k", GoodVersion).Vector["git"].ShouldBe(5);
        ConflictRecord.Parse(new StoredValue("k", GoodConflict, 3, 3)).Source.ShouldBe("etcd");
        DriftLedger.FirstSeen(new StoredValue("k", DriftLedger.ToJson(DateTimeOffset.UnixEpoch, "/sigil/network"), 3, 3)).ShouldBe(DateTimeOffset.UnixEpoch);
    }

    [TestCase("{\"git\":9007199254740992}", "counter for writer git is 9007199254740992, above the largest allowed 9007199254740991")]
    [TestCase("{\"git\":9223372036854775807}", "counter for writer git is 9223372036854775807, above the largest allowed 9007199254740991")]
    [TestCase("{\"git\":1e300}", "counter for writer git is 1e300, above the largest allowed 9007199254740991")]
    [TestCase("{\"git\":-1}", "counter for writer 'git' is -1, below 0")]
    [TestCase("{\"git\":1.5}", "'vector.git' must be a whole number, got the number 1.5")]
    [TestCase("{\"git\":\"5\"}", "'vector.git' must be a whole number, got a string")]
    [TestCase("\"x\"", "'vector' must be an object, got a string")]
    [TestCase("{\"Not An Id\":5}", "'vector' names writer 'Not An Id', which is not a writer id")]
    public void A_version_key_with_a_wrong_vector_says_what_is_wrong(string vector, string problem) =>
        Should.Throw<BookkeepingException>(() => VersionJson.Parse("/sigil/.sigil/versions/network", VersionJsonWith(vector))).Problem.ShouldBe(problem);

    [TestCase("{\"git\":1,\"git\":5}", "'vector.git' is named twice")]
    [TestCase("{\"git\":5,\"core-1\":2,\"git\":5}", "'vector.git' is named twice")]
    public void A_version_key_naming_a_writer_twice_says_so(string vector, string problem)
    {
        var key = "/sigil/.sigil/versions/network";

        Should.Throw<BookkeepingException>(() => VersionJson.Parse(key, VersionJsonWith(vector))).Problem.ShouldBe(problem);
        Should.Throw<BookkeepingException>(() => VersionJson.Verify(key, VersionJsonWith(vector))).Problem.ShouldBe(problem);
        Should.Throw<BookkeepingException>(() => BookkeepingCheck.Verify(Keys, [new StoredValue(key, VersionJsonWith(vector), 3, 3)])).Key.ShouldBe(key);
    }

    [Test]
    public void A_field_named_twice_is_damage_in_every_kind()
    {
        var twice = new[]
        {
            (Keys.Applied, AppliedPointer.ToJson(Commit, DateTimeOffset.UnixEpoch).Replace("{", $"{{\"commit\":\"{Commit}\",", StringComparison.Ordinal), "'commit' is named twice"),
            (Keys.Version("nodes/entry/e-7"), GoodVersion.Replace("\"writer\"", "\"writer\":\"git\",\"writer\"", StringComparison.Ordinal), "'writer' is named twice"),
            (Keys.Conflict("network", Sha), GoodConflict.Replace("\"loser\":{", "\"loser\":{\"time\":\"x\",", StringComparison.Ordinal), "'loser.time' is named twice"),
            (DriftKeys.Root(Keys) + "changed-in-etcd/network", DriftLedger.ToJson(DateTimeOffset.UnixEpoch, "/sigil/network").Replace("{", "{\"first_seen\":\"1971-01-01T00:00:00Z\",", StringComparison.Ordinal), "'first_seen' is named twice"),
        };

        foreach (var (key, value, problem) in twice)
        {
            var read = Kinds.Single(k => k.Key == key).Read;
            Should.Throw<BookkeepingException>(() => read(new StoredValue(key, value, 3, 3)), key).Problem.ShouldBe(problem, key);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Verifying_a_version_key_decides_as_reading_it_does(int seed)
    {
        // Every text one edit away from a good version, and then some: the check that builds nothing
        // refuses exactly what the reader refuses, with the same words.
        var random = new Random(seed);
        const string pieces = "{}[]\",:0123456789-.eE+zZTgit abcdef\\\u00e9";
        for (var i = 0; i < 3000; i++)
        {
            var text = TextEdits.Edited(random, GoodVersion, pieces, mostEdits: 3);

            var read = Thrown(() => VersionJson.Parse("k", text));
            var verified = Thrown(() => VersionJson.Verify("k", text));
            if (read is null)
            {
                verified.ShouldBeNull(text);
                continue;
            }

            read.ShouldBeOfType<BookkeepingException>(text);
            verified.ShouldBeOfType<BookkeepingException>(text).Problem.ShouldBe(((BookkeepingException)read).Problem, text);
        }
    }

    private static Exception? Thrown(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [Test]
    public void A_version_key_at_the_limit_is_read() =>
        VersionJson.Parse("k", VersionJsonWith("{\"git\":9007199254740991}")).Vector["git"].ShouldBe(CounterLimit.Max);

    [TestCase("{\"commit\":\"abc\",\"time\":\"2026-11-23T10:00:00Z\"}", "'commit' must be a commit id of 40 lowercase hexadecimal digits, got 'abc'")]
    [TestCase("{\"commit\":7,\"time\":\"2026-11-23T10:00:00Z\"}", "'commit' must be a string, got the number 7")]
    [TestCase("{\"commit\":\"9999999999999999999999999999999999999999\",\"time\":\"later\"}", "'time' must be a time such as 2026-11-23T10:00:00Z, got 'later'")]
    [TestCase("{\"commit\":\"9999999999999999999999999999999999999999\"}", "'time' is missing")]
    [TestCase("{\"commit\":\"9999999999999999999999999999999999999999\",\"time\":\"2026-11-23T10:00:00\"}", "'time' must be a time such as 2026-11-23T10:00:00Z, got '2026-11-23T10:00:00'")]
    public void An_applied_pointer_of_the_wrong_shape_says_what_is_wrong(string json, string problem) =>
        Should.Throw<BookkeepingException>(() => AppliedPointer.Read(new StoredValue(Keys.Applied, json, 3, 3))).Problem.ShouldBe(problem);

    [Test]
    public void A_kept_conflict_with_a_damaged_version_names_the_field()
    {
        var damaged = GoodConflict.Replace("\"loser\":{\"sha256\":\"" + Sha, "\"loser\":{\"sha256\":\"xyz", StringComparison.Ordinal);

        Should.Throw<BookkeepingException>(() => ConflictRecord.Parse(new StoredValue("k", damaged, 3, 3))).Problem
            .ShouldBe("'loser.sha256' must be 64 lowercase hexadecimal digits");
    }

    [Test]
    public void The_check_of_a_snapshot_names_the_first_damaged_key_and_counts_the_others()
    {
        var values = new[]
        {
            new StoredValue(Keys.Applied, "[]", 3, 3),
            new StoredValue(Keys.Version("network"), "{}", 4, 4),
            new StoredValue(Keys.Data("network"), "[]", 4, 4),
            new StoredValue("/sigil/.sigil/unknown-kind", "[]", 5, 5),
        };

        var damaged = Should.Throw<BookkeepingException>(() => BookkeepingCheck.Verify(Keys, values));

        damaged.Message.ShouldBe(
            "etcd key /sigil/.sigil/applied is damaged: expected a JSON object, got an array (1 more damaged key under /sigil/.sigil/); " +
            "repair: 'etcdctl del /sigil/.sigil/applied', then 'sigil reconcile --repo BARE'");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void The_check_of_a_large_snapshot_names_the_first_damaged_key_in_key_order_whatever_the_order_read(int seed)
    {
        // Enough versions to be read on every core, in the order etcd might give them or any other.
        var random = new Random(seed);
        var values = Enumerable.Range(0, 5000)
            .Select(i => new StoredValue(Keys.Version($"nodes/entry/e-{i}"), random.Next(400) == 0 ? WrongShapes[random.Next(WrongShapes.Length)] : GoodVersion, i + 3, i + 3))
            .OrderBy(_ => random.Next())
            .ToArray();
        var damagedKeys = values.Where(v => v.Value != GoodVersion).Select(v => v.Key).Order(StringComparer.Ordinal).ToList();
        damagedKeys.Count.ShouldBeGreaterThan(2);

        var damaged = Should.Throw<BookkeepingException>(() => BookkeepingCheck.Verify(Keys, values));

        damaged.Key.ShouldBe(damagedKeys[0]);
        damaged.Message.ShouldContain($"({damagedKeys.Count - 1} more damaged keys under /sigil/.sigil/)");
    }
}
