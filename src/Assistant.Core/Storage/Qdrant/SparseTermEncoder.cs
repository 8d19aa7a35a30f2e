using System.IO.Hashing;
using System.Text;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// The lexical side of the hybrid query as Qdrant sparse vectors. A passage's value for a term is BM25's
/// term-frequency part, tf·(k1+1) / (tf + k1·(1 − b + b·length/reference)); Qdrant's <c>idf</c> modifier multiplies in
/// the rarity at query time, so the dot product with a query (1 per distinct term) is BM25, as in the embedded index.
/// BM25's average passage length is replaced by a fixed reference length, so weights never depend on corpus-wide state
/// and incremental writes need no re-weighting. Term ids are a stable 32-bit hash (XxHash32 of the UTF-8 term);
/// colliding terms share a dimension, which only slightly blurs the lexical score.
/// </summary>
internal static class SparseTermEncoder
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>
    /// Reference passage length in analysed terms for a chunker target in characters: Arabic prose gives about one
    /// term per 8 characters of target (the seeds: 71 terms per passage on average; 600 / 8 = 75).
    /// </summary>
    public static float ReferenceLength(int targetChars) => Math.Max(1, targetChars / 8f);

    public static uint TermId(string term) => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(term));

    public static SparseTerms EncodePassage(IReadOnlyCollection<string> terms, float referenceLength)
    {
        var norm = 1 - B + B * terms.Count / referenceLength;
        return Encode(terms, tf => tf * (K1 + 1) / (tf + K1 * norm));
    }

    public static SparseTerms EncodeQuery(IEnumerable<string> terms) =>
        Encode(terms, _ => 1f);

    private static SparseTerms Encode(IEnumerable<string> terms, Func<float, float> weight)
    {
        var frequencies = new SortedDictionary<uint, int>();
        foreach (var term in terms)
        {
            var id = TermId(term);
            frequencies[id] = frequencies.GetValueOrDefault(id) + 1;
        }
        return new SparseTerms([.. frequencies.Keys], [.. frequencies.Values.Select(tf => weight(tf))]);
    }
}

/// <summary>A sparse vector: term ids in ascending order and their weights.</summary>
internal sealed record SparseTerms(uint[] Indices, float[] Values);
