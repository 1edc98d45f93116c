using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Versioning;

public class VersionJsonSpecs
{
    [Test]
    public void A_version_is_written_with_sorted_keys_and_read_back()
    {
        var version = new RecordVersion(
            VersionVector.From([new("git", 5), new("core-1", 2)]), "git", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), new string('a', 64));
        var json = VersionJson.Write(version);
        json.ShouldBe("{\"sha256\":\"" + new string('a', 64) + "\",\"time\":\"2026-11-23T10:00:00.0000000+00:00\",\"vector\":{\"core-1\":2,\"git\":5},\"writer\":\"git\"}");
        VersionJson.TryParse(json).ShouldBe(version);
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{\"sha256\":\"a\",\"writer\":\"git\",\"time\":\"yesterday\",\"vector\":{}}")]
    [TestCase("{\"sha256\":\"a\",\"writer\":\"git\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":-1}}")]
    [TestCase("{\"sha256\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"writer\":\"git\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":9223372036854775807}}")]
    public void A_damaged_version_key_reads_as_no_version(string json) => VersionJson.TryParse(json).ShouldBeNull();
}
