namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// Tree entries a working tree rarely holds, crafted with plumbing: symbolic links and submodules
/// where records belong, executable records, names git itself refuses to check out (<c>..</c>,
/// <c>.git</c>), names that differ only in case, and names carrying control characters.
/// </summary>
internal static class TreeEntryCases
{
    private const string Record = "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\n";

    public static IEnumerable<HostileCase> All()
    {
        yield return Entry("a symbolic link at a record path", "nodes/entry/e-3.yaml", Plumbing.Symlink, "../core/core-1.yaml",
            "sigil: error: nodes/entry/e-3.yaml: must be a regular file, not a symbolic link");
        yield return Entry("a symbolic link out of the repository at a record path", "state/core-1/entries/e-10.yaml", Plumbing.Symlink, "/etc/passwd",
            "sigil: error: state/core-1/entries/e-10.yaml: must be a regular file, not a symbolic link");
        yield return Entry("a symbolic link as the policy", "sigil.yaml", Plumbing.Symlink, "/etc/sigil/sigil.yaml",
            "sigil: error: sigil.yaml: must be a regular file, not a symbolic link", identity: "root");
        yield return Entry("a symbolic link as a version file", ".sigil/versions/nodes/entry/e-1.yaml", Plumbing.Symlink, "../../../../nodes/entry/e-1.yaml",
            "sigil: error: .sigil/versions/nodes/entry/e-1.yaml: must be a regular file, not a symbolic link");
        yield return Gitlink("a submodule at a record path", "nodes/entry/e-3.yaml",
            "sigil: error: nodes/entry/e-3.yaml: must be a regular file, not a submodule");
        yield return Gitlink("a submodule in place of a Core node's state folder", "state/core-2",
            "sigil: error: state/core-2: not a record path: files under state/ must be state/<core-id>/entries/<entry-id>.yaml");
        yield return Gitlink("a submodule in place of the network file", "network.yaml",
            "sigil: error: network.yaml: must be a regular file, not a submodule");
        yield return Entry("an executable record", "nodes/entry/e-3.yaml", Plumbing.Executable, Record,
            "sigil: error: nodes/entry/e-3.yaml: must be a regular file, not executable (mode 100755): records are data");
        yield return Entry("an executable policy", "sigil.yaml", Plumbing.Executable, "roots: [root]\noperators: [alice]\n",
            "sigil: error: sigil.yaml: must be a regular file, not executable (mode 100755): records are data", identity: "root");
        yield return new("a '..' folder under nodes/entry", async clone => [ToMain(await Plumbing.CommitWithEntryAsync(clone, "nodes/entry/../x.yaml", Plumbing.Regular, await Plumbing.BlobAsync(clone, Record)))],
            [
                "sigil: error: nodes/entry/../x.yaml: path component '..' is not allowed (git refuses to check it out)",
                "sigil: error: nodes/entry/../x.yaml: not a record path: files under nodes/ must be nodes/core/<id>.yaml or nodes/entry/<id>.yaml",
                CraftedCases.Rejected(2),
            ]);
        yield return Entry("a '..' file outside the managed folders", "docs/..", Plumbing.Regular, "x\n",
            "sigil: error: docs/..: path component '..' is not allowed (git refuses to check it out)");
        yield return Entry("a '.git' folder holding hooks", "docs/.git/hooks/post-checkout", Plumbing.Executable, "#!/bin/sh\necho owned\n",
            "sigil: error: docs/.git/hooks/post-checkout: path component '.git' is not allowed (git refuses to check it out)");
        yield return Entry("a '.GIT' folder in another case", "docs/.GIT/config", Plumbing.Regular, "[core]\n",
            "sigil: error: docs/.GIT/config: path component '.GIT' is not allowed (git refuses to check it out)");
        yield return Entry("a record name with a newline", "nodes/entry/e-3\n.yaml", Plumbing.Regular, Record,
            "sigil: error: nodes/entry/e-3\\x0a.yaml: invalid id 'e-3\\u000a' in file name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$");
        yield return Entry("a record name with a terminal escape", "nodes/entry/\u001b[2Je-3.yaml", Plumbing.Regular, Record,
            "sigil: error: nodes/entry/\\x1b[2Je-3.yaml: invalid id '\\u001b[2Je-3' in file name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$");
        yield return Entry("a second policy differing in case", "Sigil.yaml", Plumbing.Regular, "roots: [mallory]\n",
            "sigil: error: Sigil.yaml: differs only in case from sigil.yaml (the two are one file on case-insensitive file systems)", identity: "root");
    }

    private static HostileCase Entry(string name, string path, string mode, string content, string error, string identity = "alice") =>
        new(name, async clone => [ToMain(await Plumbing.CommitWithEntryAsync(clone, path, mode, await Plumbing.BlobAsync(clone, content)))],
            [error, CraftedCases.Rejected(1)], identity);

    private static HostileCase Gitlink(string name, string path, string error) =>
        new(name, async clone => [ToMain(await Plumbing.CommitWithEntryAsync(clone, path, Plumbing.Gitlink, "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"))],
            [error, CraftedCases.Rejected(1)]);

    private static string ToMain(string commit) => commit + ":refs/heads/main";
}
