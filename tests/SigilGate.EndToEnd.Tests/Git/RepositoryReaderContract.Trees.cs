using SigilGate.Domain.Trees;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>Trees: snapshots, differences, folders and looked-up files.</summary>
public abstract partial class RepositoryReaderContract
{
    [Test]
    public async Task A_snapshot_holds_every_file_at_any_depth_with_its_content_and_mode()
    {
        var sha = History.Commit("main", "files",
            ("top.yaml", "top\n"), ("a/b/c/deep.yaml", "deep\n"), TreeChange.Executable("run.sh", "echo\n"), TreeChange.Link("link", "top.yaml"));

        using var reader = await Open();
        var snapshot = reader.Snapshot(sha);

        snapshot.Files.Select(f => f.Path).ShouldBe(["top.yaml", "a/b/c/deep.yaml", "run.sh", "link"], ignoreOrder: true);
        Text(snapshot.Find("a/b/c/deep.yaml")!).ShouldBe("deep\n");
        snapshot.Find("top.yaml")!.Mode.ShouldBe(TreeFileMode.Regular);
        snapshot.Find("run.sh")!.Mode.ShouldBe(TreeFileMode.Executable);
        snapshot.Find("link")!.Mode.ShouldBe(TreeFileMode.Symlink);
        Text(snapshot.Find("link")!).ShouldBe("top.yaml");
    }

    [Test]
    public async Task A_commit_of_an_empty_tree_has_an_empty_snapshot_and_nothing_changed_from_the_empty_tree()
    {
        var empty = History.Commit("main", "nothing yet");

        using var reader = await Open();

        reader.Snapshot(empty).Count.ShouldBe(0);
        reader.ChangedPaths(null, empty).ShouldBeEmpty();
        ShouldBeEmpty(reader.ListFolder(empty, ""));
    }

    [Test]
    public async Task A_file_has_git_s_blob_id_the_same_content_has_the_same_id_and_other_content_another()
    {
        var sha = History.Commit("main", "files", ("a.yaml", "same\n"), ("b/c.yaml", "same\n"), ("d.yaml", "other\n"));

        using var reader = await Open();
        var files = reader.Files(sha, ["a.yaml", "b/c.yaml", "d.yaml"]);

        // git hash-object of "same\n".
        files.Find("a.yaml")!.ObjectId.ShouldBe("1275430f1765c63e539cb0452565563bd6aef6a6");
        files.Find("b/c.yaml")!.ObjectId.ShouldBe(files.Find("a.yaml")!.ObjectId);
        files.Find("d.yaml")!.ObjectId.ShouldNotBe(files.Find("a.yaml")!.ObjectId);
    }

    [Test]
    public async Task A_file_known_by_its_blob_id_reads_that_blobs_content_and_keeps_the_mode_and_path_given()
    {
        var sha = History.Commit("main", "files", ("a/known.yaml", "known\n"), TreeChange.Executable("run.sh", "echo\n"));

        using var reader = await Open();
        var listed = reader.Files(sha, ["a/known.yaml", "run.sh"]);
        var file = reader.FileOf("elsewhere/known.yaml", TreeFileMode.Regular, listed.Find("a/known.yaml")!.ObjectId);
        var script = reader.FileOf("run.sh", TreeFileMode.Executable, listed.Find("run.sh")!.ObjectId);

        (file.Path, file.Mode, file.ObjectId).ShouldBe(("elsewhere/known.yaml", TreeFileMode.Regular, listed.Find("a/known.yaml")!.ObjectId));
        Text(file).ShouldBe("known\n");
        (script.Mode, Text(script)).ShouldBe((TreeFileMode.Executable, "echo\n"));
        Should.Throw<GitReadException>(() => reader.FileOf("missing.yaml", TreeFileMode.Regular, "0123456789abcdef0123456789abcdef01234567").Content);
    }

    [Test]
    public async Task Changed_paths_are_the_additions_changes_deletions_and_mode_changes_sorted_by_path()
    {
        var before = History.Commit("main", "before", ("keep.yaml", "k"), ("edit.yaml", "1"), ("gone/x.yaml", "x"), ("mode.sh", "echo\n"), TreeChange.Link("link", "keep.yaml"));
        var after = History.Commit("main", "after",
            ("edit.yaml", "2"), ("gone/x.yaml", null), ("new/y.yaml", "y"), TreeChange.Executable("mode.sh", "echo\n"), TreeChange.Link("link", "edit.yaml"));

        using var reader = await Open();

        reader.ChangedPaths(before, after).ShouldBe(["edit.yaml", "gone/x.yaml", "link", "mode.sh", "new/y.yaml"]);
        reader.ChangedPaths(after, before).ShouldBe(["edit.yaml", "gone/x.yaml", "link", "mode.sh", "new/y.yaml"]);
    }

    [Test]
    public async Task Changed_paths_from_the_empty_tree_are_every_file_of_the_commit()
    {
        History.Commit("main", "first", ("a.yaml", "1"));
        var second = History.Commit("main", "second", ("b/c.yaml", "2"), ("a.yaml", null));

        using var reader = await Open();

        reader.ChangedPaths(null, second).ShouldBe(["b/c.yaml"]);
        reader.AddedPaths(null, second).ShouldBe(["b/c.yaml"], ignoreOrder: true);
    }

    [Test]
    public async Task A_commit_that_changes_nothing_has_no_changed_paths()
    {
        var first = History.Commit("main", "first", ("a.yaml", "1"));
        var again = History.Commit("main", "the same tree");

        using var reader = await Open();

        reader.ChangedPaths(first, again).ShouldBeEmpty();
        reader.AddedPaths(first, again).ShouldBeEmpty();
    }

