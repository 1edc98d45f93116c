namespace SigilGate.Domain.Store;

/// <summary>One write of a transaction. Deletes are always of one exact key, never a range.</summary>
public abstract record Mutation(string Key)
{
    /// <summary>Approximate bytes this mutation adds to a request (etcd caps a request at 1.5 MiB).</summary>
    public abstract int Size { get; }
}

public sealed record PutMutation(string Key, string Value) : Mutation(Key)
{
    public override int Size => System.Text.Encoding.UTF8.GetByteCount(Key) + System.Text.Encoding.UTF8.GetByteCount(Value) + 16;
}

public sealed record DeleteMutation(string Key) : Mutation(Key)
{
    public override int Size => System.Text.Encoding.UTF8.GetByteCount(Key) + 16;
}
