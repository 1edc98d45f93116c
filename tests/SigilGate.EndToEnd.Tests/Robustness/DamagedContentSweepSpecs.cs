using System.Text;
using System.Text.RegularExpressions;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// Every kind of thing a command reads from etcd, from Git or from the suite's own kept files,
/// damaged in shapes drawn by a seeded generator (<see cref="DamagedContent"/>), then read by every
/// command that reads it. Whatever the damage: an exit code of the command's table, no stack trace or
/// internal error, no hang; an error names the key or file; and a damaged cache is a miss, the same
/// answer as without it. A failure names the seed (<c>SIGIL_SWEEP_SEED</c> replays another draw).
/// </summary>
public partial class DamagedContentSweepSpecs : HookedRepository
{
    private const int ShapesPerKind = 4;
    private const string KeptConflict = "nodes/entry/e-2.yaml";

    private static readonly int Seed = int.TryParse(System.Environment.GetEnvironmentVariable("SIGIL_SWEEP_SEED"), out var seed) ? seed : 20261207;

    private NodeClone? node;

    private NodeClone Node => node ?? throw new InvalidOperationException("the node's clone is made by the set-up");

    /// <summary>Where a kind is stored, what reading it may answer, and which commands read it.</summary>
    public sealed record Kind(string Name, string Where, bool IsCache, params string[] Commands)
    {
        public override string ToString() => Name;
    }

    private static readonly Kind[] Kinds =
    [
        new("etcd network", "etcd:/sigil/network", false, "status", "drift", "drift-json", "reconcile-dry", "git-push-dry"),
        new("etcd core", "etcd:/sigil/nodes/core/core-1", false, "status", "drift", "drift-json", "reconcile-dry"),
        new("etcd entry", "etcd:/sigil/nodes/entry/e-1", false, "status-json", "drift", "reconcile-dry", "git-push-dry"),
        new("etcd state", "etcd:/sigil/state/core-1/entries/e-1", false, "status", "drift-json", "reconcile-dry", "push-dry"),
        new("etcd applied pointer", "etcd:/sigil/.sigil/applied", false, "status", "status-json", "drift", "reconcile-dry"),
        new("etcd version", "etcd:/sigil/.sigil/versions/state/core-1/entries/e-1", false, "status", "drift", "reconcile-dry", "push-dry"),
        new("etcd kept conflict", "etcd:/sigil/.sigil/conflicts/nodes/entry/e-2/", false, "conflicts-list", "conflicts-list-json", "conflicts-show", "drift", "status"),
        new("etcd first seen", "etcd:/sigil/.sigil/drift/conflict-loser/nodes/entry/e-2/", false, "drift", "drift-json", "status"),
        new("git note", "note", false, "status", "status-json", "drift"),
        new("node index", "bare:sigil-node-index", true, "git-push-dry"),
        new("received changes", "bare:sigil-received-changes", true, "git-push-dry", "drift"),
        new("record cache", "bare:sigil-record-cache", true, "drift", "drift-json", "status"),
        new("commit changes", "bare:sigil-commit-changes/", true, "git-push-dry", "drift", "status"),
        new("push journal", "node:.git/sigil-push.json", true, "push-dry"),
        new("validated tree", "clone:.git/sigil-validated-tree", true, "pre-commit"),
        new("server settings", "bare:sigil.json", false, "status", "drift", "conflicts-list", "explain", "git-push-dry"),
        new("node settings", "node:sigil.json", false, "push-dry"),
    ];

    private static IEnumerable<TestCaseData> EveryKind() =>
        Kinds.Select(k => new TestCaseData(k).SetArgDisplayNames(k.Name));

    [SetUp]
    public async Task MakeANetworkWithEverythingKeptAsync()
    {
        await PushBaseNetworkAsync();
        node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}");
        (await node.PushAsync()).ExitCode.ShouldBe(0);

