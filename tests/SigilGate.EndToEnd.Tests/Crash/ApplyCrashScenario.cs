namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>The network the apply crash specs push: a base, then two commits in one push.</summary>
public abstract class ApplyCrashScenario : CrashingRepository
{
    /// <summary>Pushes the base network (applied normally), then commits two changes on top; returns their shas.</summary>
    protected async Task<(string Base, string[] Commits)> PrepareTwoCommitsAsync()
    {
        UseSmallTransactions(6);
        var baseSha = await PushBaseNetworkAsync();

        for (var i = 0; i < 12; i++) Clone.Write($"nodes/entry/bulk-{i}.yaml", Network.Entry($"bulk-{i}", "core-1", $"10.3.0.{i}:443"));
        Clone.Write("state/core-1/entries/e-10.yaml", Network.State("degraded"));
        var first = await Clone.CommitAllAsync("thirteen records");

        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.9.1:443"));
        Clone.Write("network.yaml", "name: test-net-renamed\nsync_interval: 45s\n");
        Clone.Delete("nodes/entry/e-2.yaml");
        Clone.Delete("nodes/entry/bulk-11.yaml");
        Clone.Write("nodes/entry/late.yaml", Network.Entry("late", "core-2", "10.3.1.1:443"));
        var second = await Clone.CommitAllAsync("change, add and delete");
        return (baseSha, [first, second]);
    }

    /// <summary>The keys of the first commit's records that later commits leave alone (the second deletes bulk-11).</summary>
    protected static IEnumerable<string> UntouchedKeysOfTheFirstCommit =>
        Enumerable.Range(0, 11).Select(i => $"{Prefix}/nodes/entry/bulk-{i}").Append($"{Prefix}/state/core-1/entries/e-10");

    /// <summary>
    /// Where the crash left etcd: the applied pointer at the expected commit and, for a crash between
    /// batches, some of the step's records written and some not. Returns what etcd held.
    /// </summary>
    protected async Task<IReadOnlyDictionary<string, EtcdKeyValue>> CrashShouldHaveLeftAsync(string baseSha, string[] commits, int applied, bool halfWritten)
    {
        var etcd = (await Etcd.GetAsync("--prefix", Prefix + "/")).Entries;
        var pointer = etcd[$"{Prefix}/.sigil/applied"].Value;
        pointer.ShouldContain(applied == ApplyCrashPoints.Base ? baseSha : commits[applied]);
        var written = UntouchedKeysOfTheFirstCommit.Append($"{Prefix}/nodes/entry/bulk-11").Count(etcd.ContainsKey);
        if (halfWritten) written.ShouldBeInRange(3, 12, "a crash between batches leaves some of the first commit's 13 records written");
        return etcd;
    }

    /// <summary>Records written before the crash are recognised by the rerun and not written again.</summary>
    protected async Task WrittenBeforeTheCrashShouldBeWrittenOnceAsync(IReadOnlyDictionary<string, EtcdKeyValue> afterCrash)
    {
        var now = (await Etcd.GetAsync("--prefix", Prefix + "/")).Entries;
        foreach (var key in UntouchedKeysOfTheFirstCommit.Where(afterCrash.ContainsKey))
        {
            now[key].ModRevision.ShouldBe(afterCrash[key].ModRevision, $"{key} was written before the crash and should not be written again");
        }
    }

    /// <summary>
    /// The tip has its receipt note in refs/notes/sigil (a recovered one when the crash cut it off);
    /// the commit before it has none: etcd was never brought to it on its own.
    /// </summary>
    protected async Task NotesShouldBeWrittenAsync(string[] commits, int noteRecoveredFor)
    {
        var notes = await Bare.GitAsync("notes", "--ref=sigil", "list");
        notes.ExitCode.ShouldBe(0, notes.ToString());
        var noted = notes.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var tip = commits.Length - 1;
        noted.ShouldContain(commits[tip], "the tip should have its receipt note");
        for (var i = 0; i < tip; i++) noted.ShouldNotContain(commits[i], $"commit {i} was never applied on its own");
        var note = await Bare.GitAsync("notes", "--ref=sigil", "show", commits[tip]);
        note.StandardOutput.ShouldContain("etcd-revision: ");
        if (tip == noteRecoveredFor) note.StandardOutput.ShouldContain("recovered: ", Case.Sensitive, note.StandardOutput);
        else note.StandardOutput.ShouldNotContain("recovered: ", Case.Sensitive, note.StandardOutput);
    }
}
