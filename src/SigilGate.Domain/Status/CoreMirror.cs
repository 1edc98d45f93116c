using SigilGate.Domain.Git;
using SigilGate.Domain.Mirror;

namespace SigilGate.Domain.Status;

/// <summary>A Core node of the tip's <c>nodes/core/</c> and its last mirror commit on the branch (null: none found).</summary>
public sealed record CoreMirror(string Node, CommitInfo? Last)
{
    /// <summary>The etcd revision the mirror read (its <c>Sigil-Etcd-Revision</c> trailer), when it says one.</summary>
    public long? EtcdRevision =>
        Last is null ? null : CommitTrailers.Values(Last.Message, MirrorCommitMessage.RevisionTrailer).Select(ParseRevision).LastOrDefault(r => r is not null);

    /// <summary>Whole seconds since the mirror commit (never negative, for a clock set back).</summary>
    public long AgeSeconds(DateTimeOffset now) => Last is null ? 0 : Math.Max(0, (long)(now - Last.CommitterTime).TotalSeconds);

    private static long? ParseRevision(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision) ? revision : null;
}
