namespace SigilGate.Testing.Model;

/// <summary>One kind of step, drawn with probability proportional to its weight; <see cref="Id"/> names it in the log and in SIGIL_MODEL_SKIP.</summary>
public sealed record ModelOperation(string Id, string Name, int Weight, Func<ModelContext, Task> RunAsync)
{
    public override string ToString() => $"{Id}: {Name}";
}
