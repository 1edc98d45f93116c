namespace SigilGate.Workflows.Handover;

/// <summary>One path of <see cref="ReceivedChanges"/>: whether the update changed it, and the file each side holds there (null: none).</summary>
public sealed record ReceivedEntry(string Path, bool Changed, KnownFile? Old, KnownFile? New);
