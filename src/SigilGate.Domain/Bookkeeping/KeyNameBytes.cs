using System.Globalization;
using System.Text;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// A key under the prefix whose name is not UTF-8. etcd takes any bytes as a key, but no key the
/// suite reads or writes can be one, and a string cannot hold it: read loosely, <c>e\xff9</c> would
/// become <c>e\ufffd9</c>, a key nobody wrote, which a reconcile would delete and guard in vain and a
/// pusher would look up, find missing and pass over. So it is never guessed at: it is damaged
/// bookkeeping, named with its bytes spelt <c>\xNN</c> and the command that deletes it.
/// </summary>
public static class KeyNameBytes
{
    public static BookkeepingException NotUtf8(byte[] key) =>
        new(
            Spelt(key, forBash: false),
            "its name is not valid UTF-8, so it is no record's key and no key of the suite's",
            $"in bash, etcdctl del $'{Spelt(key, forBash: true)}' ($'...' reads \\xNN as that byte), then run the command again");

    /// <summary>UTF-8 as text; every byte that is not (and every control character) as <c>\xNN</c>; for bash also quotes and backslashes.</summary>
    private static string Spelt(byte[] key, bool forBash)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder(key.Length + 16);
        var rest = key.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done && !Rune.IsControl(rune) && !(forBash && rune.Value is 0x27 or 0x5c))
            {
                text.Append(rune.ToString());
            }
            else
            {
                foreach (var b in rest[..used]) text.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            rest = rest[used..];
        }

        return text.ToString();
    }
}
