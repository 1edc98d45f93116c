using System.Globalization;
using System.Text.RegularExpressions;

namespace SigilGate.EndToEnd.Tests.Drift;

/// <summary>
/// A strict reader of Prometheus' text exposition format (0.0.4), as node_exporter's textfile
/// collector reads it: every line is a HELP, a TYPE or a sample; names and labels are valid; every
/// sample's family has its HELP and TYPE before it. Anything else fails the test.
/// </summary>
internal static partial class PrometheusText
{
    [GeneratedRegex("""^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$""")]
    private static partial Regex Help();

    [GeneratedRegex("""^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$""")]
    private static partial Regex Type();

    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*)\})? (\S+)$""")]
    private static partial Regex Sample();

    /// <summary>Samples by series (<c>name</c> or <c>name{labels}</c>).</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        text.ShouldEndWith("\n");
        var helped = new HashSet<string>(StringComparer.Ordinal);
        var typed = new HashSet<string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text[..^1].Split('\n'))
        {
            if (Help().Match(line) is { Success: true } help)
            {
                helped.Add(help.Groups[1].Value).ShouldBeTrue($"HELP twice: {line}");
            }
            else if (Type().Match(line) is { Success: true } type)
            {
                typed.Add(type.Groups[1].Value).ShouldBeTrue($"TYPE twice: {line}");
            }
            else if (Sample().Match(line) is { Success: true } sample)
            {
                var name = sample.Groups[1].Value;
                helped.ShouldContain(name, $"sample before its HELP: {line}");
                typed.ShouldContain(name, $"sample before its TYPE: {line}");
                double.TryParse(sample.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value).ShouldBeTrue($"not a number: {line}");
                var series = sample.Groups[2].Success ? $"{name}{{{sample.Groups[2].Value}}}" : name;
                samples.TryAdd(series, value).ShouldBeTrue($"series twice: {line}");
            }
            else
            {
                Assert.Fail($"not Prometheus text: '{line}'");
            }
        }

        return samples;
    }
}
