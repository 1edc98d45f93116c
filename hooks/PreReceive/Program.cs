using SigilGate.Cli.Commands;

return await PreReceiveCommand.RunAsync(args, Console.In, Console.Error, ProcessEnvironment.Read());
