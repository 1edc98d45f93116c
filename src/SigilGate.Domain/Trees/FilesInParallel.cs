using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SigilGate.Domain.Trees;

/// <summary>
/// Works on each file of a large list on every core while the files' contents are read one chunk
/// at a time: a repository is read by one thread at a time, so each worker takes the next chunk,
/// reading its contents under the partitioner's lock, and works on it while another worker reads
/// the next. Reading every content first and only then parsing left a core idle for the whole read
/// (about a sixth of a first push of 100,000 records).
/// </summary>
internal static class FilesInParallel
{
    // Below this many files, starting worker threads costs more than it saves.
    private const int Threshold = 64;

    private const int ChunkSize = 256;

    /// <summary>Runs <paramref name="work"/> for every index of <paramref name="files"/>, each file's content read before its work starts.</summary>
    /// <remarks>An exception of a read or of the work is thrown as itself, not wrapped, as a loop on one thread would throw it.</remarks>
    public static void For(IReadOnlyList<TreeFile> files, Action<int> work)
    {
        if (files.Count < Threshold)
        {
            for (var i = 0; i < files.Count; i++) work(i);
            return;
        }

        var chunks = Partitioner.Create(ChunksRead(files), EnumerablePartitionerOptions.NoBuffering);
        try
        {
            Parallel.ForEach(chunks, chunk =>
            {
                for (var i = chunk.Start; i < chunk.End; i++) work(i);
            });
        }
        catch (AggregateException wrapped)
        {
            ExceptionDispatchInfo.Capture(wrapped.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }

    private static IEnumerable<(int Start, int End)> ChunksRead(IReadOnlyList<TreeFile> files)
    {
        for (var start = 0; start < files.Count; start += ChunkSize)
        {
            var end = Math.Min(start + ChunkSize, files.Count);
            for (var i = start; i < end; i++) _ = files[i].Content;
            yield return (start, end);
        }
    }
}
