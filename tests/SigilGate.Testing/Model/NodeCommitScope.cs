namespace SigilGate.Testing.Model;

/// <summary>
/// Invariant (c): a commit on main made by a Core node's pusher (it carries the
/// <c>Sigil-Node: &lt;core&gt;</c> trailer) changes only that node's area: <c>state/&lt;core&gt;/</c>
/// and the same area under <c>.sigil/versions/</c> and <c>.sigil/conflicts/</c>. Each commit is checked once.
/// </summary>
public sealed class NodeCommitScope(BareRepository bare)
{
    private readonly HashSet<string> checkedCommits = new(StringComparer.Ordinal);
    private string? checkedTip;

    public async Task<List<ModelViolation>> CheckAsync()
    {
        // main only moves forward (the gate refuses force pushes): the commits since the last check are new.
        var tip = (await bare.GitAsync("rev-parse", "main").ConfigureAwait(false)).StandardOutput.Trim();
        var range = checkedTip is null ? tip : $"{checkedTip}..{tip}";
        var log = await bare.GitAsync("log", "--format=%x1e%H%x1f%(trailers:key=Sigil-Node,valueonly,separator=%x2c)%x1f", "--name-only", "--diff-merges=first-parent", range).ConfigureAwait(false);
        if (log.ExitCode != 0) throw new InvalidOperationException("git log failed: " + log);
        checkedTip = tip;
        var problems = new List<ModelViolation>();
        foreach (var entry in log.StandardOutput.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('\x1f');
            if (parts.Length < 3 || !checkedCommits.Add(parts[0])) continue;
            var node = parts[1].Trim();
            if (node.Length == 0) continue;
            foreach (var path in parts[2].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (path.StartsWith($"state/{node}/", StringComparison.Ordinal) || path.StartsWith($".sigil/versions/state/{node}/", StringComparison.Ordinal) ||
                    path.StartsWith($".sigil/conflicts/state/{node}/", StringComparison.Ordinal)) continue;
                problems.Add(new("c", $"commit {parts[0][..8]} by Core node {node} (Sigil-Node trailer) changes {path}, outside its area"));
            }
        }

        return problems;
    }
}
