namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// GitLab runs the hooks with GL_ID, GL_USERNAME, GL_PROTOCOL and GL_REPOSITORY set, and its web UI
/// shows only the hook lines prefixed <c>GL-HOOK-ERR: </c>. A local push hands the pusher's
/// environment to the hooks, so it plays GitLab's.
/// </summary>
public class GitLabMessageSpecs : HookedRepository
{
    private const string Expected = "nodes/entry/e-1.yaml: identity core-1 may only change state/core-1/";

    [SetUp]
    public async Task PushTheBaseAndAnEditOutsideCore1sArea()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        await Clone.CommitAllAsync("core-1 edits an entry's desired config");
    }

    [Test]
    public async Task Under_GitLab_each_rejection_line_arrives_plain_and_with_GitLabs_prefix()
    {
        var push = await PushAsync(("GL_ID", "user-1"), ("GL_USERNAME", "core-1"), ("GL_PROTOCOL", "web"), ("GL_REPOSITORY", "project-1"));

        push.ExitCode.ShouldNotBe(0, push.ToString());
        var lines = RemoteLines(push);
        lines.ShouldContain("remote: sigil: error: " + Expected, push.ToString());
        lines.ShouldContain("remote: GL-HOOK-ERR: sigil: error: " + Expected, push.ToString());
        lines.ShouldContain("remote: sigil: push rejected: 1 error");
        lines.ShouldContain("remote: GL-HOOK-ERR: sigil: push rejected: 1 error");
    }

    [Test]
    public async Task Without_GitLabs_variables_no_line_carries_GitLabs_prefix()
    {
        var push = await PushAsync(("SIGIL_IDENTITY", "core-1"));

        push.ExitCode.ShouldNotBe(0, push.ToString());
        RemoteLines(push).ShouldContain("remote: sigil: error: " + Expected, push.ToString());
        push.StandardError.ShouldNotContain("GL-HOOK-ERR");
    }

    private Task<ProcessResult> PushAsync(params (string Name, string? Value)[] environment) =>
        Processes.RunAsync("git", ["push", "origin", "HEAD:refs/heads/main"], Clone.Path, Clone.Environment.With(environment));

    private static string[] RemoteLines(ProcessResult push) => push.StandardError.Split('\n').Select(l => l.TrimEnd()).ToArray();
}
