namespace SigilGate.Domain.Access;

/// <summary>
/// Where the pusher's identity comes from, in order: the configured variable (default
/// <c>SIGIL_IDENTITY</c>), then what Git servers set: GitLab, Gitea, gitolite, HTTP authentication.
/// </summary>
public static class IdentitySources
{
    public static readonly IReadOnlyList<string> ServerVariables = ["GL_USERNAME", "GITEA_PUSHER_NAME", "GL_USER", "REMOTE_USER"];

    public static IReadOnlyList<string> Variables(string configured) => [configured, .. ServerVariables];

    public static string? Resolve(IReadOnlyDictionary<string, string?> environment, string configured)
    {
        foreach (var name in Variables(configured))
        {
            var value = environment.GetValueOrDefault(name)?.Trim();
            if (!string.IsNullOrEmpty(value)) return value;
        }

        return null;
    }
}
