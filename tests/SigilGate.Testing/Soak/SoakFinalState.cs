using System.Formats.Tar;
using System.Text;

namespace SigilGate.Testing.Soak;

/// <summary>What both sides hold once the run is quiet: every key under the prefix, the branch tip's files, and the markers in the branch's history.</summary>
public sealed record SoakFinalState(
    IReadOnlyDictionary<string, string> Etcd,
    IReadOnlyDictionary<string, string> GitFiles,
    IReadOnlySet<string> MarkersInGitHistory)
{
    public static async Task<SoakFinalState> ReadAsync(SoakWorld world)
    {
        var etcd = await ReadEtcdAsync(world).ConfigureAwait(false);
        var files = await ReadTipAsync(world.Bare).ConfigureAwait(false);
        var history = await ReadHistoryAsync(world.Bare).ConfigureAwait(false);
        return new SoakFinalState(etcd, files, history);
    }

    private static Task<Dictionary<string, string>> ReadEtcdAsync(SoakWorld world) => world.Cluster.KeysAsync(SoakWorld.Prefix + "/");

    private static async Task<Dictionary<string, string>> ReadTipAsync(BareRepository bare)
    {
        var archive = Path.Combine(bare.Path, "soak-tip.tar");
        var result = await bare.GitAsync("archive", "--format=tar", "-o", archive, "main").ConfigureAwait(false);
        if (result.ExitCode != 0) throw new InvalidOperationException("git archive failed: " + result);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var stream = File.OpenRead(archive))
        {
            using var reader = new TarReader(stream);
            while (await reader.GetNextEntryAsync().ConfigureAwait(false) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
                files[entry.Name] = await text.ReadToEndAsync().ConfigureAwait(false);
            }
        }

        File.Delete(archive);
        return files;
    }

    // Every marker any commit of the branch put into a record file (grpc_path of state records,
    // the address of entries), as "<path> <marker>".
    private static async Task<HashSet<string>> ReadHistoryAsync(BareRepository bare)
    {
        var log = await bare.GitAsync("log", "-p", "--format=", "--unified=0", "main", "--", "state", "nodes/entry").ConfigureAwait(false);
        if (log.ExitCode != 0) throw new InvalidOperationException("git log failed: " + log);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? path = null;
        foreach (var line in log.StandardOutput.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                path = line.StartsWith("+++ b/", StringComparison.Ordinal) ? line[6..] : null;
            }
            else if (path is not null && line.StartsWith('+') && SoakRecords.MarkerOfYaml(path, line[1..]) is { } marker)
            {
                seen.Add(path + " " + marker);
            }
        }

        return seen;
    }
}
