using System.Collections.Concurrent;

namespace SigilGate.Testing;

/// <summary>The last lines a child process printed, for the message of a failed start.</summary>
internal sealed class OutputTail(int lines)
{
    private readonly ConcurrentQueue<string> kept = new();

    public string Text => string.Join('\n', kept);

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        kept.Enqueue(line);
        while (kept.Count > lines && kept.TryDequeue(out _))
        {
            // Drop the oldest.
        }
    }
}
