using SigilGate.Domain.Store;

namespace SigilGate.Domain.Drift;

/// <summary>
/// Where drift keeps first-seen times: <c>&lt;prefix&gt;/.sigil/drift/&lt;kind&gt;/&lt;suffix&gt;</c>, e.g.
/// <c>/sigil/.sigil/drift/changed-in-etcd/nodes/entry/e-7</c>, holding <c>{"first_seen":"…","key":"…"}</c>.
/// </summary>
public static class DriftKeys
{
    public static string Root(KeyLayout keys) => keys.Bookkeeping + "drift/";

    public static string Of(KeyLayout keys, Difference difference) => Root(keys) + DriftKinds.Name(difference.Kind) + "/" + difference.LedgerSuffix;
}
