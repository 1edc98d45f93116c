using SigilGate.Git;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Gate;

namespace SigilGate.Cli.Commands;

/// <summary>The pre-commit client hook: the server's validation, on the staged tree (judged by what changed since the last one that validated, <see cref="StagedGate"/>).</summary>
public static class PreCommitCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.PreCommit, HelpText.PreCommit, args, error, new Reporter(error), environment, run =>
        {
            run.Parse([], []);
            using var staged = StagedTree.Open(environment.GetValueOrDefault("GIT_DIR") ?? Directory.GetCurrentDirectory(), environment.GetValueOrDefault("GIT_INDEX_FILE"));
            var result = new StagedGate(GitRepositories.ValidatedTrees(staged.GitDirectory)).Check(staged.Tree);
            if (result.IsValid) return Task.FromResult(ExitCode.Ok);
            run.Reporter.Errors(result.Diagnostics, "commit rejected");
            return Task.FromResult(ExitCode.Rejected);
        });
}
