using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using CliWrap;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Reads large trees whole through <c>git cat-file --batch</c> and parses them here. LibGit2Sharp
/// builds a managed entry per tree entry with several native calls each (about 50 ms for a
/// 10,000-entry folder), and libgit2 keeps no large tree in its cache, so every lookup by name
/// reads the folder again. git hands over the raw objects of three such folders in about 10 ms,
/// start-up included, and parsing them costs about a millisecond each.
/// </summary>
/// <remarks>
/// One git serves a reader for its whole life: started at the first read, asked again for each
/// later one (pre-receive reads the changed folders, then the entries its cross-checks name), and
/// ended by <see cref="Dispose"/>. Each git started costs a hook about 4 ms.
/// </remarks>
/// <param name="gitDir">A repository whose object store holds the trees (in pre-receive, the quarantine overlay).</param>
internal sealed class GitTreeObjects(string gitDir) : IDisposable
{
    // Never blocks a write: requests go out whole before the answers are read.
    private static readonly PipeOptions Unbounded = new(pauseWriterThreshold: 0, resumeWriterThreshold: 0);

    private readonly StringBuilder _errors = new();
    private Pipe? _requests;
    private Pipe? _answers;
    private Task<CommandResult>? _command;
    private Task? _git;

    /// <summary>Each tree of <paramref name="treeIds"/>, by id.</summary>
    public Dictionary<string, RawTree> Read(IReadOnlyCollection<string> treeIds)
    {
        var trees = new Dictionary<string, RawTree>(StringComparer.Ordinal);
        if (treeIds.Count == 0) return trees;

        var (requests, answers) = Start();
        requests.Writer.Write(Encoding.ASCII.GetBytes(string.Join('\n', treeIds) + "\n"));
        requests.Writer.FlushAsync().AsTask().GetAwaiter().GetResult();

        try
        {
            // Each object: "<id> <type> <size>\n<size bytes>\n"; one git cannot find: "<id> missing\n".
            for (var i = 0; i < treeIds.Count; i++)
            {
                var header = Encoding.ASCII.GetString(ReadLine(answers.Reader)).Split(' ');
                if (header is not [var id, "tree", var sizeText])
                {
                    throw new GitReadException($"tree {header[0]} is missing from the repository or is not a tree ({string.Join(' ', header[1..])})");
                }

                var size = int.Parse(sizeText, System.Globalization.CultureInfo.InvariantCulture);
                // The object, then the newline that ends it (read and dropped).
                trees[id] = new RawTree(ReadExactly(answers.Reader, size, skipAfter: 1), id.Length / 2);
            }
        }
        catch (GitReadException)
        {
            // Answers left unread would be taken for those of the next read: that one starts a new git.
            Dispose();
            throw;
        }

        return trees;
    }

    private (Pipe Requests, Pipe Answers) Start()
    {
        if (_requests is not null && _answers is not null) return (_requests, _answers);
        _errors.Clear();
        var requests = new Pipe(Unbounded);
        var answers = new Pipe(Unbounded);
        var git = new GitCommandLine(gitDir, IsolatedGitEnvironment.Variables, ["--git-dir=" + gitDir]).Command(["cat-file", "--batch"])
            .WithStandardInputPipe(PipeSource.FromStream(requests.Reader.AsStream(), autoFlush: true))
            .WithStandardOutputPipe(PipeTarget.ToStream(answers.Writer.AsStream(), autoFlush: true))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(_errors))
            .ExecuteAsync();

        // When git ends, early or not, a read waiting for more learns it instead of waiting forever.
        _command = git.Task;
        _git = _command.ContinueWith(_ => answers.Writer.Complete(), TaskScheduler.Default);
        (_requests, _answers) = (requests, answers);
        return (requests, answers);
    }

    private byte[] ReadLine(PipeReader reader)
    {
        while (true)
        {
            var result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
            var buffer = result.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } newline)
            {
                var line = buffer.Slice(0, newline).ToArray();
                reader.AdvanceTo(buffer.GetPosition(1, newline));
                return line;
            }

            if (result.IsCompleted) throw Ended();
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private byte[] ReadExactly(PipeReader reader, int count, int skipAfter)
    {
        while (true)
        {
            var result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
            var buffer = result.Buffer;
            if (buffer.Length >= count + skipAfter)
            {
                var bytes = buffer.Slice(0, count).ToArray();
                reader.AdvanceTo(buffer.GetPosition(count + skipAfter));
                return bytes;
            }

            if (result.IsCompleted) throw Ended();
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private GitReadException Ended()
    {
        _git?.GetAwaiter().GetResult();
        return _command is { IsFaulted: true, Exception: { } failed }
            ? new GitReadException($"git cat-file could not run: {failed.GetBaseException().Message}")
            : new GitReadException($"git cat-file ended before answering (exit {_command?.Result.ExitCode}): {_errors.ToString().Trim()}");
    }

    /// <summary>Ends git (its input closes) and waits for it, so nothing is left reading the repository.</summary>
    public void Dispose()
    {
        if (_requests is null || _answers is null || _git is null) return;
        // The continuation never fails: a git that could not run was reported by the read that started it.
        _requests.Writer.Complete();
        _git.GetAwaiter().GetResult();
        _answers.Reader.Complete();
        (_requests, _answers, _command, _git) = (null, null, null, null);
    }
}
