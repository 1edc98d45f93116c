using LibGit2Sharp;

namespace SigilGate.Git;

/// <summary>
/// libgit2's process-wide settings, applied once before the first repository is opened. Applying
/// them loads libgit2, which loads and initialises the TLS libraries (about 1.5 ms here). A hook
/// starts that on a thread of its own (<see cref="Begin"/>) so that its start-up (its settings and
/// input, the etcd connection) goes on meanwhile; every open waits for it (<see cref="Wait"/>). Not
/// on the thread pool: pre-receive needs none otherwise.
/// </summary>
internal static class LibGit2Setup
{
    private static readonly Task Applied = StartApplying();

    /// <summary>Starts applying the settings, unless under way or done already.</summary>
    public static void Begin() => GC.KeepAlive(Applied);

    /// <summary>Waits for the settings; throws what loading libgit2 threw.</summary>
    public static void Wait() => Applied.GetAwaiter().GetResult();

    private static Task StartApplying()
    {
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                Apply();
                applied.SetResult();
            }
#pragma warning disable CA1031 // Whatever loading libgit2 throws is thrown again by Wait, on the thread that opens.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                applied.SetException(exception);
            }
        })
        { IsBackground = true, Name = "libgit2 setup" }.Start();
        return applied.Task;
    }

    private static void Apply()
    {
        // libgit2 hashes every object it reads to check it against its id; for a 10,000-entry folder
        // that costs more than reading it. git does not: objects are checked once, when they arrive
        // (index-pack and unpack-objects hash every pushed object before pre-receive runs) or are written.
        GlobalSettings.SetStrictHashVerification(false);
        UserGitConfiguration.LeaveOutWhenUnreadable();
    }
}
