using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// Apply receipts live in <c>refs/notes/sigil</c>, one per applied commit, for as long as the
/// repository lives. Past a few hundred, they are kept under two-digit fan-out folders, so the top
/// of the notes tree, which every apply reads and writes, stops growing; git reads them all.
/// </summary>
public sealed class ApplyReceiptNoteSpecs
{
    private GitEnvironment environment = null!;
    private BareRepository bare = null!;
    private string first = "", second = "";

    [SetUp]
    public async Task TwoCommitsAsync()
    {
        environment = new GitEnvironment();
        bare = await BareRepository.CreateAsync(environment, "http://127.0.0.1:1", withHooks: false);
        using var clone = await Clone.OfAsync(bare);
        clone.Write("README.md", "one\n");
        first = await clone.CommitAllAsync("first");
        clone.Write("README.md", "two\n");
        second = await clone.CommitAllAsync("second");
        (await clone.PushAsync("root")).ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void Remove()
    {
        bare.Dispose();
        environment.Dispose();
    }

    // Receipts of commits this repository does not hold: git notes may name any object id.
    private static string OtherCommit(int i) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture))));

    private void AddNotes(IEnumerable<(string Sha, string Text)> notes)
    {
        var (reader, writer) = GitRepositories.OpenForWriting(bare.Path);
        using (reader)
        {
            foreach (var (sha, text) in notes) writer.AddNote(sha, text);
        }
    }

    private async Task<string[]> LinesAsync(params string[] arguments) =>
        (await bare.GitAsync(arguments)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task A_few_receipts_sit_at_the_top_of_the_notes_tree()
    {
        AddNotes([(first, "a\n"), (second, "b\n")]);

        (await LinesAsync("ls-tree", "--name-only", "refs/notes/sigil")).Order(StringComparer.Ordinal).ShouldBe(new[] { first, second }.Order(StringComparer.Ordinal));
        (await bare.GitAsync("notes", "--ref=sigil", "show", second)).StandardOutput.ShouldBe("b\n");
    }

    [Test]
    public async Task Many_receipts_move_into_fan_out_folders_and_every_one_stays_readable()
    {
        AddNotes(Enumerable.Range(0, 700).Select(i => (OtherCommit(i), $"receipt {i}\n")).Append((first, "of the first\n")));

        var top = await LinesAsync("ls-tree", "refs/notes/sigil");
        await TestContext.Out.WriteLineAsync($"top of the notes tree: {top.Length} entries, {top.Count(e => e.Contains(" tree ", StringComparison.Ordinal))} folders");
        top.Length.ShouldBeLessThanOrEqualTo(512);
        top.Count(e => e.Contains(" tree ", StringComparison.Ordinal)).ShouldBeGreaterThan(200);
        (await LinesAsync("notes", "--ref=sigil", "list")).Length.ShouldBe(701);
        (await bare.GitAsync("notes", "--ref=sigil", "show", first)).StandardOutput.ShouldBe("of the first\n");
        (await bare.GitAsync("notes", "--ref=sigil", "show", OtherCommit(3))).StandardOutput.ShouldBe("receipt 3\n");
        var (reader, writer) = GitRepositories.OpenForWriting(bare.Path);
        using (reader) writer.HasNote(first).ShouldBeTrue();
    }

    [Test]
    public async Task A_receipt_replaced_after_the_move_is_one_note_not_two()
    {
        AddNotes(Enumerable.Range(0, 600).Select(i => (OtherCommit(i), $"receipt {i}\n")).Append((second, "old\n")));

        AddNotes([(second, "new\n")]);

        (await bare.GitAsync("notes", "--ref=sigil", "show", second)).StandardOutput.ShouldBe("new\n");
        (await LinesAsync("notes", "--ref=sigil", "list")).Length.ShouldBe(601);
    }
}
