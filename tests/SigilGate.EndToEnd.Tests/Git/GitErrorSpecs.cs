using SigilGate.Git;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// Whatever fails in Git reaches the workflows and the commands as one of the ports' exceptions
/// (<see cref="GitException"/>), never as a library's, with a message that names what failed and
/// says what to do.
/// </summary>
public sealed class GitErrorSpecs
{
    private GitEnvironment environment = null!;
    private BareRepository bare = null!;
    private string tip = "";

    [SetUp]
    public async Task OneCommitAsync()
    {
        environment = new GitEnvironment();
        bare = await BareRepository.CreateAsync(environment, "http://127.0.0.1:1", withHooks: false);
        using var clone = await Clone.OfAsync(bare);
        clone.Write("README.md", "one\n");
        tip = await clone.CommitAllAsync("first");
        (await clone.PushAsync("root")).ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void Remove()
    {
        bare.Dispose();
        environment.Dispose();
    }

    [Test]
    public void A_receipt_that_cannot_be_written_is_a_write_failure_that_says_what_to_do()
    {
        // Another git writing the notes holds this lock while it does.
        Directory.CreateDirectory(Path.Combine(bare.Path, "refs", "notes"));
        File.WriteAllText(Path.Combine(bare.Path, "refs", "notes", "sigil.lock"), "");

        var (reader, writer) = GitRepositories.OpenForWriting(bare.Path);
        using (reader)
        {
            var failure = Should.Throw<GitWriteException>(() => writer.AddNote(tip, "applied\n"));
            failure.Message.ShouldContain($"the apply receipt of commit {tip[..7]} in refs/notes/sigil");
            failure.Message.ShouldContain("another git is changing the repository");
        }
    }

    [Test]
    public async Task A_damaged_object_is_a_read_failure_that_points_to_git_fsck()
    {
        var blob = (await bare.GitAsync("rev-parse", $"{tip}:README.md")).StandardOutput.Trim();
        var loose = Path.Combine(bare.Path, "objects", blob[..2], blob[2..]);
        File.Exists(loose).ShouldBeTrue("the pushed blob is a loose object");
        File.SetAttributes(loose, FileAttributes.Normal);
        await File.WriteAllTextAsync(loose, "not a zlib stream");

        using var reader = GitRepositories.Open(bare.Path, new Dictionary<string, string?>());
        var failure = Should.Throw<GitReadException>(() => reader.Files(tip, ["README.md"]).Find("README.md")?.Content);
        failure.Message.ShouldContain("'git fsck' in the repository");
    }

    [Test]
    public async Task A_failed_git_command_names_the_command_past_its_options_and_what_to_do()
    {
        var git = new GitCommandLine(bare.Path, new Dictionary<string, string?>(), ["-c", "core.splitIndex=true"]);

        var failure = await Should.ThrowAsync<GitCommandException>(() => git.RunAsync(["-c", "color.ui=never", "no-such-command"], CancellationToken.None));

        failure.Message.ShouldStartWith($"git no-such-command failed in {bare.Path} (exit 1): ");
        failure.Message.ShouldContain($"'git status' in {bare.Path} shows the clone's state");
    }
}
