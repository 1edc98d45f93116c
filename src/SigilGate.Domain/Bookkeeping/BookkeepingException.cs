using SigilGate.Domain.Store;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// A value the suite keeps for itself under <c>&lt;prefix&gt;/.sigil/</c> is not what it wrote
/// (edited by hand, written by another tool, or by a version of the suite that wrote it otherwise),
/// or a key under the prefix whose very name no key of the suite can have (<see cref="KeyNameBytes"/>).
/// The message names the key, what is wrong with it and how to repair it. A store failure: the
/// commands stop with exit 2, and post-receive keeps its work pending until the key is repaired.
/// </summary>
public sealed class BookkeepingException(string key, string problem, string repair)
    : StoreException($"etcd key {MessageText.Clean(key)} is damaged: {problem}; repair: {repair}")
{
    public string Key { get; } = key;

    public string Problem { get; } = problem;

    public string Repair { get; } = repair;
}
