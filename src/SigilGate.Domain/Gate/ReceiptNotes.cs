namespace SigilGate.Domain.Gate;

/// <summary>
/// The apply receipts (<c>refs/notes/sigil</c>) are written by post-receive on the server, never
/// through a push: accepting them as "another ref" would let anyone rewrite what was applied when.
/// </summary>
public static class ReceiptNotes
{
    public const string RefName = "refs/notes/sigil";

    public const string Refusal = "apply receipts are written by the server only; this ref cannot be pushed";
}
