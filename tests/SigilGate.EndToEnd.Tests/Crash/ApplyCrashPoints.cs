namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>
/// The steps of an apply (post-receive and <c>sigil apply</c> share them) where a crash is
/// staged, for a push of two commits applied as one step from the base to the tip: the records
/// both commits change together go in transactions of at most 6 operations (several batches, then
/// the one that moves the applied pointer).
/// </summary>
public static class ApplyCrashPoints
{
    public const int Base = -1;

    /// <summary>
    /// SIGIL_CRASH_AT value; the pushed commit (1, the tip, or <see cref="Base"/>) the applied pointer
    /// names after the crash; whether the step's batches were cut off half-way; and the pushed commit
    /// whose receipt note the crash cut off (the rerun writes a recovered one), if any.
    /// </summary>
    public static IEnumerable<TestCaseData> All() =>
    [
        Point("apply.locked", Base),
        Point("apply.pointer-read", Base),
        Point("apply.batch-committed", Base, halfWritten: true),     // after the first batch
        Point("apply.batch-committed#3", Base, halfWritten: true),   // after a middle one
        Point("apply.before-pointer-txn", Base, halfWritten: true),  // every batch but the pointer's written
        Point("apply.pointer-moved", 1, noteRecoveredFor: 1),
        Point("apply.before-note", 1, noteRecoveredFor: 1),
        Point("apply.note-written", 1),                              // done; the rerun finds nothing to do
    ];

    // Between the pointer's move and the note there is nothing to resume: etcd already holds the
    // commit, so a rerun has no step for it; it writes the receipt it can recover from the pointer.
    private static TestCaseData Point(string point, int appliedAfterCrash, bool halfWritten = false, int noteRecoveredFor = -2) =>
        new TestCaseData(point, appliedAfterCrash, halfWritten, noteRecoveredFor).SetArgDisplayNames(point);
}
