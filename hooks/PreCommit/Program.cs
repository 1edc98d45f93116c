using SigilGate.Adapters.Commands;

return await PreCommitCommand.RunAsync(args, Console.Error, ProcessEnvironment.Read());
