namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>Inputs too big to keep as files: over the size limits, and a push of 20,000 files.</summary>
internal static class GeneratedCases
{
    private const string Entry = "nodes/entry/e-3.yaml";

    public static IEnumerable<HostileCase> All()
    {
        // etcd refuses requests over 1.5 MiB; the file limit (1 MiB) stops such a record before any write.
        yield return new("a record of 1.6 MiB, over etcd's request limit", clone =>
            WriteAndCommitAsync(clone, Entry, "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\nregion: " + new string('x', 1_677_722) + "\n"),
            [$"sigil: error: {Entry}: file is 1677774 bytes, more than the limit of 1048576 bytes", CraftedCases.Rejected(1)],
            SameForClients: true);

        // A file under the limit whose JSON is over it: each backslash is written twice in JSON.
        yield return new("a record whose JSON doubles past 1 MiB", clone =>
            WriteAndCommitAsync(clone, "nodes/core/core-3.yaml", "id: core-3\naddress: 10.0.1.3:7000\nregion: '" + new string('\\', 600_000) + "'\n"),
            ["sigil: error: nodes/core/core-3.yaml: record is 1200053 bytes as JSON, more than the limit of 1048576 bytes", CraftedCases.Rejected(1)],
            SameForClients: true);

        // A billion laughs at scale: 100,000 aliases in one file must neither expand nor flood the output
        // (each is a problem; the first 20 of a file are shown and the rest counted).
        yield return new("a billion laughs of 100,000 aliases", clone =>
            WriteAndCommitAsync(clone, Entry, "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\nlol: &a [x]\nlols: [" + string.Join(", ", Enumerable.Repeat("*a", 100_000)) + "]\n"),
            [
                $"sigil: error: {Entry}:4:1: unknown field 'lol'",
                $"sigil: error: {Entry}:4:6: anchor '&a' is not allowed",
                $"sigil: error: {Entry}:5:1: unknown field 'lols'",
                .. Enumerable.Range(0, 17).Select(i => $"sigil: error: {Entry}:5:{8 + (4 * i)}: alias '*a' is not allowed (write the value out)"),
                $"sigil: error: {Entry}: 99983 more problems in this file (only the first 20 are shown)",
                CraftedCases.Rejected(21),
            ],
            SameForClients: true);

        yield return new("20,000 files in one push, one of them bad", TwentyThousandFilesAsync,
            ["sigil: error: nodes/entry/e-15000.yaml:3:10: address port must be 1-65535, got 70000", CraftedCases.Rejected(1)]);
    }

    private static async Task<string[]> WriteAndCommitAsync(Clone clone, string path, string content)
    {
        clone.Write(path, content);
        await clone.CommitAllAsync("generated");
        return [];
    }

    // git fast-import makes the commit in well under a second, where writing and adding 20,000 files takes several.
    private static async Task<string[]> TwentyThousandFilesAsync(Clone clone)
    {
        var head = await Plumbing.RevParseAsync(clone, "HEAD");
        var stream = new FastImportStream().Commit("many", "20000 files", from: head, committer: "Test Operator <operator@example.invalid>");
        for (var i = 100; i < 20_100; i++)
        {
            var port = i == 15_000 ? 70_000 : 443;
            stream.File($"nodes/entry/e-{i}.yaml", $"id: e-{i}\ncore: core-1\naddress: 10.{i / 65536}.{i / 256 % 256}.{i % 256}:{port}\n");
        }

        var import = await stream.ImportAsync(clone.Path, clone.Environment.Variables);
        import.ExitCode.ShouldBe(0, import.ToString());
        return ["refs/heads/many:refs/heads/main"];
    }
}
