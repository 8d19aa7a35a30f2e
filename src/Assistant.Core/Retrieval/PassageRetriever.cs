using Assistant.Analysis;
using Assistant.Configuration;
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
    private readonly RetrievalOptions _options = options.Value;

    public async Task<RetrievalResult> RetrieveAsync(string query, int? topK, CancellationToken cancellationToken)
    {
        var terms = analyzer.Terms(query);
        var top = topK is > 0 ? Math.Min(topK.Value, 100) : _options.TopK;
        var vector = (await embedder.GenerateAsync([query], cancellationToken: cancellationToken))[0].Vector;
        var passages = await index.SearchAsync(new PassageQuery(query, terms, vector, top, Math.Max(_options.CandidatePool, top)), cancellationToken);
        var statistics = await index.GetTermStatisticsAsync(terms, cancellationToken);
        return new RetrievalResult(terms, passages, statistics);
    }
}
