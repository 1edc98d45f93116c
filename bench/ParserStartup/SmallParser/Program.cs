using SigilGate.Cli.Commands;

// "sigil ARGS..." runs as sigil, anything else as pre-receive: the shipped Program.cs of each.
var environment = ProcessEnvironment.Read();
return args is ["sigil", .. var rest]
    ? await SigilCommand.RunAsync(rest, Console.Out, Console.Error, environment)
    : await PreReceiveCommand.RunAsync(args, Console.In, Console.Error, environment);
