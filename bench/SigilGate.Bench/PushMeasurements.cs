namespace SigilGate.Bench;

/// <summary>What the push scenario measured, shared with the quarantine scenario.</summary>
internal sealed class PushMeasurements
{
    /// <summary>Wall time of <c>git push</c> into the repository with the hooks.</summary>
    public Samples Hooked { get; } = new();

    /// <summary>Wall time of the same push into a repository without hooks.</summary>
    public Samples Plain { get; } = new();

    /// <summary>receive-pack as a whole, from trace2 (the server side of the push).</summary>
    public Samples HookedReceivePack { get; } = new();

    public Samples PlainReceivePack { get; } = new();

    /// <summary>The hooks as receive-pack timed them (trace2 child_exit), start-up included.</summary>
    public Samples PreReceive { get; } = new();

    public Samples PostReceive { get; } = new();

    /// <summary>Per hooked push, receive-pack minus both hooks: what git itself did on the server.</summary>
    public Samples HookedGitOnly { get; } = new();

    public int Applied { get; set; }

    /// <summary>Hooked pushes after which etcd did not hold the pushed change.</summary>
    public int Lost { get; set; }
}
