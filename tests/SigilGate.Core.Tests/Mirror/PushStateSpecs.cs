using SigilGate.Core.Mirror;

namespace SigilGate.Core.Tests.Mirror;

public class PushStateSpecs
{
    private static readonly PushState Saved = new(10, new Dictionary<string, long> { ["/a"] = 3, ["/b"] = 7 });

    [Test]
    public void The_same_keys_at_the_same_revisions_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/b"] = 7, ["/a"] = 3 }).ShouldBeTrue();

    [Test]
    public void A_rewritten_key_does_not_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/a"] = 3, ["/b"] = 8 }).ShouldBeFalse();

    [Test]
    public void A_deleted_key_does_not_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/a"] = 3 }).ShouldBeFalse();

    [Test]
    public void A_new_key_does_not_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/a"] = 3, ["/b"] = 7, ["/c"] = 1 }).ShouldBeFalse();
}
