using System.IO.Hashing;
using System.Text;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// The lexical side of the hybrid query as Qdrant sparse vectors. Passage values are BM25 term-frequency saturation,
/// tf·(k1+1)/(tf+k1); Qdrant's <c>idf</c> modifier multiplies in the rarity at query time, so the dot product of a
/// query (1 per distinct term) with a passage is BM25 without length normalisation — passages have similar lengths by
/// construction of the chunker, and weights that do not depend on corpus-wide averages stay valid when documents are
/// added incrementally. Term ids are a stable 32-bit hash (XxHash32 of the UTF-8 term); colliding terms share a
/// dimension, which only slightly blurs the lexical score.
/// </summary>
internal static class SparseTermEncoder
{
    private const float K1 = 1.2f;

    public static uint TermId(string term) => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(term));

    public static SparseVector EncodePassage(IEnumerable<string> terms) =>
        Encode(terms, tf => tf * (K1 + 1) / (tf + K1));

    public static SparseVector EncodeQuery(IEnumerable<string> terms) =>
        Encode(terms, _ => 1f);

    private static SparseVector Encode(IEnumerable<string> terms, Func<float, float> weight)
    {
        var frequencies = new SortedDictionary<uint, int>();
        foreach (var term in terms)
        {
            var id = TermId(term);
            frequencies[id] = frequencies.GetValueOrDefault(id) + 1;
        }
        return new SparseVector([.. frequencies.Keys], [.. frequencies.Values.Select(tf => weight(tf))]);
    }
}
