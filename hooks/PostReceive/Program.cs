using SigilGate.Cli.Commands;

return await PostReceiveCommand.RunAsync(args, Console.In, Console.Error, ProcessEnvironment.Read());
