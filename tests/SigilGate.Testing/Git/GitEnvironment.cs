namespace SigilGate.Testing.Git;

/// <summary>
/// An environment for git that keeps the machine's configuration out: temp HOME, no system
/// config, a global config with identity, default branch main and signing off. Variables that
/// leak when tests run from inside a hook (GIT_DIR and friends) are removed.
/// </summary>
public sealed class GitEnvironment : IDisposable
{
    private static readonly string[] Leaking =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_QUARANTINE_PATH", "GIT_PUSH_OPTION_COUNT", "GIT_CONFIG_PARAMETERS", "SIGIL_IDENTITY", "GL_USERNAME",
        "GITEA_PUSHER_NAME", "GL_USER", "REMOTE_USER", "SIGIL_ETCD__ENDPOINTS", "SIGIL_SIGIL__PREFIX",
    ];

    public GitEnvironment()
    {
        Home = Directory.CreateTempSubdirectory("sigil-home-").FullName;
        var config = Path.Combine(Home, ".gitconfig");
        File.WriteAllText(config, """
            [user]
            	name = Test Operator
            	email = operator@example.invalid
            [init]
            	defaultBranch = main
            [commit]
            	gpgsign = false
            [tag]
            	gpgsign = false
            [advice]
            	detachedHead = false
            [protocol "file"]
            	allow = always
            """);
        Variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["GIT_CONFIG_GLOBAL"] = config,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["LC_ALL"] = "C",
        };
        foreach (var name in Leaking) Variables[name] = null;
    }

    public string Home { get; }

    /// <summary>Variables to set (null = remove from the inherited environment).</summary>
    public Dictionary<string, string?> Variables { get; }

    public IReadOnlyDictionary<string, string?> With(params (string Name, string? Value)[] extra)
    {
        var result = new Dictionary<string, string?>(Variables, StringComparer.Ordinal);
        foreach (var (name, value) in extra) result[name] = value;
        return result;
    }

    public void Dispose() => TempDirectories.Delete(Home);
}
