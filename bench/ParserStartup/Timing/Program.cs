using System.Globalization;
using ParserStartup.Timing;

// Timing SMALL SCL [RUNS]: each case run RUNS times per variant, the two variants alternating
// (A B, then B A) so that the machine's load falls on both alike; /bin/true measures the harness.
if (args.Length is < 2 or > 3)
{
    await Console.Error.WriteLineAsync("usage: Timing SMALL_PARSER_EXE SYSTEM_COMMANDLINE_EXE [RUNS]");
    return 2;
}

var (small, scl) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
var runs = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
string[][] cases =
[
    // pre-receive as git runs it (no arguments, nothing on standard input; the current directory is
    // no repository, so both reject after the same work), then its help, version and a wrong option.
    [],
    ["--version"],
    ["--help"],
    ["--bogus"],
    ["sigil", "version"],
    ["sigil", "drift", "--help"],
    ["sigil", "drift", "--rpo", "x"],
    // A command line that parses, then the same early failure in both (no such repository).
    ["sigil", "drift", "--repo", "/nonexistent", "--json"],
];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {runs} runs of each variant per case, alternating"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: small parser {new FileInfo(small).Length / 1024.0 / 1024:0.00} MiB, System.CommandLine {new FileInfo(scl).Length / 1024.0 / 1024:0.00} MiB"));
var floor = await Runs.TimeAsync("/bin/true", [], runs).ConfigureAwait(false);
Console.WriteLine($"harness floor (/bin/true): {floor.Describe()}");
foreach (var arguments in cases)
{
    var (a, b) = await Runs.AlternateAsync(small, scl, arguments, runs).ConfigureAwait(false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(arguments.Length == 0 ? "(no arguments)" : string.Join(' ', arguments)),-42} small {a.Describe()} | System.CommandLine {b.Describe()} | +{b.Median - a.Median:0.00} ms median, {b.Median / a.Median:0.00}x"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
return 0;
