using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>What the figures were measured on: printed at the top of every run.</summary>
internal static class Machine
{
    public static async Task DescribeAsync(TextWriter output, IReadOnlyList<string> args)
    {
        await output.WriteLineAsync($"date:      {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        await output.WriteLineAsync($"command:   dotnet run -c Release --project bench/SigilGate.Bench -- {string.Join(' ', args)}").ConfigureAwait(false);
        await output.WriteLineAsync($"cpu:       {Environment.ProcessorCount} x {CpuModel()}").ConfigureAwait(false);
        await output.WriteLineAsync($"memory:    {MemoryTotal()}").ConfigureAwait(false);
        await output.WriteLineAsync($"load:      {LoadAverage()} (1/5/15 min; another build or test run on these cores shows here)").ConfigureAwait(false);
        await output.WriteLineAsync($"os:        {System.Runtime.InteropServices.RuntimeInformation.OSDescription}").ConfigureAwait(false);
        await output.WriteLineAsync($"git:       {await VersionAsync("git", "--version").ConfigureAwait(false)}").ConfigureAwait(false);
        await output.WriteLineAsync($"etcd:      {await VersionAsync("etcd", "--version").ConfigureAwait(false)}").ConfigureAwait(false);
        await output.WriteLineAsync($"binaries:  {Binaries()}").ConfigureAwait(false);
        await output.WriteLineAsync($"tree:      {await TreeAsync().ConfigureAwait(false)}").ConfigureAwait(false);
    }

    public static string LoadAverage()
    {
        var fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : [];
        return fields.Length >= 3 ? string.Join(' ', fields[..3]) : "unknown";
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    private static string MemoryTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kib is null ? "unknown" : string.Create(CultureInfo.InvariantCulture, $"{long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB");
    }

    private static string Binaries()
    {
        var directory = SigilBinaries.Directory;
        var newest = Directory.EnumerateFiles(directory).Select(File.GetLastWriteTimeUtc).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{directory} (newest file {newest:yyyy-MM-dd HH:mm} UTC)");
    }

    /// <summary>The commit the tree is at and how many files differ from it (the executables may be older than both).</summary>
    private static async Task<string> TreeAsync()
    {
        var root = SigilBinaries.RepositoryRoot();
        var none = new Dictionary<string, string?>();
        var head = await TimedProcess.RunAsync("git", ["rev-parse", "--short", "HEAD"], root, none).ConfigureAwait(false);
        var status = await TimedProcess.RunAsync("git", ["status", "--porcelain"], root, none).ConfigureAwait(false);
        var changed = status.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return head.ExitCode == 0 ? $"{root} at {head.StandardOutput.Trim()} ({changed} paths changed or untracked)" : root;
    }

    private static async Task<string> VersionAsync(string program, string argument)
    {
        try
        {
            var run = await TimedProcess.RunAsync(program, [argument], Environment.CurrentDirectory, new Dictionary<string, string?>()).ConfigureAwait(false);
            return run.StandardOutput.Split('\n')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
