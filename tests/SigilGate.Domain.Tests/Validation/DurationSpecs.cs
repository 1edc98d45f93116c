namespace SigilGate.Domain.Tests.Validation;

/// <summary>
/// <c>sync_interval</c> takes exactly what Go's time.ParseDuration takes (node agents read it
/// with it), ASCII digits only, and must be greater than zero (an interval, not an offset).
/// </summary>
public class DurationSpecs
{
    private const string Shape = "network.yaml:2:16: 'sync_interval' must be a duration such as 30s, 1m30s, 500ms or 2h, got ";

    private static string[] Problems(string duration) =>
        ExampleTree.Problems(ExampleTree.With(("network.yaml", $"name: prod\nsync_interval: {duration}\n")));

    [TestCase("30s")]
    [TestCase("1m30s")]
    [TestCase("1.5h")]
    [TestCase("300ms")]
    [TestCase("2h45m")]
    [TestCase("1ns")]
    [TestCase("10us")]
    [TestCase("10\u00b5s")]
    [TestCase("10\u03bcs")]
    [TestCase("+30s")]
    [TestCase("1.s")]
    [TestCase(".5s")]
    [TestCase("1h1h1h")]
    [TestCase("0.000000001s")]
    [TestCase("2562047h47m16.854775807s")]
    [TestCase("1.00000000000000000000000000001s")]
    public void What_go_accepts_and_is_positive_is_valid(string duration) => Problems(duration).ShouldBeEmpty();

    [TestCase("soon")]
    [TestCase("30")]
    [TestCase("s")]
    [TestCase(".s")]
    [TestCase("1..5s")]
    [TestCase("1S")]
    [TestCase("1H")]
    [TestCase("1sec")]
    [TestCase("1d")]
    [TestCase("\"1h 30m\"")]
    [TestCase("--1s")]
    [TestCase("+-1s")]
    [TestCase("1e3s")]
    [TestCase("0x10s")]
    [TestCase("\u0663\u0660s")]
    [TestCase("\uff13\uff10s")]
    [TestCase("\u0663\u0660")]
    public void What_go_rejects_is_reported_as_not_a_duration(string duration)
    {
        var quoted = duration.Trim('"');
        Problems(duration).ShouldBe([Shape + "'" + quoted + "'"]);
    }

    [TestCase("0")]
    [TestCase("+0")]
    [TestCase("-0")]
    [TestCase("0s")]
    [TestCase("0.0h")]
    [TestCase("-5s")]
    [TestCase("-1ns")]
    [TestCase("-2562047h47m16.854775808s")]
    public void Zero_and_negative_durations_are_valid_go_but_not_an_interval(string duration) =>
        Problems(duration).ShouldBe([$"network.yaml:2:16: 'sync_interval' must be greater than 0, got '{duration}'"]);

    [TestCase("2562047h47m16.854775808s")]
    [TestCase("9223372036854775808ns")]
    [TestCase("99999999999999999999h")]
    [TestCase("2562048h")]
    public void Durations_longer_than_go_can_hold_say_so(string duration) =>
        Problems(duration).ShouldBe([$"network.yaml:2:16: 'sync_interval' must be at most 2562047h47m16.854775807s, got '{duration}'"]);
}
