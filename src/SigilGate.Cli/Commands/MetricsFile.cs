namespace SigilGate.Cli.Commands;

/// <summary>
/// Writes a metrics file for node_exporter's textfile collector atomically: a temporary file in the
/// same directory, then a rename over the target, so the collector never reads half a file. The
/// temporary name does not end in <c>.prom</c>, so the collector never picks it up either.
/// </summary>
internal static class MetricsFile
{
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
