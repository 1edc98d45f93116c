using SigilGate.Cli.Commands;

return await SigilCommand.RunAsync(args, Console.Out, Console.Error, ProcessEnvironment.Read());
