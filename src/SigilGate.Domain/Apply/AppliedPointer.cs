using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>The last commit applied to etcd (<c>&lt;prefix&gt;/.sigil/applied</c>), and the revision it was read at.</summary>
public sealed record AppliedPointer(string? Commit, DateTimeOffset? Time, long ModRevision)
{
    public static AppliedPointer None { get; } = new(null, null, 0);

    public static string ToJson(string commit, DateTimeOffset time) => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("commit", commit);
            writer.WriteString("time", time.ToUniversalTime().ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });

    /// <summary>Reads the pointer as etcd holds it; a <see cref="BookkeepingException"/> naming the key when it is not one.</summary>
    public static AppliedPointer Read(StoredValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Parse(value.Key, value.Value, value.ModRevision);
    }

    public static AppliedPointer Parse(string json, long modRevision) => Parse("applied pointer", json, modRevision);

    /// <remarks>
    /// A damaged pointer is an error, not "unknown": starting over from the empty tree would
    /// re-apply the whole history over what etcd holds now, and stop nobody from noticing.
    /// </remarks>
    public static AppliedPointer Parse(string key, string json, long modRevision) =>
        BookkeepingJson.Read(key, json, BookkeepingRepair.Rewrite(key), pointer =>
        {
            var commit = pointer.String("commit");
            if (commit.Length is not (40 or 64) || !Records.LowercaseHex.IsAll(commit))
            {
                throw pointer.Fail($"{pointer.Field("commit")} must be a commit id of 40 lowercase hexadecimal digits, got {Yaml.MessageText.Quote(commit)}");
            }

            return new AppliedPointer(commit, pointer.Time("time"), modRevision);
        });
}
