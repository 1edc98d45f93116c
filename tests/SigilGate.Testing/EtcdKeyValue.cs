namespace SigilGate.Testing;

/// <summary>One key as etcdctl reads it, with the revisions that created it and last wrote it.</summary>
public sealed record EtcdKeyValue(string Key, string Value, long CreateRevision, long ModRevision);
