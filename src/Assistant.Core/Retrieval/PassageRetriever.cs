using Assistant.Analysis;
using Assistant.Configuration;
using Assistant.Chunking;
using Assistant.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Retrieval;

/// <param name="Terms">The query's analysed terms, as matched against the lexical index.</param>
public sealed record RetrievalResult(IReadOnlyList<string> Terms, IReadOnlyList<ScoredPassage> Passages, TermStatistics Statistics);

/// <summary>
/// Analyses a query with the same analyser as indexing, embeds it with the same embedder, and runs the index's hybrid
/// search, so that "استانا" finds "أستانا" and "٢٢٥٤" finds "2254".
/// </summary>
public sealed class PassageRetriever(
    ArabicTextAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IPassageIndex index,
    IOptions<RetrievalOptions> options)
{
    /// <summary>How many of the best passages bring their neighbours in.</summary>
    private const int NeighbourLeaders = 3;

    /// <summary>
    /// The lexical search's best passages down to this rank are kept whatever fusion made of them: the local embedder can
    /// put the passage that shares the question's rarest words last of all, and fusion then drops it below the cut. (The
    /// second one too brings in more passages that name only the question's time or place, answered wrongly on the
    /// gold sets' unanswerable questions.)
    /// </summary>
    private const int LexicalLeaders = 1;

    private readonly RetrievalOptions _options = options.Value;

    public async Task<RetrievalResult> RetrieveAsync(string query, int? topK, CancellationToken cancellationToken)
    {
        var terms = analyzer.Terms(query);
        var top = topK is > 0 ? Math.Min(topK.Value, 100) : _options.TopK;
        var vector = (await embedder.GenerateAsync([query], cancellationToken: cancellationToken))[0].Vector;
        var pool = Math.Max(_options.CandidatePool, top);
        var fused = await index.SearchAsync(new PassageQuery(query, terms, vector, pool, pool), cancellationToken);
        var statistics = await index.GetTermStatisticsAsync(terms, cancellationToken);
        return new RetrievalResult(terms, WithNeighbours(fused, top), statistics);
    }

    /// <summary>
    /// The <paramref name="top"/> best passages, then any further match that is the lexical search's best
    /// (<see cref="LexicalLeaders"/>) or the passage just before or after one of the very best in its document: a
    /// statement cut by a passage boundary, or the sentence next to the best match that holds the answer, is still seen,
    /// while the list grows only by passages that matched the query themselves.
    /// </summary>
    private static List<ScoredPassage> WithNeighbours(IReadOnlyList<ScoredPassage> fused, int top)
    {
        // Loops rather than LINQ: this runs for every candidate of every question.
        var kept = Math.Clamp(top, 0, fused.Count);
        var result = new List<ScoredPassage>(fused.Count);
        for (var i = 0; i < kept; i++) result.Add(fused[i]);
        var leaders = Math.Min(NeighbourLeaders, kept);
        for (var i = kept; i < fused.Count; i++)
        {
            if (fused[i].LexicalRank <= LexicalLeaders)
            {
                result.Add(fused[i]);
                continue;
            }
            for (var l = 0; l < leaders; l++)
            {
                if (!Adjacent(result[l].Passage, fused[i].Passage)) continue;
                result.Add(fused[i]);
                break;
            }
        }
        return result;
    }

    /// <summary>At most this many characters (the blank lines between paragraphs) separate two passages that follow each other.</summary>
    private const int MaxNeighbourGap = 16;

    /// <summary>
    /// Whether <paramref name="other"/> continues <paramref name="passage"/> in its document, before or after it: by
    /// offsets, not ordinals, as the chunker may add a passage overlapping the end of another between the two.
    /// </summary>
    private static bool Adjacent(Passage passage, Passage other) =>
        passage.DocumentId == other.DocumentId
        && ((other.Start > passage.Start && other.Start <= passage.End + MaxNeighbourGap && other.End > passage.End)
            || (other.End < passage.End && other.End >= passage.Start - MaxNeighbourGap && other.Start < passage.Start));
}
