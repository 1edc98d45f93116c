namespace SigilGate.Domain.Store;

/// <summary>One member of the etcd cluster as it lists itself: its id, its name (empty until it has started once) and its client URLs.</summary>
public sealed record ClusterMember(ulong Id, string Name, IReadOnlyList<string> ClientUrls)
{
    /// <summary>Its name, or its id in hexadecimal (as etcdctl prints it) while it has none.</summary>
    public string Label => Name.Length > 0 ? Name : Id.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
