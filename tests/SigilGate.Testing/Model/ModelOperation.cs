namespace SigilGate.Testing.Model;

/// <summary>One kind of step, drawn with probability proportional to its weight.</summary>
public sealed record ModelOperation(string Name, int Weight, Func<ModelContext, Task> RunAsync);
