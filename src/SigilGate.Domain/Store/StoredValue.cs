namespace SigilGate.Domain.Store;

/// <summary>A key as the store holds it: UTF-8 value and etcd's revisions.</summary>
public sealed record StoredValue(string Key, string Value, long ModRevision, long CreateRevision);
