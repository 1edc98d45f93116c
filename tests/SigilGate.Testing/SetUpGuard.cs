namespace SigilGate.Testing;

/// <summary>
/// NUnit runs no TearDown after a SetUp that failed (a missing test build, say), so whatever the
/// set-up had started, etcd members above all, would outlive the test run. A set-up run through
/// <see cref="RunAsync"/> says how to undo each thing it starts; if it fails, everything started
/// so far is undone, newest first, and the failure goes on to NUnit.
/// </summary>
public sealed class SetUpGuard
{
    private readonly Stack<Func<ValueTask>> _undo = new();

    private SetUpGuard()
    {
    }

    public static async Task RunAsync(Func<SetUpGuard, Task> setUp)
    {
        ArgumentNullException.ThrowIfNull(setUp);
        var guard = new SetUpGuard();
        try
        {
            await setUp(guard).ConfigureAwait(false);
        }
        catch
        {
            while (guard._undo.TryPop(out var undo)) await undo().ConfigureAwait(false);
            throw;
        }
    }

    public void OnFailure(Action undo) => _undo.Push(() =>
    {
        undo();
        return ValueTask.CompletedTask;
    });

    public void OnFailure(Func<ValueTask> undo) => _undo.Push(undo);
}
