using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Conflicts;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil conflicts list|show|resolve</c>: the kept conflict losers, read from etcd, and a person's decision about them.</summary>
internal static class ConflictsCommand
{
    public const string Help = """
        usage: sigil conflicts list --repo BARE [--json]
               sigil conflicts show --repo BARE PATH
               sigil conflicts resolve --repo BARE PATH (--keep-winner | --take-loser) [--loser ID] [--identity ID]

        list   every kept conflict loser (under <prefix>/.sigil/conflicts/), by area: a Core node's
               state/<core>/ or git for the records Git owns; per loser its record, age, the loser's
               and the winner's writer, where the loser came from and its key.
               --json: one JSON document on standard output instead, "schema": 1 first (see docs/conflicts.md)
               Exit: 0 none, 1 some, 2 error.
        show   every kept loser of one record (PATH such as state/core-1/entries/e-2.yaml): both
               versions with their vectors, writers and times, where the loser came from, and a line
               diff of the kept value (-) against what etcd holds now at the data key (+).
               Exit: 0 shown, 2 error (also when PATH has no kept conflict).

        resolve records a decision about PATH's kept losers as a commit on the protected branch, pushed
               through the repository's own hooks as identity ID: the policy decides whether ID may change
               PATH, and the apply writes the record and removes the losers from etcd.
               --keep-winner  the record stays as etcd holds it (Git is brought to it); the losers go
               --take-loser   the kept loser becomes the record; the version it lost to goes
               --loser ID     the loser decided about (the 16 hex digits ending its key; required
                              with --take-loser when PATH has several)
               --identity ID  who decides (default: SIGIL_IDENTITY or the server's variables, as the hooks read)
               Exit: 0 recorded and applied, 2 error (refused by the hooks, not applied, no kept conflict).

        list and show change nothing: see docs/conflicts.md.
        """;

    private static readonly string[] Subcommands = ["list", "show", "resolve"];

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Conflicts, Help, args, output, new Reporter(error), environment, async run =>
        {
            var verb = args.Count > 0 ? args[0] : throw new ArgumentException("a subcommand is required: list, show or resolve");

            // Before its options: 'conflicts lsit --json' is a mistyped subcommand, not an unknown option.
            if (!Subcommands.Contains(verb)) throw new ArgumentException(UnknownSubcommand(verb));
            if (verb == "resolve") return await ConflictsResolveCommand.RunAsync(run, args.Skip(1).ToList()).ConfigureAwait(false);
            var parsed = Arguments.Parse(args.Skip(1).ToList(), ["--repo"], verb == "list" ? ["--json"] : [], positional: verb == "show" ? 1 : 0);
            var repo = parsed.RequiredPath("--repo");
            var lines = verb == "list"
                ? await ListAsync(run, repo, parsed).ConfigureAwait(false)
                : await ShowAsync(run, repo, parsed).ConfigureAwait(false);

            foreach (var line in lines.Lines) await run.Output.WriteLineAsync(line).ConfigureAwait(false);
            return lines.Code;
        });

    /// <summary>A mistyped subcommand names the one most likely meant (<c>lsit</c>: <c>list</c>), as sigil's verbs do.</summary>
    private static string UnknownSubcommand(string verb) => NearestName.Find(verb, Subcommands) is { } nearest
        ? $"unknown subcommand '{verb}' (did you mean '{nearest}'?)"
        : $"unknown subcommand '{verb}' (known: {string.Join(", ", Subcommands)})";

    private static async Task<(IEnumerable<string> Lines, ExitCode Code)> ListAsync(CommandRun run, string repo, Arguments parsed)
    {
        parsed.RejectPositional();
        var kept = await ReadAsync(run, repo, reader => reader.ListAsync()).ConfigureAwait(false);
        var now = TimeProvider.System.GetUtcNow();
        var lines = parsed.Flag("--json") ? [ConflictJson.List(kept, now)] : ConflictText.List(kept, now);
        return (lines, kept.Count == 0 ? ExitCode.Ok : ExitCode.Rejected);
    }

    private static async Task<(IEnumerable<string> Lines, ExitCode Code)> ShowAsync(CommandRun run, string repo, Arguments parsed)
    {
        var path = parsed.Positional is [var one] ? one : throw new ArgumentException("show takes one PATH, such as state/core-1/entries/e-2.yaml");
        var detail = await ReadAsync(run, repo, reader => reader.ShowAsync(path)).ConfigureAwait(false);
        return (ConflictText.Show(detail, TimeProvider.System.GetUtcNow()), ExitCode.Ok);
    }

    private static async Task<T> ReadAsync<T>(CommandRun run, string repo, Func<ConflictReader, Task<T>> read)
    {
        // The repository names the network (its sigil.json); opening it first says plainly when it is not one.
        GitRepositories.Open(repo, new Dictionary<string, string?>()).Dispose();

        var settings = run.Settings(repo);
        await using var store = EtcdStoreFactory.Create(settings.Etcd);
        return await read(new ConflictReader(store, new KeyLayout(settings.Sigil.Prefix))).ConfigureAwait(false);
    }
}
