using System.Globalization;

namespace SigilGate.Bench;

/// <summary>
/// One reported figure: what was measured, the baseline measured in the same run, the target
/// and whether it was met (null: informational, no target).
/// </summary>
internal sealed record Figure(string Name, double Measured, string BaselineName, double Baseline, string Target, bool? Pass, string Note = "")
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
        $"{Verdict,-4}  {Name}: {Samples.Ms(Measured)} vs {BaselineName} {Samples.Ms(Baseline)} = {Ratio:0.00}x; target {Target}{(Note.Length > 0 ? "; " + Note : "")}");
}
