using System.Collections.Frozen;
using Assistant.Analysis;
using Assistant.Chunking;
using Microsoft.Extensions.Caching.Memory;

namespace Assistant.Answering;

/// <summary>
/// The distinct analysed terms of a passage, computed the first time a question retrieves it and reused by the next
/// questions that retrieve it again: in a running host the same passages come back question after question, and
/// analysing their whole text each time was the largest cost of an answer. Keyed by the passage's text, so a passage
/// re-indexed with new text is analysed anew; bounded to <see cref="MaxPassages"/> passages, the least recently used
/// evicted first.
/// </summary>
public sealed class PassageTermCache(ArabicTextAnalyzer analyzer) : IDisposable
{
    /// <summary>About 30–60 MB at most with passages of typical length (≈ 1,000 characters, a few hundred terms).</summary>
    public const int MaxPassages = 16_384;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxPassages });

    public IReadOnlySet<string> DistinctTerms(Passage passage)
    {
        if (_cache.TryGetValue(passage.Text, out IReadOnlySet<string>? terms) && terms is not null)
        {
            return terms;
        }

        terms = analyzer.Terms(passage.Text).ToFrozenSet(StringComparer.Ordinal);
        _cache.Set(passage.Text, terms, new MemoryCacheEntryOptions { Size = 1 });
        return terms;
    }

    public void Dispose() => _cache.Dispose();
}