        // A kept conflict loser and its first-seen time; the cache of the tip's records; a validated tree.
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-2", "{\"address\":\"10.0.0.22:443\",\"core\":\"core-2\",\"enabled\":true,\"id\":\"e-2\"}");
        (await SigilAsync("reconcile")).ExitCode.ShouldBe(0);
        (await SigilAsync("drift")).ExitCode.ShouldBe(1);
        (await Clone.GitAsync("pull", "--quiet", "--rebase")).ExitCode.ShouldBe(0);
        (await PreCommitAsync()).ExitCode.ShouldBe(0);
        Clone.Write("nodes/entry/e-10.yaml", Network.Entry("e-10", "core-1", "10.0.0.110:443"));
        (await Clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void RemoveTheNode() => node?.Dispose();

    [TestCaseSource(nameof(EveryKind))]
    public async Task No_damage_crashes_a_command_and_a_damaged_cache_is_a_miss(Kind kind)
    {
        var (name, original) = await ReadAsync(kind);
        var random = new Random(Seed ^ StableHash(kind.Name));
        var baseline = await RunAllAsync(kind);
        foreach (var (shape, content) in DamagedContent.Draw(original, random, ShapesPerKind, isFile: !kind.Where.StartsWith("etcd:", StringComparison.Ordinal)))
        {
            var context = $"{kind.Name} {name}, shape {shape} (seed {Seed})";
            await WriteAsync(kind, name, content);
            var runs = await RunAllAsync(kind);
            foreach (var (command, run) in runs)
            {
                ShouldNotCrash(command, run, context);
                if (kind.IsCache)
                {
                    run.ExitCode.ShouldBe(baseline[command].ExitCode, $"a damaged cache is a miss: {context}, {command}: {run}");
                    Masked(run.StandardOutput).ShouldBe(Masked(baseline[command].StandardOutput), $"the same answer without the cache: {context}, {command}");
                }
                else if (run.ExitCode == 2)
                {
                    NamesWhatIsDamaged(kind, name, run).ShouldBeTrue($"the error names what is damaged: {context}, {command}: {run}");
                }
            }

            await WriteAsync(kind, name, original);
        }
    }

    private static void ShouldNotCrash(string command, ProcessResult run, string context)
    {
        var allowed = command switch
        {
            "git-push-dry" => new[] { 1 },
            "pre-commit" => [0, 1],
            "conflicts-show" or "reconcile-dry" => [0, 2],
            _ => [0, 1, 2],
        };
        run.ExitCode.ShouldBeOneOf(allowed, $"{context}, {command}: {run}");
        var output = run.StandardOutput + run.StandardError;
        output.ShouldNotContain("Unhandled exception", Case.Insensitive, $"{context}, {command}: {run}");
        output.ShouldNotContain("internal error", Case.Sensitive, $"{context}, {command}: {run}");
        output.Split('\n').ShouldNotContain(l => l.StartsWith("   at ", StringComparison.Ordinal), $"{context}, {command}: {run}");
    }

    /// <summary>A key or a file by its name; a settings file also by a value read from it, such as the endpoint that did not answer.</summary>
    private static bool NamesWhatIsDamaged(Kind kind, string name, ProcessResult run) =>
        kind.Where.EndsWith("sigil.json", StringComparison.Ordinal)
            ? run.StandardError.Contains("sigil.json", StringComparison.Ordinal) || run.StandardError.Contains("etcd unavailable at ", StringComparison.Ordinal) || run.StandardError.Contains("etcd unreachable at ", StringComparison.Ordinal)
            : run.StandardError.Contains(name, StringComparison.Ordinal);

    /// <summary>Ages and durations change from one run to the next; nothing else may.</summary>
    private static string Masked(string output) => Timing().Replace(output, "#");

    [GeneratedRegex(@"\d+(\.\d+)?(ms|s|m|h|d)\b|\d{4}-\d\d-\d\dT[\d:.]+Z|_seconds"":[\d.]+|""started_at"":""[^""]*""")]
    private static partial Regex Timing();

    private async Task<Dictionary<string, ProcessResult>> RunAllAsync(Kind kind)
    {
        var runs = new Dictionary<string, ProcessResult>(StringComparer.Ordinal);
        foreach (var command in kind.Commands) runs[command] = await RunAsync(command);
        return runs;
    }

    private Task<ProcessResult> RunAsync(string command) => command switch
    {
        "status" => SigilAsync("status"),
        "status-json" => SigilAsync("status", "--json"),
        "drift" => SigilAsync("drift"),
        "drift-json" => SigilAsync("drift", "--json"),
        "reconcile-dry" => SigilAsync("reconcile", "--dry-run"),
        "conflicts-list" => SigilAsync("conflicts", "list"),
        "conflicts-list-json" => SigilAsync("conflicts", "list", "--json"),
        "conflicts-show" => SigilAsync("conflicts", "show", KeptConflict),
        "explain" => SigilAsync("explain", "--identity", "core-1", "state/core-1/entries/e-1.yaml"),
        "push-dry" => Node.PushWithAsync("--dry-run"),
        "git-push-dry" => DryRunPushAsync(),
        "pre-commit" => PreCommitAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "no such command in the sweep"),
    };

