using System.Globalization;
using System.Text.RegularExpressions;

namespace SigilGate.Core.Validation;

/// <summary>
/// Durations as Go's time.ParseDuration writes them (<c>30s</c>, <c>1m30s</c>, <c>500ms</c>,
/// <c>2h</c>), because node agents and operators of etcd already use that form. No sign:
/// an interval is never negative.
/// </summary>
internal static partial class GoDuration
{
    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string? Problem(string text, string field)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return $"'{field}' must be a duration such as 30s, 1m30s, 500ms or 2h, got {Yaml.MessageText.Quote(text)}";
        }

        var seconds = 0.0;
        for (var i = 0; i < match.Groups[1].Captures.Count; i++)
        {
            var amount = double.Parse(match.Groups[1].Captures[i].Value, CultureInfo.InvariantCulture);
            seconds += amount * UnitSeconds(match.Groups[2].Captures[i].Value);
        }

        return seconds > 0 ? null : $"'{field}' must be greater than 0, got {Yaml.MessageText.Quote(text)}";
    }

    private static double UnitSeconds(string unit) => unit switch
    {
        "ns" => 1e-9,
        "us" or "µs" or "μs" => 1e-6,
        "ms" => 1e-3,
        "s" => 1,
        "m" => 60,
        _ => 3600,
    };
}
