using System.Text;

namespace SigilGate.Domain.Build;

/// <summary>
/// The <c>sigil_build_info</c> family every metrics file starts with (Prometheus text format 0.0.4),
/// so a dashboard can tell which build wrote the other figures.
/// </summary>
public static class BuildInfoMetric
{
    public const string Name = "sigil_build_info";

    public static void AppendTo(StringBuilder text, BuildInfo build) =>
        text.Append("# HELP ").Append(Name).Append(" The version and commit of the sigil that wrote this file; always 1.\n")
            .Append("# TYPE ").Append(Name).Append(" gauge\n")
            .Append(Name).Append("{version=\"").Append(Escape(build.Version)).Append("\",commit=\"").Append(Escape(build.Commit)).Append("\"} 1\n");

    // The exposition format's label value escapes: backslash, double quote and line feed.
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