    // The dry run checks everything a push is checked for and is then rejected, so nothing changes
    // between shapes; dated as HEAD, the commit is the same one every time.
    private async Task<ProcessResult> DryRunPushAsync()
    {
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.111:443"));
        await CommitInTheSameSecondAsync(Clone, "move e-1");
        var push = await Clone.PushAsync("alice", "-o", "sigil.dry-run", "HEAD:refs/heads/main");
        (await Clone.GitAsync("reset", "--quiet", "--soft", "HEAD~1")).ExitCode.ShouldBe(0);
        return push;
    }

    private Task<ProcessResult> PreCommitAsync() =>
        Processes.RunAsync(System.IO.Path.Combine(Bare.Binaries, "pre-commit"), [], Clone.Path, Clone.Environment.Variables);

    /// <summary>The exact key or file of a kind in this repository, and its content now.</summary>
    private async Task<(string Name, byte[] Content)> ReadAsync(Kind kind)
    {
        var (place, where) = kind.Where.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (kind.Where[..colon], kind.Where[(colon + 1)..]) : (kind.Where, "");
        switch (place)
        {
            case "etcd":
                var key = where.EndsWith('/') ? (await Etcd.EtcdctlAsync("get", "--prefix", "--keys-only", where)).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0] : where;
                return (key, Encoding.UTF8.GetBytes((await Etcd.EtcdctlAsync("get", "--print-value-only", key)).TrimEnd('\n')));
            case "note":
                var tip = (await Bare.TipAsync())!;
                return (tip, Encoding.UTF8.GetBytes((await Bare.GitAsync("notes", "--ref=sigil", "show", tip)).StandardOutput));
            default:
                var root = place switch { "bare" => Bare.Path, "node" => Node.Clone.Path, _ => Clone.Path };
                var path = System.IO.Path.Combine(root, where);
                if (where.EndsWith('/')) path = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
                File.Exists(path).ShouldBeTrue($"{kind.Name}: {path} is kept by the set-up");
                return (path, await File.ReadAllBytesAsync(path));
        }
    }

    /// <summary>Puts <paramref name="content"/> where the kind is stored; null: a directory where the file belongs.</summary>
    private async Task WriteAsync(Kind kind, string name, byte[]? content)
    {
        if (kind.Where.StartsWith("etcd:", StringComparison.Ordinal))
        {
            await EtcdRawPut.PutAsync(Etcd.Endpoint, name, content ?? []);
        }
        else if (kind.Where == "note")
        {
            var file = System.IO.Path.Combine(Bare.Path, "sweep-note");
            await File.WriteAllBytesAsync(file, content ?? []);
            var blob = (await Bare.GitAsync("hash-object", "-w", file)).StandardOutput.Trim();
            (await Bare.GitAsync("notes", "--ref=sigil", "add", "-f", "-C", blob, name)).ExitCode.ShouldBe(0);
            File.Delete(file);
        }
        else
        {
            if (Directory.Exists(name)) Directory.Delete(name, recursive: true);
            File.Delete(name);
            if (content is null)
            {
                Directory.CreateDirectory(System.IO.Path.Combine(name, "inside"));
            }
            else if (ReferenceEquals(content, DamagedContent.NamedPipe))
            {
                (await Processes.RunAsync("mkfifo", [name], Bare.Path, new Dictionary<string, string?>())).ExitCode.ShouldBe(0);
            }
            else
            {
                await File.WriteAllBytesAsync(name, content);
            }
        }
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
