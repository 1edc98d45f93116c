namespace SigilGate.Testing.Git;

/// <summary>A working clone of a bare repository, pushing as a given identity.</summary>
public sealed class Clone : IDisposable
{
    private Clone(string path, GitEnvironment environment) => (Path, Environment) = (path, environment);

    public string Path { get; }

    public GitEnvironment Environment { get; }

    public static async Task<Clone> OfAsync(BareRepository bare)
    {
        var path = TempDirectories.Create("sigil-clone-");
        var result = await Processes.RunAsync("git", ["clone", "--quiet", bare.Path, path], path, bare.Environment.Variables);
        if (result.ExitCode != 0) throw new InvalidOperationException("git clone failed: " + result);
        return new Clone(path, bare.Environment);
    }

    /// <summary>
    /// A clone of a server's repository at <paramref name="url"/>. With <paramref name="sshCommand"/>,
    /// the clone keeps it as core.sshCommand (the key it pushes with), as a Core node's clone does.
    /// </summary>
    public static async Task<Clone> OfUrlAsync(string url, GitEnvironment environment, string? sshCommand = null)
    {
        var path = TempDirectories.Create("sigil-clone-");
        string[] config = sshCommand is null ? [] : ["--config", "core.sshCommand=" + sshCommand];
        var result = await Processes.RunAsync("git", ["clone", "--quiet", .. config, url, path], path, environment.Variables);
        if (result.ExitCode != 0)
        {
            TempDirectories.Delete(path);
            throw new InvalidOperationException($"git clone {url} failed: {result}");
        }

        return new Clone(path, environment);
    }

    public void Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>
    /// Makes this a Core node's clone, as install-node.sh does: a sigil.json pointing at etcd (without
    /// a branch: the node pushes what it checked out), kept out of the node's commits.
    /// </summary>
    /// <param name="etcdEndpoints">One URL, or every member of a cluster, comma-separated.</param>
    /// <param name="access">TLS files and credentials, if etcd needs them.</param>
    public void ConfigureAsNode(string etcdEndpoints, string prefix, EtcdAccess? access = null)
    {
        Write("sigil.json", SigilJson.Text(etcdEndpoints, prefix, access, branch: null));
        File.AppendAllText(System.IO.Path.Combine(Path, ".git", "info", "exclude"), "sigil.json\n");
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Copies a directory of files (e.g. examples/network) into the clone.</summary>
    public void CopyFrom(string directory)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(directory, file);
            Write(relative, File.ReadAllText(file));
        }
    }

    public Task<ProcessResult> GitAsync(params string[] arguments) =>
        Processes.RunAsync("git", arguments, Path, Environment.Variables);

    public async Task<string> CommitAllAsync(string message)
    {
        await Ensure(GitAsync("add", "-A"));
        await Ensure(GitAsync("commit", "--quiet", "--allow-empty", "-m", message));
        return (await Ensure(GitAsync("rev-parse", "HEAD"))).StandardOutput.Trim();
    }

    /// <summary>Commits everything and pushes it as <paramref name="identity"/>; the commit, and the push as it went.</summary>
    public async Task<(string Sha, ProcessResult Push)> CommitAndPushAsync(string message, string? identity = "root")
    {
        var sha = await CommitAllAsync(message).ConfigureAwait(false);
        return (sha, await PushAsync(identity).ConfigureAwait(false));
    }

    /// <summary>As <see cref="CommitAndPushAsync"/> as root, for a set-up that cannot go on when the push is refused: throws then.</summary>
    public async Task<string> PushAcceptedAsync(string message)
    {
        var (sha, push) = await CommitAndPushAsync(message).ConfigureAwait(false);
        return push.ExitCode == 0 ? sha : throw new InvalidOperationException($"{message}: the push was refused: {push}");
    }

    /// <summary><c>git push</c> as <paramref name="identity"/> (null: no identity variable at all).</summary>
    public Task<ProcessResult> PushAsync(string? identity, params string[] arguments) =>
        Processes.RunAsync("git", ["push", "origin", .. (arguments.Length == 0 ? ["HEAD:refs/heads/main"] : arguments)], Path,
            Environment.With(("SIGIL_IDENTITY", identity)));

    private static async Task<ProcessResult> Ensure(Task<ProcessResult> running)
    {
        var result = await running;
        if (result.ExitCode != 0) throw new InvalidOperationException("git failed: " + result);
        return result;
    }

    public void Dispose() => TempDirectories.Delete(Path);
}
