using System.CommandLine;
using ParserStartup.CommandLine;
using SigilGate.Cli.Commands;

// "sigil ARGS..." runs as sigil, anything else as pre-receive; System.CommandLine parses first
// (its own --help and --version), then the command runs as shipped.
var environment = ProcessEnvironment.Read();
if (args is ["sigil", .. var rest])
{
    return await SigilTree.Build(parse => SigilCommand.RunAsync(rest, Console.Out, Console.Error, environment)).Parse(rest).InvokeAsync();
}

var hook = new RootCommand(HelpText.PreReceive);
hook.SetAction((parse, cancellation) => PreReceiveCommand.RunAsync([], Console.In, Console.Error, environment));
return await hook.Parse(args).InvokeAsync();
