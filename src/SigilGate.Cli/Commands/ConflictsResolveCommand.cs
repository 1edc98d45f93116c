using SigilGate.Domain.Access;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Conflicts;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil conflicts resolve</c>: a person's decision about a record's kept losers, committed and pushed through the hooks.</summary>
internal static class ConflictsResolveCommand
{
    private const string KeepWinner = "--keep-winner";
    private const string TakeLoser = "--take-loser";

    public static async Task<ExitCode> RunAsync(CommandRun run, IReadOnlyList<string> args)
    {
        var parsed = Arguments.Parse(args, ["--repo", "--loser", "--identity"], [KeepWinner, TakeLoser], positional: 1);
        var (repo, settings) = RepositoryOption.Read(run, parsed);
        var path = parsed.Positional is [var one] ? one : throw new ArgumentException("resolve takes one PATH, such as state/core-1/entries/e-2.yaml");
        var choice = (parsed.Flag(KeepWinner), parsed.Flag(TakeLoser)) switch
        {
            (true, false) => ResolutionChoice.KeepWinner,
            (false, true) => ResolutionChoice.TakeLoser,
            _ => throw new ArgumentException($"resolve takes exactly one of {KeepWinner} and {TakeLoser}"),
        };
        var loser = parsed.Value("--loser");
        if (loser is not null && !ConflictResolution.IsLoserId(loser)) throw new ArgumentException($"--loser takes the 16 hex digits that end a kept loser's key, got '{loser}'");
        var identity = Identity(parsed, run, settings.Sigil.IdentityVariable);

        var (repository, committer) = GitRepositories.OpenForDecisions(repo, settings.Sigil.Branch, settings.Sigil.IdentityVariable);
        using var _ = repository;
        await using var store = EtcdStoreFactory.Create(settings.Etcd);
        var resolver = new ConflictResolver(repository, committer, store, new KeyLayout(settings.Sigil.Prefix), settings.Sigil.Branch, TimeProvider.System);
        var result = await resolver.ResolveAsync(path, choice, loser, identity).ConfigureAwait(false);
        return Report(result, settings.Sigil.Branch, identity, run);
    }

    private static string Identity(Arguments parsed, CommandRun run, string identityVariable)
    {
        if (parsed.Value("--identity") is { } named)
        {
            return Checked(named.Trim(), "--identity");
        }

        return Checked(
            IdentitySources.Resolve(run.Environment, identityVariable)
                ?? throw new ArgumentException($"who decides? pass --identity ID or set {identityVariable} (the policy in sigil.yaml decides whether ID may change the record)"),
            identityVariable);
    }

    // The identity goes into the commit's author and trailers: one word, no line breaks.
    private static string Checked(string identity, string source) =>
        identity.Length > 0 && !identity.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? identity
            : throw new ArgumentException($"{source} must be one word without spaces or control characters, got '{Domain.Yaml.MessageText.OneLine(identity)}'");

    private static ExitCode Report(ResolutionResult result, string branch, string identity, CommandRun run)
    {
        var reporter = run.Reporter;
        var commit = result.CommitSha[..7];
        if (!result.Recorded)
        {
            foreach (var line in ServerLines.OfHooks(result.Outcome.Messages)) reporter.Line(line);
            reporter.Line(result.Outcome.Status == PushStatus.Rejected
                ? $"error: the decision was not recorded: other pushes to {branch} kept landing first; nothing changed, run it again"
                : $"error: the decision was not recorded: the push of {commit} to {branch} as {identity} was refused (above); nothing changed");
            return ExitCode.Error;
        }

        foreach (var line in result.Plan.Summary) run.Output.WriteLine(line);
        foreach (var resolution in result.Plan.Resolutions)
        {
            run.Output.WriteLine($"{(resolution.Choice == ResolutionChoice.KeepWinner ? "discarded" : "took")} the kept loser {resolution.LoserId} of {resolution.Record.Path}");
        }

        run.Output.WriteLine($"recorded as commit {commit} on {branch} by {identity}");
        if (result.Applied) return ExitCode.Ok;

        foreach (var line in ServerLines.OfHooks(result.Outcome.Messages)) reporter.Line(line);
        reporter.Line($"error: the decision is recorded in Git, but etcd has not applied it yet (still kept: {string.Join(", ", result.StillKept)}): 'sigil apply --repo BARE' applies it; do not resolve again");
        return ExitCode.Error;
    }
}
