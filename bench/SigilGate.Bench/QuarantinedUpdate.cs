using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// A ref update as pre-receive sees it during a push: the new commit's objects in a quarantine
/// directory under objects/ (as receive-pack makes them), the hook input line naming the update.
/// The objects are then also fetched into the repository itself, so that the same update can be
/// checked without the quarantine variables for comparison.
/// </summary>
internal sealed record QuarantinedUpdate(string Repository, string Objects, string Quarantine, string NewSha, string HookInput)
{
    public static async Task<QuarantinedUpdate> PrepareAsync(BareRepository bare, Clone clone)
    {
        NetworkFiles.WriteTo(clone, NetworkFiles.Example(out _));
        await clone.CommitAllAsync("example network").ConfigureAwait(false);
        var first = await clone.PushAsync("root").ConfigureAwait(false);
        if (first.ExitCode != 0) throw new InvalidOperationException("the first push failed: " + first);
        var oldSha = await bare.TipAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("no main after the first push");

        var path = Path.Combine(clone.Path, NetworkFiles.ToggledEntry);
        await File.WriteAllTextAsync(path, NetworkFiles.ToggleEnabled(await File.ReadAllTextAsync(path).ConfigureAwait(false))).ConfigureAwait(false);
        var newSha = await clone.CommitAllAsync("toggle e-1").ConfigureAwait(false);

        var objects = Path.Combine(bare.Path, "objects");
        var quarantine = Path.Combine(objects, "tmp_objdir-incoming-bench");
        Directory.CreateDirectory(quarantine);
        var intoQuarantine = bare.Environment.With(("GIT_OBJECT_DIRECTORY", quarantine), ("GIT_ALTERNATE_OBJECT_DIRECTORIES", objects));
        await GitAsync(bare.Path, intoQuarantine, "fetch", "--quiet", "--no-write-fetch-head", clone.Path, "HEAD").ConfigureAwait(false);
        await GitAsync(bare.Path, bare.Environment.With(("GIT_OBJECT_DIRECTORY", quarantine)), "cat-file", "-e", newSha).ConfigureAwait(false);
        var notYet = await TimedProcess.RunAsync("git", ["cat-file", "-e", newSha], bare.Path, bare.Environment.Variables).ConfigureAwait(false);
        if (notYet.ExitCode == 0) throw new InvalidOperationException("the new commit reached the repository's own objects before the quarantine run");

        var update = new QuarantinedUpdate(bare.Path, objects, quarantine, newSha, $"{oldSha} {newSha} refs/heads/main\n");
        var hook = SigilBinaries.Path("pre-receive");
        var asGit = bare.Environment.With(("GIT_DIR", "."), ("SIGIL_IDENTITY", PushScenario.Identity), ("GIT_PUSH_OPTION_COUNT", "0"),
            ("GIT_QUARANTINE_PATH", quarantine), ("GIT_OBJECT_DIRECTORY", quarantine), ("GIT_ALTERNATE_OBJECT_DIRECTORIES", objects));
        await TimedProcess.RunCheckedAsync(hook, [], bare.Path, asGit, update.HookInput).ConfigureAwait(false);

        await GitAsync(bare.Path, bare.Environment.Variables, "fetch", "--quiet", "--no-write-fetch-head", clone.Path, "HEAD").ConfigureAwait(false);
        return update;
    }

    private static Task<TimedRun> GitAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        TimedProcess.RunCheckedAsync("git", arguments, directory, environment);
}
