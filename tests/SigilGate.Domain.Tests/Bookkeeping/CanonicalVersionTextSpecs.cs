using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Bookkeeping;

/// <summary>
/// The quick check of a version key: it takes what the suite writes, and never a text the reader
/// refuses; whatever it leaves, the reader judges (so the check of a prefix says what it always said).
/// </summary>
public class CanonicalVersionTextSpecs
{
    private static readonly RecordVersion[] Written =
    [
        new(VersionVector.From([new("git", 1_700_000_000)]), "git", DateTimeOffset.UnixEpoch.AddYears(56), new string('a', 64)),
        new(VersionVector.From([new("core-1", 4), new("git", 1), new("etcd", CounterLimit.Max)]), "core-1", new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.FromHours(5.5)), "0123456789abcdef" + new string('f', 48)),
        new(VersionVector.Empty, "etcd", DateTimeOffset.UnixEpoch, new string('0', 64)),
        new(VersionVector.From(Enumerable.Range(1, 16).Select(i => new KeyValuePair<string, long>($"core-{i}", i))), "core-16", DateTimeOffset.UnixEpoch.AddDays(1), new string('9', 64)),
    ];

    [Test]
    public void Every_version_the_suite_writes_is_taken()
    {
        foreach (var version in Written) CanonicalVersionText.IsValid(VersionJson.Write(version)).ShouldBeTrue(VersionJson.Write(version));
    }

    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":1,\"git\":2},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00\",\"vector\":{\"git\":1},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"1969-12-31T23:59:59Z\",\"vector\":{\"git\":1},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":9007199254740992},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":01},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"\t2026-11-23T10:00:00Z\",\"vector\":{\"git\":1},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"Git\":1},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":1},\"writer\":\"git\"} ")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":1},\"writer\":\"git\"}")]
    [TestCase("{\"sha256\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":1},\"writer\":\"g\\u0069t\"}")]
    public void Texts_it_leaves_to_the_reader(string text) => CanonicalVersionText.IsValid(text).ShouldBeFalse();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void What_it_takes_the_reader_takes(int seed)
    {
        var random = new Random(seed);
        const string pieces = "{}[]\",:0123456789-.eE+zZT: abcdefgit\\\t\n\u0001\u00e9\ud800";
        var taken = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = TextEdits.Edited(random, VersionJson.Write(Written[random.Next(Written.Length)]), pieces, mostEdits: 2);

            if (!CanonicalVersionText.IsValid(text)) continue;
            taken++;
            var read = Should.NotThrow(() => VersionJson.Parse("k", text), text);
            read.Sha256.ShouldBe(text[11..75], text);
        }

        // Edits inside digits, hex and ids keep a text canonical: the property is tried on many.
        taken.ShouldBeGreaterThan(500);
    }
}
