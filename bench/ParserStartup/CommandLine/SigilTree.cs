using System.CommandLine;

namespace ParserStartup.CommandLine;

/// <summary>sigil's verbs and options as System.CommandLine symbols, each verb running <paramref name="run"/> once parsed.</summary>
internal static class SigilTree
{
    public static RootCommand Build(Func<ParseResult, Task<int>> run)
    {
        var root = new RootCommand("sigil: the operator's console of Sigil Gate");
        root.Subcommands.Add(Verb("validate", run, [], [new Argument<string>("DIR") { Arity = ArgumentArity.ZeroOrOne }]));
        root.Subcommands.Add(Verb("apply", run, [Repo()], []));
        root.Subcommands.Add(Verb("reconcile", run, [Repo(), Flag("--dry-run"), Flag("--force"), Flag("--allow-mass-delete")], []));
        root.Subcommands.Add(Verb("drift", run, [Repo(), Flag("--json"), Value("--metrics-file")], []));
        var conflicts = new Command("conflicts", "kept conflict losers");
        conflicts.Subcommands.Add(Verb("list", run, [Repo(), Flag("--json")], []));
        conflicts.Subcommands.Add(Verb("show", run, [Repo()], [new Argument<string>("PATH")]));
        root.Subcommands.Add(conflicts);
        root.Subcommands.Add(Verb("explain", run, [Repo(), Value("--identity", required: true)], [new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore }]));
        root.Subcommands.Add(Verb("push", run, [Value("--node", required: true), Value("--workdir", required: true), Flag("--dry-run"), Flag("--json"), Value("--metrics-file")], []));
        root.Subcommands.Add(Verb("version", run, [], []));
        return root;
    }

    private static Command Verb(string name, Func<ParseResult, Task<int>> run, Option[] options, Argument[] arguments)
    {
        var command = new Command(name, name);
        foreach (var option in options) command.Options.Add(option);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        command.SetAction((parse, cancellation) => run(parse));
        return command;
    }

    private static Option<string> Repo() => Value("--repo", required: true);

    private static Option<string> Value(string name, bool required = false) => new(name) { Required = required };

    private static Option<bool> Flag(string name) => new(name);
}
