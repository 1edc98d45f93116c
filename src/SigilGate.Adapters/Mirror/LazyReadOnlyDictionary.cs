using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SigilGate.Adapters.Mirror;

/// <summary>A dictionary read on first use (the pusher's journal reads its key map only when a run needs it).</summary>
internal sealed class LazyReadOnlyDictionary<TKey, TValue>(Func<IReadOnlyDictionary<TKey, TValue>> read) : IReadOnlyDictionary<TKey, TValue>
{
    private readonly Lazy<IReadOnlyDictionary<TKey, TValue>> _inner = new(read);

    private IReadOnlyDictionary<TKey, TValue> Inner => _inner.Value;

    public TValue this[TKey key] => Inner[key];

    public IEnumerable<TKey> Keys => Inner.Keys;

    public IEnumerable<TValue> Values => Inner.Values;

    public int Count => Inner.Count;

    public bool ContainsKey(TKey key) => Inner.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Inner.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
