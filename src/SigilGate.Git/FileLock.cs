namespace SigilGate.Git;

/// <summary>
/// An exclusive lock on a file. On Linux, .NET opens with <see cref="FileShare.None"/> by taking
/// an advisory <c>flock</c>, which the kernel releases when the process dies, so a killed hook never
/// leaves a stale lock behind.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock; null when another process still holds it.</summary>
    public static async Task<FileLock?> TryAcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
