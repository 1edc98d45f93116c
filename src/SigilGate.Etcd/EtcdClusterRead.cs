using dotnet_etcd;
using Etcdserverpb;
using SigilGate.Domain.Store;

namespace SigilGate.Etcd;

/// <summary>
/// The cluster's members (MemberList) and the leader the answering member follows (Status), each
/// under the configured deadline. A member answers both without a leader (Status then says leader 0),
/// so a cluster that lost its majority is reported as such rather than waited out.
/// </summary>
internal static class EtcdClusterRead
{
    public static async Task<ClusterStatus> ReadAsync(EtcdClient client, EtcdErrorTranslator errors, CancellationToken cancellationToken)
    {
        var members = await errors.Run(
            "list the cluster's members",
            deadline => client.MemberListAsync(new MemberListRequest(), deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var status = await errors.Run(
            "read the cluster's status",
            deadline => client.StatusAsync(new StatusRequest(), deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var listed = members.Members
            .Select(m => new ClusterMember(m.ID, m.Name, m.ClientURLs.ToList()))
            .OrderBy(m => m.Label, StringComparer.Ordinal)
            .ToList();
        return new ClusterStatus(listed, status.Leader);
    }
}
