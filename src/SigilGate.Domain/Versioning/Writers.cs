namespace SigilGate.Domain.Versioning;

/// <summary>Writer ids that are not Core nodes.</summary>
public static class Writers
{
    /// <summary>Changes made in Git (operators, roots).</summary>
    public const string Git = "git";

    /// <summary>A raw etcd write to a key no Core node owns.</summary>
    public const string Etcd = "etcd";
}
