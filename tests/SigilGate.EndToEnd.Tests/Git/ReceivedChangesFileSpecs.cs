using System.Text;
using SigilGate.Domain.Trees;
using SigilGate.Git;
using SigilGate.Testing.Git;
using SigilGate.Workflows.Handover;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// The file in which pre-receive leaves post-receive what an update changes: read back only for
/// exactly the update it names and only whole and intact; anything else is no file at all.
/// </summary>
public class ReceivedChangesFileSpecs
{
    private const string Old = "1111111111111111111111111111111111111111";
    private const string New = "2222222222222222222222222222222222222222";
    private string directory = "";

    private string FilePath => Path.Combine(directory, "sigil-received-changes");

    private IReceivedChangesStore Store => GitRepositories.ReceivedChanges(directory);

    private static ReceivedChanges Changes(string path = "nodes/entry/e-1.yaml") => new(Old, New,
    [
        new ReceivedEntry(path, true, new KnownFile(TreeFileMode.Regular, "8a3f2d20d14b003bd84635cb9e64bc3d9754bed9"), new KnownFile(TreeFileMode.Executable, "88b687706221c4ce3a654bd965e0d549e2ab84a1")),
        new ReceivedEntry(".sigil/versions/nodes/entry/e-1.yaml", false, null, null),
        new ReceivedEntry("nodes/entry/e-2.yaml", true, new KnownFile(TreeFileMode.Symlink, "3333333333333333333333333333333333333333"), null),
    ]);

    [SetUp]
    public void EmptyDirectory() => directory = TempDirectories.Create("sigil-handover-");

    [TearDown]
    public void RemoveDirectory() => TempDirectories.Delete(directory);

    [Test]
    public void Saved_changes_read_back_whole_for_exactly_their_update()
    {
        Store.Save(Changes());

        var loaded = Store.Load(Old, New).ShouldNotBeNull();

        loaded.Entries.ShouldBe(Changes().Entries);
        loaded.ChangedPaths.ShouldBe(["nodes/entry/e-1.yaml", "nodes/entry/e-2.yaml"]);
    }

    [Test]
    public void Nothing_is_read_when_the_file_is_missing() => Store.Load(Old, New).ShouldBeNull();

    [TestCase(New, Old)]
    [TestCase(Old, "4444444444444444444444444444444444444444")]
    [TestCase("4444444444444444444444444444444444444444", New)]
    public void Nothing_is_read_for_another_update(string oldSha, string newSha)
    {
        Store.Save(Changes());

        Store.Load(oldSha, newSha).ShouldBeNull();
    }

    [Test]
    public void Nothing_is_read_from_garbage()
    {
        File.WriteAllText(FilePath, "not a handover\n");

        Store.Load(Old, New).ShouldBeNull();
    }

    [Test]
    public void Nothing_is_read_from_a_file_cut_short_anywhere()
    {
        Store.Save(Changes());
        var whole = File.ReadAllBytes(FilePath);

        for (var length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(FilePath, whole[..length]);
            Store.Load(Old, New).ShouldBeNull($"cut at {length} of {whole.Length} bytes");
        }
    }

    [Test]
    public void Nothing_is_read_when_an_edit_breaks_the_checksum()
    {
        Store.Save(Changes());
        var text = File.ReadAllText(FilePath);

        File.WriteAllText(FilePath, text.Replace("regular 8a3f2d20", "regular 88b68770", StringComparison.Ordinal));

        text.ShouldContain("regular 8a3f2d20");
        Store.Load(Old, New).ShouldBeNull();
    }

    [Test]
    public void Changes_naming_a_path_with_a_line_break_are_not_kept()
    {
        Store.Save(Changes("nodes/entry/odd\nname.yaml"));

        File.Exists(FilePath).ShouldBeFalse();
        Store.Load(Old, New).ShouldBeNull();
    }

    [Test]
    public void A_save_replaces_the_changes_kept_before()
    {
        Store.Save(Changes());
        Store.Save(Changes() with { Old = New, New = Old });

        Store.Load(Old, New).ShouldBeNull();
        Store.Load(New, Old).ShouldNotBeNull();
        Encoding.UTF8.GetString(File.ReadAllBytes(FilePath)).ShouldStartWith($"sigil received changes 1\nold {New}\n");
        Directory.GetFiles(directory).ShouldBe([FilePath]);
    }
}
