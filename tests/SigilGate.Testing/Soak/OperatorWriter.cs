namespace SigilGate.Testing.Soak;

/// <summary>
/// The operator: edits entry records and state records in a clone and pushes as <c>alice</c>. On
/// rejection it runs <c>git pull --rebase</c> and pushes again, as a person would; when the rebase
/// stops on a conflict it starts over from the new tip. A write counts once its push is accepted,
/// and has seen what the file held when it was edited.
/// </summary>
internal sealed class OperatorWriter(SoakWorld world, SoakLedger ledger, SoakTrace trace, Random random)
{
    private const int MaxAttempts = 6;
    private static readonly string[] Statuses = ["up", "down", "degraded", "unknown"];
    private int count;

    private Clone Clone => world.OperatorClone;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SoakDelay.Between(random, 300, 2500, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested) break;
            await WriteOnceAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteOnceAsync()
    {
        var targets = Enumerable.Range(0, random.Next(1, 3)).Select(_ => PickPath()).Distinct().ToList();
        var markers = targets.Select(_ => SoakRecords.Marker(SoakRecords.Operator, ++count)).ToList();
        var statuses = targets.Select(_ => Statuses[random.Next(Statuses.Length)]).ToList();
        var enabled = targets.Select(_ => random.Next(4) != 0).ToList();

        await StartFromTipAsync().ConfigureAwait(false);
        var writes = Edit(targets, markers, statuses, enabled);
        await Ensure(Clone.GitAsync("add", "-A")).ConfigureAwait(false);
        await Ensure(Clone.GitAsync("commit", "--quiet", "-m", "operator: " + string.Join(", ", markers))).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var push = await Clone.PushAsync("alice").ConfigureAwait(false);
            if (push.ExitCode == 0)
            {
                foreach (var write in writes) ledger.Add(write with { At = trace.Seconds });
                trace.Line("op", "pushed " + string.Join("; ", writes.Select(w => $"{w.Marker} {w.Path} (seen {w.Seen})")));
                return;
            }

            trace.Line("op", $"push rejected (attempt {attempt}): {LastRemoteLine(push)}");
            var rebase = await Clone.GitAsync("pull", "--quiet", "--rebase", "origin", "main").ConfigureAwait(false);
            if (rebase.ExitCode == 0 && await BaseUnchangedAsync(writes).ConfigureAwait(false)) continue;

            // The rebase stopped on our files (someone changed them first): start over from the new
            // tip, editing what is there now.
            await Clone.GitAsync("rebase", "--abort").ConfigureAwait(false);
            await StartFromTipAsync().ConfigureAwait(false);
            writes = Edit(targets, markers, statuses, enabled);
            await Ensure(Clone.GitAsync("add", "-A")).ConfigureAwait(false);
            await Ensure(Clone.GitAsync("commit", "--quiet", "-m", "operator: " + string.Join(", ", markers))).ConfigureAwait(false);
        }

        trace.Line("op", $"gave up on {string.Join(", ", markers)} after {MaxAttempts} rejected pushes");
    }

    private string PickPath()
    {
        var core = random.Next(1, world.Options.Cores + 1);
        var k = random.Next(1, world.Options.EntriesPerCore + 1);
        return random.Next(3) == 0 ? SoakRecords.EntryPath(core, k) : SoakRecords.StatePath(core, k);
    }

    private List<SoakWrite> Edit(List<string> paths, List<string> markers, List<string> statuses, List<bool> enabled)
    {
        var writes = new List<SoakWrite>();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var full = Path.Combine(Clone.Path, path);
            var seen = SoakRecords.MarkerOfYaml(path, File.ReadAllText(full));
            var n = int.Parse(markers[i].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var parts = path.Split('/', '.');
            (string Yaml, string Json) content;
            if (RecordFiles.IsState(path))
            {
                content = SoakRecords.State(statuses[i], DateTimeOffset.UtcNow, markers[i]);
            }
            else
            {
                // nodes/entry/e-<core>-<k>.yaml
                var id = parts[2].Split('-');
                content = SoakRecords.Entry(int.Parse(id[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(id[2], System.Globalization.CultureInfo.InvariantCulture), SoakRecords.PortOf(n), enabled[i]);
            }

            File.WriteAllText(full, content.Yaml);
            writes.Add(new SoakWrite(markers[i], path, SoakRecords.Operator, content.Json, seen, ledger.LastOf(SoakRecords.Operator, path), 0));
        }

        return writes;
    }

    // A clean rebase keeps our edit on a new base; it is the same write only if our files' base did not move.
    private async Task<bool> BaseUnchangedAsync(List<SoakWrite> writes)
    {
        foreach (var write in writes)
        {
            var shown = await Clone.GitAsync("show", $"HEAD~1:{write.Path}").ConfigureAwait(false);
            if (shown.ExitCode != 0 || SoakRecords.MarkerOfYaml(write.Path, shown.StandardOutput) != write.Seen) return false;
        }

        return true;
    }

    private async Task StartFromTipAsync()
    {
        await Ensure(Clone.GitAsync("fetch", "--quiet", "origin", "main")).ConfigureAwait(false);
        await Ensure(Clone.GitAsync("reset", "--quiet", "--hard", "origin/main")).ConfigureAwait(false);
    }

    private static string LastRemoteLine(ProcessResult push) =>
        push.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("remote:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith('!')) ?? push.StandardError.Trim();

    private static async Task<ProcessResult> Ensure(Task<ProcessResult> running)
    {
        var result = await running.ConfigureAwait(false);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException("git failed: " + result);
    }
}
