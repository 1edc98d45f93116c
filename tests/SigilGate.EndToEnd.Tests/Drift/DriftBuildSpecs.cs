using System.Text.Json;
using SigilGate.EndToEnd.Tests.Hooks;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Drift;

/// <summary>What drift's machine-read outputs say about themselves: the build that wrote a metrics file, the schema of the JSON.</summary>
public class DriftBuildSpecs : HookedRepository
{
    private Task<ProcessResult> DriftAsync(params string[] options) => Bare.SigilAsync(["drift", "--repo", Bare.Path, .. options]);

    /// <summary>The series sigil_build_info should have: the version and commit of <c>sigil --version</c>.</summary>
    private async Task<string> ExpectedBuildInfoAsync()
    {
        var version = (await Bare.SigilAsync("--version")).StandardOutput.TrimEnd('\n');
        version.ShouldStartWith("sigil ");
        var (number, commit) = version["sigil ".Length..].Split('+', 2) is [var n, var c] ? (n, c) : throw new ShouldAssertException($"no commit in '{version}'");
        return $"sigil_build_info{{version=\"{number}\",commit=\"{commit}\"}}";
    }

    [Test]
    public async Task The_metrics_file_names_the_build_that_wrote_it()
    {
        await PushBaseNetworkAsync();
        var metrics = Path.Combine(Bare.Path, "sigil.prom");

        var drift = await DriftAsync("--metrics-file", metrics);

        drift.ExitCode.ShouldBe(0, drift.ToString());
        var text = await File.ReadAllTextAsync(metrics);
        var samples = PrometheusText.Parse(text);
        var buildInfo = await ExpectedBuildInfoAsync();
        samples.Keys.Where(s => s.StartsWith("sigil_build_info", StringComparison.Ordinal)).ShouldBe([buildInfo]);
        samples[buildInfo].ShouldBe(1);
        text.ShouldContain("# TYPE sigil_build_info gauge\n");
    }

    [Test]
    public async Task The_metrics_of_a_failed_check_still_name_the_build()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        var metrics = Path.Combine(Bare.Path, "sigil.prom");

        var drift = await DriftAsync("--metrics-file", metrics);

        drift.ExitCode.ShouldBe(2, drift.ToString());
        var samples = PrometheusText.Parse(await File.ReadAllTextAsync(metrics));
        samples[await ExpectedBuildInfoAsync()].ShouldBe(1);
        samples["sigil_up"].ShouldBe(0);
    }

    [Test]
    public async Task The_json_document_starts_with_schema_1()
    {
        await PushBaseNetworkAsync();

        var drift = await DriftAsync("--json");

        drift.ExitCode.ShouldBe(0, drift.ToString());
        drift.StandardOutput.ShouldStartWith("{\"schema\":1,");
        using var document = JsonDocument.Parse(drift.StandardOutput);
        document.RootElement.GetProperty("schema").GetInt32().ShouldBe(1);
    }
}
