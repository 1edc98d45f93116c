namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>Ref updates refused whatever the content: rewriting or deleting the protected branch, pushing without an identity, forging the apply receipts.</summary>
internal static class RefCases
{
    public static IEnumerable<HostileCase> All()
    {
        yield return new("a force push replacing the base", async clone =>
            {
                clone.Write("nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\n");
                await clone.GitAsync("add", "-A");
                (await clone.GitAsync("commit", "--quiet", "--amend", "-m", "rewritten history")).ExitCode.ShouldBe(0);
                return ["--force", "HEAD:refs/heads/main"];
            },
            ["sigil: error: refs/heads/main: force push rejected: {base} is not an ancestor of {pushed} (pull, rebase, and push again)", CraftedCases.Rejected(1)],
            Identity: "root");
        yield return new("a deletion of the protected branch", _ => Task.FromResult<string[]>([":refs/heads/main"]),
            ["sigil: error: refs/heads/main: deleting the protected branch is not allowed", CraftedCases.Rejected(1)],
            Identity: "root");
        yield return new("a push without any identity", async clone =>
            {
                clone.Write("nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\n");
                await clone.CommitAllAsync("anonymous");
                return [];
            },
            ["sigil: error: no identity: set SIGIL_IDENTITY (or GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER)", CraftedCases.Rejected(1)],
            Identity: null);
        yield return new("a forged apply receipt in refs/notes/sigil", async clone =>
            {
                (await clone.GitAsync("notes", "--ref=sigil", "add", "-f", "-m", "etcd-revision: 1\nput: 0\ndeleted: 0", "HEAD")).ExitCode.ShouldBe(0);
                return ["--force", "refs/notes/sigil:refs/notes/sigil"];
            },
            ["sigil: error: refs/notes/sigil: apply receipts are written by the server only; this ref cannot be pushed", CraftedCases.Rejected(1)],
            Identity: "root");
    }
}
