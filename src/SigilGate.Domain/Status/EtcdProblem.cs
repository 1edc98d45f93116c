namespace SigilGate.Domain.Status;

/// <summary>Why etcd could not be read: <see cref="Unreachable"/> when no member answered, else a refusal (authentication, TLS, permission).</summary>
public sealed record EtcdProblem(bool Unreachable, string Message);
