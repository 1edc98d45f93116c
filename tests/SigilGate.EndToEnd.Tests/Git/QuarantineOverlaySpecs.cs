using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// Inside pre-receive the pushed objects are only in git's quarantine. The reader sees them through
/// a throwaway overlay repository, built in memory (/dev/shm) where there is one: on a disk, its
/// folders and files cost every push milliseconds of journal and discard work.
/// </summary>
public sealed class QuarantineOverlaySpecs
{
    private const string MemoryFolder = "/dev/shm";

    private GitEnvironment environment = null!;
    private string repository = null!;
    private string quarantine = null!;

    [SetUp]
    public async Task CreateRepositoryAsync()
    {
        environment = new GitEnvironment();
        repository = TempDirectories.Create("sigil-overlay-");
        (await Git(["init", "--quiet", "--bare"])).ExitCode.ShouldBe(0);
        quarantine = Path.Combine(repository, "objects", "tmp_objdir-incoming-test");
        Directory.CreateDirectory(quarantine);
    }

    [TearDown]
    public void Remove()
    {
        TempDirectories.Delete(repository);
        environment.Dispose();
    }

    [Test]
    public async Task A_commit_held_only_in_the_quarantine_is_read_through_an_overlay_in_memory_that_is_removed_afterwards()
    {
        Assume.That(!OperatingSystem.IsWindows() && Directory.Exists(MemoryFolder), "this machine has no /dev/shm");
        var commit = await CommitInQuarantineAsync();

        string overlay;
        using (var reader = GitRepositories.Open(repository, new Dictionary<string, string?> { ["GIT_QUARANTINE_PATH"] = quarantine }))
        {
            reader.FindCommit(commit).ShouldNotBeNull();
            overlay = OverlaysOfThisRepository().ShouldHaveSingleItem();
            if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(overlay).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Exists(overlay).ShouldBeFalse();
    }

    /// <summary>Overlays in the memory folder whose alternates name this spec's repository (other pushes on the machine may have theirs).</summary>
    private List<string> OverlaysOfThisRepository() =>
        !Directory.Exists(MemoryFolder) ? [] : Directory.GetDirectories(MemoryFolder, "sigil-quarantine-*")
            .Where(overlay => File.Exists(Path.Combine(overlay, "objects", "info", "alternates")) && File.ReadAllText(Path.Combine(overlay, "objects", "info", "alternates")).StartsWith(quarantine + "\n", StringComparison.Ordinal))
            .ToList();

    /// <summary>A commit written the way receive-pack writes a push: into the quarantine, not the repository's objects.</summary>
    private async Task<string> CommitInQuarantineAsync()
    {
        var blob = (await Git(["hash-object", "-w", "--stdin"], "id: core-1\n", intoQuarantine: true)).StandardOutput.Trim();
        var tree = (await Git(["mktree"], $"100644 blob {blob}\tcore-1.yaml\n", intoQuarantine: true)).StandardOutput.Trim();
        var commit = (await Git(["commit-tree", tree, "-m", "pushed"], intoQuarantine: true)).StandardOutput.Trim();
        File.Exists(Path.Combine(repository, "objects", commit[..2], commit[2..])).ShouldBeFalse("the commit must be in the quarantine only");
        return commit;
    }

    private Task<ProcessResult> Git(string[] arguments, string? input = null, bool intoQuarantine = false) =>
        Processes.RunAsync("git", arguments, repository, intoQuarantine ? environment.With(("GIT_OBJECT_DIRECTORY", quarantine)) : environment.Variables, input);
}
