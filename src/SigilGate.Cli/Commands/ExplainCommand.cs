using SigilGate.Domain.Access;
using SigilGate.Git;
using SigilGate.Workflows.Explain;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil explain --repo BARE --identity ID [--json] PATH...</c>: what pre-receive would decide for each path, and why.</summary>
internal static class ExplainCommand
{
    public const string Help = """
        usage: sigil explain --repo BARE --identity ID [--json] PATH...

        For each PATH, prints whether identity ID may change it and the rule that decided, read from
        sigil.yaml and nodes/core/ at the protected branch's current tip: the same decision pre-receive
        makes for a push. For example:
          nodes/entry/e-7.yaml: allowed: alice is an operator (sigil.yaml: operators, line 4)
          sigil.yaml: denied: only roots may change sigil.yaml (alice is an operator, sigil.yaml: operators, line 4)

          --identity ID   the identity to ask about (as SIGIL_IDENTITY or the Git server would set it)
          --json          one JSON document on standard output instead, "schema": 1 first (see docs/commands.md)

        PATH is a file's path in the repository (a leading ./ is ignored); a path no push can hold
        (absolute, with '..', '.', '.git' or an empty component) is an error, and nothing is explained.

        Exit: 0 all allowed, 1 some denied, 2 error (a path no push can hold, no such repository, no branch,
        no valid sigil.yaml at its tip).
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Explain, Help, args, output, new Reporter(error), environment, async run =>
        {
            var parsed = run.Parse(["--repo", "--identity"], ["--json"], positional: int.MaxValue);
            var repo = parsed.RequiredPath("--repo");
            var identity = parsed.Required("--identity").Trim();
            if (identity.Length == 0) throw new ArgumentException("--identity must not be empty");
            if (parsed.Positional.Count == 0) throw new ArgumentException("at least one PATH is required");

            var refused = AccessExplainer.RefusedPaths(parsed.Positional);
            if (refused.Count > 0)
            {
                foreach (var path in refused) run.Reporter.Error(path);
                return ExitCode.Error;
            }

            var settings = run.Settings(repo);
            using var repository = GitRepositories.Open(repo, new Dictionary<string, string?>());
            var explanation = new AccessExplainer(repository, settings.Sigil.Branch).Explain(identity, parsed.Positional);

            var lines = parsed.Flag("--json") ? [AccessJson.Write(explanation)] : AccessText.Lines(explanation);
            foreach (var line in lines) await run.Output.WriteLineAsync(line).ConfigureAwait(false);
            return explanation.AllAllowed ? ExitCode.Ok : ExitCode.Rejected;
        });
}
