using System.Diagnostics;
using System.Globalization;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 10. The thundering herd of a shared cron minute: fifty Core nodes core-01 ... core-50 (each with
/// 20 entries and their 20 state records) on one hooked bare repository and one etcd; fifty clones,
/// each set up as install-node.sh sets a node up (its sigil.json with endpoints, prefix and branch,
/// excluded from commits; a commit identity of its own) and each run once to learn its area. Then a
/// raw write of 2 state records in every node's area (one Txn per node, as a node agent makes
/// them), and all fifty <c>SIGIL_IDENTITY=core-NN sigil push --node core-NN --workdir CLONE</c>
/// (install-node.sh's cron line) started in the same second. Baseline: one node's run alone after
/// the same kind of write, in the same run.
/// </summary>
internal static class HerdScenario
{
    public const int Nodes = 50;
    private const int EntriesPerNode = 20;
    private const int WritesPerNode = 2;
    private const string Prefix = "/sigil";
    private static readonly TimeSpan LandWithin = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<Figure>> RunAsync(TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var bare = await BareRepository.CreateAsync(environment, etcd.Endpoint, Prefix, withHooks: false).ConfigureAwait(false);
        using var probe = new EtcdProbe(etcd.Endpoint);
        using var client = new EtcdClient(etcd.Endpoint);
        var nodes = Enumerable.Range(1, Nodes).Select(n => string.Create(CultureInfo.InvariantCulture, $"core-{n:00}")).ToList();
        var clones = new List<Clone>();
        try
        {
            var files = Files(nodes);
            await NetworkFiles.ImportAsync(bare.Path, environment.Variables, files, $"{Nodes} cores, {Nodes * EntriesPerNode} entries and their state").ConfigureAwait(false);
            bare.InstallHooks();
            await TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), ["apply", "--repo", bare.Path], bare.Path, environment.Variables).ConfigureAwait(false);
            foreach (var node in nodes) clones.Add(await NodeCloneAsync(bare, etcd.Endpoint, node).ConfigureAwait(false));
            for (var i = 0; i < Nodes; i++)
            {
                var first = await PushAsync(nodes[i], clones[i]).ConfigureAwait(false);
                if (first.ExitCode != 0) throw new InvalidOperationException($"the first run of {nodes[i]} failed: {first}");
            }

            await output.WriteLineAsync($"  network: {files.Count:N0} files ({Nodes} cores, {EntriesPerNode} entries and {EntriesPerNode} state records each), hooked bare repository, applied; {Nodes} node clones set up and run once each (idle)").ConfigureAwait(false);

            // The baseline: the last node alone, after the same kind of write.
            await WriteAsync(client, nodes[^1], 0).ConfigureAwait(false);
            var alone = await PushAsync(nodes[^1], clones[^1]).ConfigureAwait(false);
            if (alone.ExitCode != 0) throw new InvalidOperationException("the baseline run alone failed: " + alone);

            var written = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var node in nodes) foreach (var (key, seen) in await WriteAsync(client, node, 1).ConfigureAwait(false)) written[key] = seen;

            var load = Machine.LoadAverage();
            var clock = Stopwatch.StartNew();
            var launched = new double[Nodes];
            var running = new Task<TimedRun>[Nodes];
            for (var i = 0; i < Nodes; i++)
            {
                launched[i] = clock.Elapsed.TotalMilliseconds;
                running[i] = PushAsync(nodes[i], clones[i]);
            }

            var runs = await Task.WhenAll(running).ConfigureAwait(false);
            var landed = Enumerable.Range(0, Nodes).Select(i => launched[i] + runs[i].Milliseconds).ToArray();
            var gaveUp = Enumerable.Range(0, Nodes).Where(i => runs[i].ExitCode == 1 && runs[i].StandardError.Contains("gave up", StringComparison.Ordinal)).ToList();
            var failed = Enumerable.Range(0, Nodes).Where(i => runs[i].ExitCode != 0 && !gaveUp.Contains(i)).ToList();
            var (inGit, inEtcd) = await CheckAsync(bare, probe, written).ConfigureAwait(false);

            var slowest = landed.Max();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  all {Nodes} started within {launched.Max():0} ms (load average before: {load}); slowest landed after {slowest / 1000:0.0} s, median {Median(landed) / 1000:0.0} s; alone: {Samples.Ms(alone.Milliseconds)}")).ConfigureAwait(false);
            await output.WriteLineAsync($"  exit 0: {runs.Count(r => r.ExitCode == 0)}, gave up (exit 1): {gaveUp.Count}, other failures: {failed.Count}").ConfigureAwait(false);
            await output.WriteLineAsync($"  pushes tried per node (1 + 'push rejected' lines): {string.Join(", ", runs.GroupBy(Attempts).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()} nodes"))}").ConfigureAwait(false);
            await output.WriteLineAsync($"  afterwards: {inGit} of {written.Count} writes in the branch tip's state files, {inEtcd} of {written.Count} in etcd").ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  landed (exit 0), seconds after the start: {string.Join(", ", Enumerable.Range(0, Nodes).Where(i => runs[i].ExitCode == 0).Select(i => landed[i] / 1000).Order().Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))}")).ConfigureAwait(false);
            await output.WriteLineAsync($"  what the rejected pushes saw, over all attempts: {Rejections(runs)}").ConfigureAwait(false);

            // Two failing runs in full (they all read alike), the others by their last line.
            var shown = 0;
            foreach (var i in gaveUp.Concat(failed).Order())
            {
                var lines = runs[i].StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  --- {nodes[i]} (started at +{launched[i]:0} ms, exit {runs[i].ExitCode} after {runs[i].Milliseconds / 1000:0.0} s, {Attempts(runs[i])} pushes tried){(shown < 2 ? ":" : ": " + lines.LastOrDefault())}")).ConfigureAwait(false);
                if (shown++ >= 2) continue;
                foreach (var line in lines) await output.WriteLineAsync("      " + line).ConfigureAwait(false);
            }

            return
            [
                new Figure($"10. {Nodes} pushers started in one second: the slowest to land", slowest, "one pusher alone", alone.Milliseconds, $"every one within {LandWithin.TotalSeconds:0} s", slowest <= LandWithin.TotalMilliseconds && failed.Count + gaveUp.Count == 0, $"median {Samples.Ms(Median(landed))}"),
                new Figure($"10. {Nodes} pushers started in one second: gave up", gaveUp.Count, "started", Nodes, "none gives up", gaveUp.Count == 0, $"{failed.Count} other failures", "pushers"),
                new Figure($"10. {Nodes} pushers started in one second: writes in Git and in etcd afterwards", Math.Min(inGit, inEtcd), "made", written.Count, "every one", inGit == written.Count && inEtcd == written.Count, $"{inGit} in Git, {inEtcd} in etcd", "writes"),
            ];
        }
        finally
        {
            foreach (var clone in clones) clone.Dispose();
        }
    }

    /// <summary>git's reason for each rejected push, counted over every run's output.</summary>
    private static string Rejections(IEnumerable<TimedRun> runs)
    {
        string[] reasons = ["[remote rejected] (failed to update ref)", "[rejected] (fetch first)", "[rejected] (non-fast-forward)", "(pre-receive hook declined)"];
        var lines = runs.SelectMany(r => r.StandardError.Split('\n')).ToList();
        return string.Join("; ", reasons.Select(reason => $"{lines.Count(l => l.Contains(reason, StringComparison.Ordinal))} x '{reason}'"));
    }

    private static int Attempts(TimedRun run) => 1 + run.StandardError.Split('\n').Count(l => l.Contains("push rejected (attempt", StringComparison.Ordinal));

    private static double Median(double[] values)
    {
        var samples = new Samples();
        foreach (var value in values) samples.Add(value);
        return samples.Median;
    }

    /// <summary>A node's clone as install-node.sh leaves it.</summary>
    private static async Task<Clone> NodeCloneAsync(BareRepository bare, string endpoint, string node)
    {
        var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
        clone.Write("sigil.json", $$"""{ "Etcd": { "Endpoints": "{{endpoint}}" }, "Sigil": { "Prefix": "{{Prefix}}", "Branch": "main" } }""" + "\n");
        await File.AppendAllTextAsync(Path.Combine(clone.Path, ".git", "info", "exclude"), "/sigil.json\n").ConfigureAwait(false);
        foreach (var (name, value) in new[] { ("user.name", $"sigil push ({node})"), ("user.email", $"{node}@sigil.invalid") })
        {
            var set = await clone.GitAsync("config", name, value).ConfigureAwait(false);
            if (set.ExitCode != 0) throw new InvalidOperationException("git config failed: " + set);
        }

        return clone;
    }

    /// <summary>install-node.sh's cron line: <c>env SIGIL_IDENTITY=NODE sigil push --node NODE --workdir DIR</c>.</summary>
    private static Task<TimedRun> PushAsync(string node, Clone clone) =>
        TimedProcess.RunAsync(SigilBinaries.Path("sigil"), ["push", "--node", node, "--workdir", clone.Path], clone.Path, clone.Environment.With(("SIGIL_IDENTITY", node)));

    /// <summary>One Txn writing <see cref="WritesPerNode"/> state records of <paramref name="node"/>, each with a last_seen no other write has; returns key → last_seen.</summary>
    private static async Task<List<(string Key, string Seen)>> WriteAsync(EtcdClient client, string node, int round)
    {
        var number = int.Parse(node[^2..], CultureInfo.InvariantCulture);
        var txn = new TxnRequest();
        var written = new List<(string, string)>();
        for (var k = 1; k <= WritesPerNode; k++)
        {
            var seen = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds((round * 10_000) + (number * 10) + k).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var key = $"{Prefix}/state/{node}/entries/{Entry(number, k)}";
            txn.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8($$"""{"grpc_path":"/sigil.Entry/Report","last_seen":"{{seen}}","status":"degraded"}""") } });
            written.Add((key, seen));
        }

        var response = await client.TransactionAsync(txn).ConfigureAwait(false);
        if (!response.Succeeded) throw new InvalidOperationException("a Txn without compares did not succeed");
        return written;
    }

    /// <summary>How many writes the branch tip's state files hold, and how many etcd still holds.</summary>
    private static async Task<(int InGit, int InEtcd)> CheckAsync(BareRepository bare, EtcdProbe probe, Dictionary<string, string> written)
    {
        var values = await probe.ReadPrefixAsync(Prefix + "/state/").ConfigureAwait(false);
        var inEtcd = written.Count(w => values.TryGetValue(w.Key, out var value) && value.Contains(w.Value, StringComparison.Ordinal));
        var paths = written.Keys.Select(k => "main:" + k[(Prefix.Length + 1)..] + ".yaml").ToList();
        var batch = await Processes.RunAsync("git", ["cat-file", "--batch"], bare.Path, bare.Environment.Variables, string.Join('\n', paths) + "\n").ConfigureAwait(false);
        if (batch.ExitCode != 0) throw new InvalidOperationException("git cat-file --batch failed: " + batch);

        // Each object's header line ("SHA blob SIZE", or "NAME missing") is followed by its content.
        var blobs = new List<string>();
        foreach (var line in batch.StandardOutput.Split('\n'))
        {
            var fields = line.Split(' ');
            if ((fields.Length == 3 && fields[1] == "blob") || (fields.Length == 2 && fields[1] == "missing")) blobs.Add("");
            else if (blobs.Count > 0) blobs[^1] += line + "\n";
        }

        var inGit = written.Values.Zip(blobs).Count(p => p.Second.Contains(p.First, StringComparison.Ordinal));
        return (inGit, inEtcd);
    }

    private static string Entry(int node, int k) => string.Create(CultureInfo.InvariantCulture, $"e-{node:00}-{k:00}");

    /// <summary>Policy, settings, the Core nodes, their entries and a state record for each.</summary>
    private static Dictionary<string, string> Files(IReadOnlyList<string> nodes)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sigil.yaml"] = NetworkFiles.Policy,
            ["network.yaml"] = "name: herd-net\nsync_interval: 60s\n",
        };
        for (var n = 1; n <= nodes.Count; n++)
        {
            var node = nodes[n - 1];
            files[$"nodes/core/{node}.yaml"] = $"id: {node}\naddress: {node}.example.net:7443\nregion: region-{n % 5}\ngrpc_paths:\n  - /sigil.Entry/Heartbeat\n  - /sigil.Entry/Report\n";
            for (var k = 1; k <= EntriesPerNode; k++)
            {
                var entry = Entry(n, k);
                files[$"nodes/entry/{entry}.yaml"] = string.Create(CultureInfo.InvariantCulture, $"id: {entry}\ncore: {node}\naddress: 10.9.{n}.{k}:443\nenabled: true\n");
                files[$"state/{node}/entries/{entry}.yaml"] = "status: up\nlast_seen: \"2026-11-20T09:14:00Z\"\ngrpc_path: /sigil.Entry/Heartbeat\n";
            }
        }

        return files;
    }
}
