using System.Runtime.CompilerServices;
using Assistant.Chunking;
using Microsoft.Extensions.Caching.Memory;

namespace Assistant.Answering;

/// <summary>
/// What was computed from a passage, kept for the next question that retrieves it. Looked up by the passage object
/// first: the embedded index hands out the same object for a passage it read lately, and that costs no hashing of its
/// text; an entry there lives as long as its passage. Then by a value of the passage (<paramref name="keyOf"/>), as an
/// index may hand out a new object for the same passage on every search: bounded to <paramref name="capacity"/>
/// entries, the least recently used evicted first.
/// </summary>
internal sealed class PassageMemo<T>(int capacity, Func<Passage, object> keyOf) : IDisposable where T : class
{
    private readonly MemoryCache _byValue = new(new MemoryCacheOptions { SizeLimit = capacity });
    private readonly ConditionalWeakTable<Passage, T> _byObject = new();

    public T GetOrAdd(Passage passage, Func<Passage, T> compute)
    {
        if (_byObject.TryGetValue(passage, out var known)) return known;
        var key = keyOf(passage);
        if (!_byValue.TryGetValue(key, out T? value) || value is null)
        {
            value = compute(passage);
            _byValue.Set(key, value, new MemoryCacheEntryOptions { Size = 1 });
        }
        _byObject.AddOrUpdate(passage, value);
        return value;
    }

    public void Dispose() => _byValue.Dispose();
}
