using SigilGate.Cli.Commands;

return await PreCommitCommand.RunAsync(args, Console.Error, ProcessEnvironment.Read());
