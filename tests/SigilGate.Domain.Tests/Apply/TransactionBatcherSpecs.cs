using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Apply;

public class TransactionBatcherSpecs
{
    private static readonly Mutation[] Pointer = [new PutMutation("/sigil/.sigil/applied", "{}")];
    private static readonly Guard[] PointerGuard = [new Guard("/sigil/.sigil/applied", 3)];

    private static RecordOutcome Outcome(int i, int valueBytes = 10)
    {
        var target = new RecordTarget(RecordPath.Parse($"nodes/entry/e-{i}.yaml"), "{}", new RecordVersion(VersionVector.Empty, "git", DateTimeOffset.UnixEpoch, "x"));
        return new RecordOutcome(target, OutcomeKind.Put,
            [new Guard($"/sigil/nodes/entry/e-{i}", 0), new Guard($"/sigil/.sigil/versions/nodes/entry/e-{i}", 0)],
            [new PutMutation($"/sigil/nodes/entry/e-{i}", new string('x', valueBytes)), new PutMutation($"/sigil/.sigil/versions/nodes/entry/e-{i}", "{}")]);
    }

    [Test]
    public void A_commit_that_fits_is_one_transaction_with_the_pointer()
    {
        var batches = TransactionBatcher.Pack(Enumerable.Range(0, 10).Select(i => Outcome(i)), StoreLimits.Default, PointerGuard, Pointer);

        batches.Count.ShouldBe(1);
        batches[0].Mutations.Count.ShouldBe(21);
        batches[0].Mutations[^1].ShouldBe(Pointer[0]);
        batches[0].Guards.ShouldContain(PointerGuard[0]);
    }

    [Test]
    public void A_large_commit_is_split_within_the_operation_limit_and_the_pointer_moves_last()
    {
        var batches = TransactionBatcher.Pack(Enumerable.Range(0, 500).Select(i => Outcome(i)), StoreLimits.Default, PointerGuard, Pointer);

        batches.ShouldAllBe(b => b.Mutations.Count <= 128 && b.Guards.Count <= 128);
        batches.Sum(b => b.Mutations.Count).ShouldBe(1001);
        batches.Take(batches.Count - 1).ShouldAllBe(b => !b.Mutations.Contains(Pointer[0]));
        batches[^1].Mutations.ShouldContain(Pointer[0]);
    }

    [Test]
    public void A_records_data_and_version_are_never_split_across_transactions()
    {
        var batches = TransactionBatcher.Pack(Enumerable.Range(0, 500).Select(i => Outcome(i)), new StoreLimits(5, 1_000_000), PointerGuard, Pointer);

        foreach (var batch in batches)
        {
            var data = batch.Mutations.Select(m => m.Key).Where(k => k.StartsWith("/sigil/nodes/", StringComparison.Ordinal));
            data.ShouldAllBe(k => batch.Mutations.Any(m => m.Key == k.Replace("/sigil/", "/sigil/.sigil/versions/", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void Requests_stay_under_the_byte_limit()
    {
        var batches = TransactionBatcher.Pack(Enumerable.Range(0, 50).Select(i => Outcome(i, valueBytes: 100_000)), StoreLimits.Default, PointerGuard, Pointer);

        batches.ShouldAllBe(b => b.Size <= StoreLimits.Default.MaxRequestBytes);
        batches.Count.ShouldBeGreaterThan(3);
    }

    [Test]
    public void A_commit_without_record_changes_still_moves_the_pointer()
    {
        var batches = TransactionBatcher.Pack([], StoreLimits.Default, PointerGuard, Pointer);

        batches.Count.ShouldBe(1);
        batches[0].Mutations.ShouldBe(Pointer);
    }
}