    [Test]
    public async Task A_file_that_becomes_a_folder_is_removed_and_the_folder_s_files_added()
    {
        var before = History.Commit("main", "a file", ("thing", "a file\n"), ("stays.yaml", "s"));
        var after = History.Commit("main", "a folder", ("thing", null), ("thing/inner.yaml", "in a folder\n"));

        using var reader = await Open();

        reader.ChangedPaths(before, after).ShouldBe(["thing", "thing/inner.yaml"]);
        reader.AddedPaths(before, after).ShouldBe(["thing/inner.yaml"], ignoreOrder: true);
    }

    [Test]
    public async Task Added_paths_are_the_files_the_old_tree_lacks_not_those_it_holds_otherwise()
    {
        var before = History.Commit("main", "before", ("a.yaml", "1"), ("gone.yaml", "g"));
        var after = History.Commit("main", "after", ("a.yaml", "2"), ("gone.yaml", null), ("b/new.yaml", "n"), ("c.yaml", "c"));

        using var reader = await Open();

        reader.AddedPaths(before, after).ShouldBe(["b/new.yaml", "c.yaml"], ignoreOrder: true);
    }

    [Test]
    public async Task A_deleted_file_is_in_the_trees_before_its_deletion_and_missing_after()
    {
        var before = History.Commit("main", "before", ("a.yaml", "1"), ("b.yaml", "2"));
        var after = History.Commit("main", "delete a", ("a.yaml", null));

        using var reader = await Open();

        reader.Files(before, ["a.yaml"]).Count.ShouldBe(1);
        reader.Files(after, ["a.yaml"]).Count.ShouldBe(0);
        reader.Snapshot(after).Files.Select(f => f.Path).ShouldBe(["b.yaml"]);
        reader.ChangedPaths(before, after).ShouldBe(["a.yaml"]);
    }

    [Test]
    public async Task A_merge_s_changed_paths_against_each_parent_are_what_it_differs_from_that_parent_in()
    {
        var start = History.Commit("main", "start", ("a.yaml", "a0"), ("b.yaml", "b0"));
        var side = History.CommitOn([start], "side", ("b.yaml", "b1"));
        var main1 = History.Commit("main", "main", ("a.yaml", "a1"));
        var merge = History.Merge("main", side, "merge", ("b.yaml", "b1"), ("m.yaml", "made by the merge"));

        using var reader = await Open();

        reader.ChangedPaths(main1, merge).ShouldBe(["b.yaml", "m.yaml"]);
        reader.ChangedPaths(side, merge).ShouldBe(["a.yaml", "m.yaml"]);
    }

    [Test]
    public async Task A_folder_lists_its_files_and_its_subfolders_full_paths_and_the_root_is_the_empty_name()
    {
        var sha = History.Commit("main", "files", ("top.yaml", "t"), ("nodes/entry/e-1.yaml", "1"), ("nodes/entry/e-2.yaml", "2"), ("nodes/core/c-1.yaml", "c"), ("nodes/readme", "r"));

        using var reader = await Open();
        var root = reader.ListFolder(sha, "");
        var nodes = reader.ListFolder(sha, "nodes");
        var entries = reader.ListFolder(sha, "nodes/entry");

        root.Files.Select(f => f.Path).ShouldBe(["top.yaml"]);
        root.Folders.ShouldBe(["nodes"]);
        nodes.Files.Select(f => f.Path).ShouldBe(["nodes/readme"]);
        nodes.Folders.ShouldBe(["nodes/core", "nodes/entry"], ignoreOrder: true);
        entries.Files.Select(f => f.Path).ShouldBe(["nodes/entry/e-1.yaml", "nodes/entry/e-2.yaml"], ignoreOrder: true);
        entries.Folders.ShouldBeEmpty();
        Text(entries.Files.Single(f => f.Path.EndsWith("e-2.yaml", StringComparison.Ordinal))).ShouldBe("2");
    }

    [Test]
    public async Task A_folder_that_is_missing_or_is_a_file_lists_nothing()
    {
        var sha = History.Commit("main", "files", ("a/b.yaml", "1"));

        using var reader = await Open();

        ShouldBeEmpty(reader.ListFolder(sha, "missing"));
        ShouldBeEmpty(reader.ListFolder(sha, "a/b.yaml"));
        ShouldBeEmpty(reader.ListFolder(sha, "a/missing/deeper"));
    }

    [Test]
    public async Task Looked_up_files_leave_out_missing_paths_and_folders_and_name_each_file_once()
    {
        var sha = History.Commit("main", "files", ("a/b.yaml", "1"), ("c.yaml", "2"));

        using var reader = await Open();
        var files = reader.Files(sha, ["c.yaml", "missing.yaml", "a", "a/b.yaml", "a/missing/x.yaml", "c.yaml", "c.yaml/below"]);

        files.Files.Select(f => f.Path).ShouldBe(["c.yaml", "a/b.yaml"], ignoreOrder: true);
        Text(files.Find("a/b.yaml")!).ShouldBe("1");
    }

    [Test]
    public async Task A_note_marks_only_the_commit_it_was_added_to()
    {
        var first = History.Commit("main", "first", ("a.yaml", "1"));
        var second = History.Commit("main", "second", ("a.yaml", "2"));

        using var reader = await Open();
        Notes.HasNote(first).ShouldBeFalse();
        Notes.AddNote(first, "applied at revision 7");

        Notes.HasNote(first).ShouldBeTrue();
        Notes.HasNote(second).ShouldBeFalse();
    }

    private static void ShouldBeEmpty(FolderListing listing)
    {
        listing.Files.ShouldBeEmpty();
        listing.Folders.ShouldBeEmpty();
    }
}
