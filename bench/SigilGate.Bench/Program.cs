using SigilGate.Bench;

return await BenchRunner.RunAsync(args);
