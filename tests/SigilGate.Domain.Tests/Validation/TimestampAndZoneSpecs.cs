namespace SigilGate.Domain.Tests.Validation;

/// <summary>Values RFC 3339 and RFC 4007 allow but a record cannot hold, each refused saying why.</summary>
public class TimestampAndZoneSpecs
{
    private static string[] StateProblems(string lastSeen) =>
        [.. ExampleTree.Problems(ExampleTree.With(("state/core-1/entries/e-7.yaml", $"status: up\nlast_seen: {lastSeen}\ngrpc_path: /x\n")))];

    [TestCase("2026-11-20T09:14:05+14:30", "+14:30")]
    [TestCase("2026-11-20T09:14:05-15:00", "-15:00")]
    [TestCase("2026-11-20T09:14:05+23:59", "+23:59")]
    public void An_offset_beyond_14_hours_is_refused_naming_the_limit(string lastSeen, string offset)
    {
        StateProblems(lastSeen).ShouldBe([$"state/core-1/entries/e-7.yaml:2:12: 'last_seen' offset {offset} is beyond ±14:00: offsets must be within ±14:00 (the widest zone in use), got '{lastSeen}'"]);
    }

    [TestCase("2026-11-20T09:14:05+14:00")]
    [TestCase("2026-11-20T09:14:05-14:00")]
    [TestCase("2026-11-20T09:14:05+05:45")]
    public void An_offset_within_14_hours_is_accepted(string lastSeen)
    {
        StateProblems(lastSeen).ShouldBeEmpty();
    }

    [TestCase("2016-12-31T23:59:60Z")]
    [TestCase("2016-12-31T23:59:60.5Z")]
    public void A_leap_second_is_refused_saying_it_cannot_be_held(string lastSeen)
    {
        StateProblems(lastSeen).ShouldBe([$"state/core-1/entries/e-7.yaml:2:12: 'last_seen' has second 60 (a leap second), which cannot be stored: write 59 or the next minute's 00, got '{lastSeen}'"]);
    }

    [TestCase("2026-11-20T09:14:05+10:75")]
    [TestCase("2026-11-20T09:14:05+24:00")]
    [TestCase("2026-11-20T09:61:05Z")]
    [TestCase("2026-11-20T09:14:61Z")]
    public void What_rfc_3339_does_not_allow_keeps_the_general_message(string lastSeen)
    {
        StateProblems(lastSeen).ShouldBe([$"state/core-1/entries/e-7.yaml:2:12: 'last_seen' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got '{lastSeen}'"]);
    }

    [TestCase("\"[fe80::1%eth0]:443\"", "fe80::1%eth0")]
    [TestCase("\"[fe80::1%25eth0]:443\"", "fe80::1%25eth0")]
    [TestCase("\"[fe80::1%2]:443\"", "fe80::1%2")]
    public void An_ipv6_address_with_a_zone_is_refused_saying_why(string address, string host)
    {
        var problems = ExampleTree.Problems(ExampleTree.With(("nodes/entry/e-7.yaml", $"id: e-7\ncore: core-1\naddress: {address}\n")));

        problems.ShouldBe([$"nodes/entry/e-7.yaml:3:10: address host '{host}' has a zone (%...): a zone names an interface of one machine, which other nodes cannot reach it by; write the address without it"]);
    }
}
