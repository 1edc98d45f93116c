using System.Globalization;
using SigilGate.EndToEnd.Tests.Store;

namespace SigilGate.EndToEnd.Tests.Apply;

/// <summary>
/// Many commits over a folder of tens of thousands of records (a tree of over a megabyte, read by
/// git): <c>sigil apply</c> catching up on them after etcd was away, and pre-receive checking a
/// push of all of them. Their memory is that of a few versions of the folder, not of one version
/// per commit.
/// </summary>
public class CatchUpMemorySpecs : SingleEtcd
{
    private const string Time = "/usr/bin/time";
    private const int Entries = 30_000;
    private const long AllowedGrowthKib = 120 * 1024;

    private GitEnvironment environment = null!;
    private readonly List<IDisposable> repositories = [];

    [SetUp]
    public void CreateEnvironment()
    {
        File.Exists(Time).ShouldBeTrue($"{Time} (GNU time) is missing: install/test.sh installs it");
        environment = new GitEnvironment();
    }

    [TearDown]
    public void Remove()
    {
        foreach (var repository in repositories) repository.Dispose();
        environment.Dispose();
    }

    [Test]
    public Task An_apply_catching_up_on_many_commits_of_a_large_folder_holds_no_version_of_it_per_commit() =>
        PeakGrowsLittleAsync("sigil apply catching up on", PeakOfCatchUpAsync);

    [Test]
    public Task Pre_receive_checking_a_push_of_many_commits_of_a_large_folder_holds_no_version_of_it_per_commit() =>
        PeakGrowsLittleAsync("pre-receive checking a push of", PeakOfPreReceiveAsync);

    // Each version of the folder is 1.3 MB: held per commit, 300 more commits add hundreds of megabytes.
    private static async Task PeakGrowsLittleAsync(string what, Func<int, Task<long>> peakOf)
    {
        var few = await peakOf(100);
        var many = await peakOf(400);
        var figures = $"peak of {what} 100 commits: {few} KiB, of 400: {many} KiB";
        await TestContext.Out.WriteLineAsync(figures);

        (many - few).ShouldBeLessThan(AllowedGrowthKib, figures);
    }

    /// <summary>A repository whose etcd holds the network, then <paramref name="commits"/> commits written past the hooks, then the apply: its peak memory in KiB.</summary>
    private async Task<long> PeakOfCatchUpAsync(int commits)
    {
        var bare = await BareRepository.CreateAsync(environment, Etcd.Endpoint, $"/catch-up-{commits}", withHooks: false);
        repositories.Add(bare);
        (await NetworkStream().ImportAsync(bare.Path, environment.Variables)).ExitCode.ShouldBe(0);
        var first = await bare.SigilAsync("apply", "--repo", bare.Path);
        first.ExitCode.ShouldBe(0, first.ToString());
        (await CommitsStream(commits).ImportAsync(bare.Path, environment.Variables)).ExitCode.ShouldBe(0);

        var peak = Path.Combine(bare.Path, "peak");
        var apply = await Processes.RunAsync(Time, ["-o", peak, "-f", "%M", SigilBinaries.Path("sigil"), "apply", "--repo", bare.Path], bare.Path, environment.Variables);

        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.StandardError.ShouldContain($"{commits} put, 0 deleted");
        return await KibAsync(peak);
    }

    /// <summary>A hooked repository that accepted the network, then one push of <paramref name="commits"/> commits: the peak memory of its pre-receive in KiB.</summary>
    private async Task<long> PeakOfPreReceiveAsync(int commits)
    {
        var bare = await BareRepository.CreateAsync(environment, Etcd.Endpoint, $"/push-{commits}");
        repositories.Add(bare);
        var source = await BareRepository.CreateAsync(environment, Etcd.Endpoint, withHooks: false);
        repositories.Add(source);
        (await NetworkStream().ImportAsync(source.Path, environment.Variables)).ExitCode.ShouldBe(0);
        var network = await PushAsync(source, bare, "root");
        network.ExitCode.ShouldBe(0, network.ToString());

        // pre-receive as git runs it, under GNU time.
        var hook = Path.Combine(bare.HooksDirectory, "pre-receive");
        File.Move(hook, hook + ".measured");
        var peak = Path.Combine(bare.Path, "peak");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\nexec {Time} -o '{peak}' -f %M \"$0.measured\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        (await CommitsStream(commits).ImportAsync(source.Path, environment.Variables)).ExitCode.ShouldBe(0);
        var push = await PushAsync(source, bare, "alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        push.StandardError.ShouldContain($"{commits} put, 0 deleted");
        return await KibAsync(peak);
    }

    private Task<ProcessResult> PushAsync(BareRepository from, BareRepository to, string identity) =>
        Processes.RunAsync("git", ["push", "--quiet", to.Path, "main"], from.Path, environment.With(("SIGIL_IDENTITY", identity)));

    private static FastImportStream NetworkStream()
    {
        var network = new FastImportStream().Commit("main", "network", time: 1_795_000_000)
            .File("sigil.yaml", "roots:\n  - root\noperators:\n  - alice\n")
            .File("network.yaml", "name: catch-up\n")
            .File("nodes/core/core-1.yaml", Network.Core("core-1", "10.255.0.1:7000"));
        for (var e = 1; e <= Entries; e++) network.File(EntryPath(e), Entry(e, enabled: true));
        return network;
    }

    /// <summary>Commits on main each turning one more entry off, a minute apart.</summary>
    private static FastImportStream CommitsStream(int commits)
    {
        var stream = new FastImportStream();
        for (var i = 0; i < commits; i++)
        {
            var e = i + 1;
            stream.Commit("main", $"e-{e} off", from: i == 0 ? "refs/heads/main^0" : null, time: 1_795_000_060 + (60L * i)).File(EntryPath(e), Entry(e, enabled: false));
        }

        return stream;
    }

    private static async Task<long> KibAsync(string peakFile) =>
        long.Parse((await File.ReadAllTextAsync(peakFile)).Trim(), CultureInfo.InvariantCulture);

    private static string EntryPath(int e) => $"nodes/entry/e-{e}.yaml";

    private static string Entry(int e, bool enabled) =>
        Network.Entry($"e-{e}", "core-1", $"10.{(e >> 16) & 255}.{(e >> 8) & 255}.{e & 255}:443", enabled);
}
