using System.Globalization;

namespace SigilGate.Bench;

/// <summary>
/// One reported figure: what was measured, the baseline measured in the same run, the target
/// and whether it was met (null: informational, no target).
/// </summary>
internal sealed record Figure(string Name, double Measured, string BaselineName, double Baseline, string Target, bool? Pass, string Note = "", string Unit = "ms")
{
    public double Ratio => Measured / Baseline;

    public string Verdict => Pass switch
    {
        true => "PASS",
        false => "FAIL",
        null => "info",
    };

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Verdict,-4}  {Name}: {Value(Measured)} vs {BaselineName} {Value(Baseline)} = {Ratio:0.00}x; target {Target}{(Note.Length > 0 ? "; " + Note : "")}");

    /// <summary>The figure as a row of a Markdown table: figure, measured, baseline, ratio, target, result.</summary>
    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Value(Measured)} | {BaselineName}: {Value(Baseline)} | {Ratio:0.00}x | {Target}{(Note.Length > 0 ? " (" + Note + ")" : "")} | {Verdict} |");

    public string Value(double value) => Unit == "ms" ? Samples.Ms(value) : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Unit}");
}
