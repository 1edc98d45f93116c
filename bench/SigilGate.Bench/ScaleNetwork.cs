using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// A network of N entries and 3 Core nodes (<see cref="NetworkFiles.Large"/>) in two bare
/// repositories, one with the hooks on <see cref="Prefix"/> and one without, and one client that
/// pushes the same commits into both. Commits are made by <c>git fast-import</c> in the client (no
/// work tree, no <c>git add</c> of N files); every commit is one second after the one before,
/// whatever the clock says, so no two meet in etcd as concurrent versions.
/// </summary>
internal sealed class ScaleNetwork : IDisposable
{
    private long nextCommitTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private string toggled;

    private ScaleNetwork(int size, string prefix, BareRepository hooked, BareRepository plain, Clone client)
    {
        Size = size;
        Prefix = prefix;
        Hooked = hooked;
        Plain = plain;
        Client = client;
        toggled = NetworkFiles.Large(1)[NetworkFiles.ToggledEntry];
    }

    public int Size { get; }

    public string Prefix { get; }

    public BareRepository Hooked { get; }

    public BareRepository Plain { get; }

    public Clone Client { get; }

    /// <summary>Both repositories, the client, and the first commit (policy, settings, 3 cores) pushed into both as root.</summary>
    public static async Task<ScaleNetwork> CreateAsync(GitEnvironment environment, string endpoint, string prefix, int size)
    {
        var hooked = await BareRepository.CreateAsync(environment, endpoint, prefix).ConfigureAwait(false);
        var plain = await BareRepository.CreateAsync(environment, endpoint, prefix, withHooks: false).ConfigureAwait(false);
        var network = new ScaleNetwork(size, prefix, hooked, plain, await Clone.OfAsync(hooked).ConfigureAwait(false));
        await network.CommitAsync(NetworkFiles.Large(0), "policy, settings, 3 cores").ConfigureAwait(false);
        foreach (var target in new[] { hooked, plain })
        {
            var first = await network.PushAsync(target, "root", null).ConfigureAwait(false);
            if (first.ExitCode != 0) throw new InvalidOperationException("the first push (policy, settings, cores) failed: " + first);
        }

        return network;
    }

    /// <summary>One commit adding the N entries (not pushed).</summary>
    public Task CommitEntriesAsync() =>
        CommitAsync(NetworkFiles.Large(Size).Where(f => f.Key.StartsWith("nodes/entry/", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal), string.Create(CultureInfo.InvariantCulture, $"{Size} entries"));

    /// <summary>One commit flipping <c>enabled</c> of <see cref="NetworkFiles.ToggledEntry"/> (not pushed); returns whether it is now enabled.</summary>
    public async Task<bool> CommitToggleAsync(int index)
    {
        toggled = NetworkFiles.ToggleEnabled(toggled);
        await CommitAsync(new Dictionary<string, string> { [NetworkFiles.ToggledEntry] = toggled }, string.Create(CultureInfo.InvariantCulture, $"toggle e-1 ({index})")).ConfigureAwait(false);
        return toggled.Contains("enabled: true", StringComparison.Ordinal);
    }

    /// <summary><c>git push</c> of the client's main into <paramref name="target"/> as <paramref name="identity"/>, timed, with git's trace2 events into <paramref name="trace"/>.</summary>
    public Task<TimedRun> PushAsync(BareRepository target, string identity, string? trace) =>
        TimedProcess.RunAsync(
            "git",
            ["push", target.Path, "main:refs/heads/main"],
            Client.Path,
            Client.Environment.With(("SIGIL_IDENTITY", identity), ("GIT_TRACE2_EVENT", trace)));

    private Task CommitAsync(IReadOnlyDictionary<string, string> files, string message) =>
        NetworkFiles.ImportAsync(Client.Path, Client.Environment.Variables, files, message, nextCommitTime++);

    public void Dispose()
    {
        Client.Dispose();
        Plain.Dispose();
        Hooked.Dispose();
    }
}
