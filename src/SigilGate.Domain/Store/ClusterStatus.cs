namespace SigilGate.Domain.Store;

/// <summary>
/// The etcd cluster as one member reported it: every member, and the leader that member follows
/// (<see cref="LeaderId"/> 0: it knows of none, as in a cluster that lost its majority).
/// </summary>
public sealed record ClusterStatus(IReadOnlyList<ClusterMember> Members, ulong LeaderId)
{
    public ClusterMember? Leader => LeaderId == 0 ? null : Members.FirstOrDefault(m => m.Id == LeaderId);

    public bool HasLeader => LeaderId != 0;

    /// <summary>A cluster of one member that leads itself (a single etcd, or the in-memory store).</summary>
    public static ClusterStatus Single(string name, string clientUrl) => new([new ClusterMember(1, name, [clientUrl])], 1);
}
