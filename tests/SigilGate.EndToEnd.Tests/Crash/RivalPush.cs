namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>
/// Another writer's push that lands on the branch just before a Core node's first push, so that
/// this push is refused as stale and the pusher has to rebase. The race is made deterministic:
/// the rival commit is staged on a side branch, and a wrapper around the real pre-receive moves
/// the branch to it when the node first pushes and lets the push go on: git's own ref update then
/// fails, as for any push that lost a race ("failed to update ref"). Later pushes go straight to
/// the real pre-receive.
/// </summary>
internal static class RivalPush
{
    /// <summary>Commits <paramref name="change"/> on the branch's current tip in <paramref name="rival"/> and stages it; returns its sha.</summary>
    /// <param name="meanwhile">A shell command run when the rival lands (for example a node agent's etcd write).</param>
    public static async Task<string> StageAsync(BareRepository bare, Clone rival, string node, string message, Action<Clone> change, string meanwhile = ":")
    {
        var pulled = await rival.GitAsync("pull", "--quiet", "--ff-only", "origin", "main");
        pulled.ExitCode.ShouldBe(0, pulled.ToString());
        change(rival);
        var sha = await rival.CommitAllAsync(message);
        var staged = await rival.PushAsync("root", "HEAD:refs/heads/rival");
        staged.ExitCode.ShouldBe(0, staged.ToString());

        var real = Path.Combine(bare.HooksDirectory, "pre-receive.real");
        File.Move(Path.Combine(bare.HooksDirectory, "pre-receive"), real);
        var wrapper = Path.Combine(bare.HooksDirectory, "pre-receive");

        // git refuses ref updates from a hook while the push is quarantined; the rival's update is
        // another writer's, so it runs without the quarantine variables.
        File.WriteAllText(wrapper, $"""
            #!/bin/sh
            if [ "$SIGIL_IDENTITY" = "{node}" ] && mkdir rival-landed 2>/dev/null; then
              env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git update-ref refs/heads/main {sha}
              {meanwhile}
              echo "a rival push landed first" >&2
              exit 0
            fi
            exec "{real}"

            """);
        (await Processes.RunAsync("chmod", ["0755", wrapper], bare.Path, bare.Environment.Variables)).ExitCode.ShouldBe(0);
        return sha;
    }
}
