namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>How the node's first push goes in a pusher crash spec.</summary>
public enum FirstPush
{
    /// <summary>Accepted.</summary>
    Accepted,

    /// <summary>Refused: a rival push (another record) landed first; 'git pull --rebase' replays the node's commit cleanly.</summary>
    RefusedThenRebased,

    /// <summary>Refused: a rival push changed the same record; 'git pull --rebase' stops on the conflict.</summary>
    RefusedWithConflict,
}

/// <summary>The steps of 'sigil push' where a crash is staged, with the first push that reaches them.</summary>
public static class PusherCrashPoints
{
    public static IEnumerable<TestCaseData> All() =>
    [
        Point("push.area-read", FirstPush.Accepted),
        Point("push.files-written", FirstPush.Accepted),
        Point("push.committed", FirstPush.Accepted),
        Point("push.pushed", FirstPush.Accepted),               // pushed and applied; versions and journal not recorded
        Point("push.versions-recorded", FirstPush.Accepted),    // versions written back to etcd; journal not saved
        Point("push.rejected", FirstPush.RefusedThenRebased),   // refused, before 'git pull --rebase'
        Point("push.rebased", FirstPush.RefusedThenRebased),    // rebased onto the rival, not pushed again
        Point("push.rebase-stopped", FirstPush.RefusedWithConflict), // rebase stopped on the conflict, not aborted
        Point("push.pushed", FirstPush.RefusedThenRebased),     // the rebased commit pushed; nothing recorded
    ];

    private static TestCaseData Point(string point, FirstPush firstPush) =>
        new TestCaseData(point, firstPush).SetArgDisplayNames(point, firstPush.ToString());
}
