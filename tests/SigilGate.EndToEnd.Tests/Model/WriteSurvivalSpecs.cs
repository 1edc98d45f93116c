using SigilGate.Testing.Model;

namespace SigilGate.EndToEnd.Tests.Model;

/// <summary>The model's "no write lost" rule on its own, without processes: it must be able to tell a loss from a replacement.</summary>
public sealed class WriteSurvivalSpecs
{
    private const string Path = "state/core-1/entries/e-1.yaml";
    private static readonly RecordValue First = new(Path, """{"grpc_path":"/m/1"}""");
    private static readonly RecordValue Second = new(Path, """{"grpc_path":"/m/2"}""");
    private static readonly RecordValue Third = new(Path, """{"grpc_path":"/m/3"}""");

    [Test]
    public void A_value_replaced_by_a_writer_that_had_read_it_is_not_lost()
    {
        var ledger = new ModelLedger();
        ledger.Write(First, [], "base");
        ledger.Write(Second, [First], "operator");
        ledger.RawWrite(Third, Second, "agent");

        WriteSurvival.Check(ledger, Final(Third)).ShouldBeEmpty();
    }

    [Test]
    public void A_value_replaced_by_a_writer_that_had_not_read_it_is_lost_unless_kept()
    {
        var ledger = new ModelLedger();
        ledger.Write(First, [], "base");
        ledger.Write(Second, [First], "operator");
        ledger.RawWrite(Third, First, "agent");

        var lost = WriteSurvival.Check(ledger, Final(Third));
        lost.Select(v => v.Invariant).ShouldBe(["b"]);
        lost[0].Explanation.ShouldContain("/m/2");
        WriteSurvival.Check(ledger, Final(Third, kept: Second)).ShouldBeEmpty();
    }

    [Test]
    public void A_deleted_record_counts_as_a_value_that_a_later_add_has_seen()
    {
        var ledger = new ModelLedger();
        var deleted = new RecordValue(Path, null);
        ledger.Write(First, [], "base");
        ledger.Write(deleted, [First], "operator deletes");
        ledger.Write(Second, [deleted], "operator adds");

        WriteSurvival.Check(ledger, Final(Second)).ShouldBeEmpty();
        var lost = WriteSurvival.Check(ledger, Final(First)).Select(v => v.Explanation).ToList();
        lost.Count.ShouldBe(2, "the deletion and the add came after the base value was read, and neither is there");
        lost.ShouldContain(e => e.Contains("(deleted)"));
    }

    private static ModelSnapshot Final(RecordValue value, RecordValue? kept = null) => new(
        "0123456789abcdef",
        new Dictionary<string, string> { [value.Path] = value.Json! },
        new Dictionary<string, string> { [value.Path] = value.Json! },
        kept is null ? [] : [kept],
        1);
}
