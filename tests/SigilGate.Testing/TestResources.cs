namespace SigilGate.Testing;

/// <summary>What a fixture's TearDown needs: NUnit runs it after a failed set-up too.</summary>
public static class TestResources
{
    /// <summary>Disposes each resource in order, skipping nulls: what a set-up that failed part-way never started.</summary>
    public static async Task DisposeAsync(params object?[] resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources)
        {
            if (resource is IAsyncDisposable asynchronous) await asynchronous.DisposeAsync().ConfigureAwait(false);
            else if (resource is IDisposable disposable) disposable.Dispose();
        }
    }
}
