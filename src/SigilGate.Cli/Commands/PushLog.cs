using System.Text;
using SigilGate.Domain.Mirror;

namespace SigilGate.Cli.Commands;

/// <summary>
/// Standard error of <c>sigil push</c>: each line the reporter writes as <c>sigil: ...</c> is
/// written as <c>&lt;UTC time&gt; sigil push &lt;node&gt;: ...</c> (see <see cref="MirrorLogPrefix"/>),
/// failures included, since they go through the same reporter.
/// </summary>
internal sealed class PushLog(TextWriter inner, TimeProvider clock) : TextWriter
{
    private const string Plain = "sigil: ";

    /// <summary>Set once <c>--node</c> is read and valid.</summary>
    public string? Node { get; set; }

    public override Encoding Encoding => inner.Encoding;

    public override void WriteLine(string? value)
    {
        var text = value ?? "";
        var rest = text.StartsWith(Plain, StringComparison.Ordinal) ? text[Plain.Length..] : text;
        inner.WriteLine(MirrorLogPrefix.Of(clock.GetUtcNow(), Node) + rest);
    }

    public override void Write(char value) => inner.Write(value);

    public override void Flush() => inner.Flush();
}
