namespace Assistant.Storage.Embedded;

/// <summary>
/// Values read lately, one slot per index modulo the size (a new value takes its slot's place): bounded by the number
/// of slots, no eviction bookkeeping. A slot is swapped whole, so concurrent readers see either value, each complete.
/// </summary>
internal sealed class RecentSlots<T>(int slots) where T : class
{
    private readonly Entry?[] _entries = new Entry?[slots];

    private sealed record Entry(int Index, T Value);

    /// <summary>The value kept for <paramref name="index"/>, or null.</summary>
    public T? Get(int index) => _entries[index % _entries.Length] is { } entry && entry.Index == index ? entry.Value : null;

    public void Set(int index, T value) => _entries[index % _entries.Length] = new Entry(index, value);
}
