using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Storage;

/// <summary>
/// The store behind retrieval: the embedded on-disk index by default, Qdrant in production.
/// Both hold documents (with their exact text, so citations can be checked), passages and dense vectors,
/// and both answer one hybrid (lexical + dense, fused by reciprocal rank fusion) query.
/// </summary>
public interface IPassageIndex
{
    /// <summary>Short name for messages and health reports, e.g. "Embedded" or "Qdrant".</summary>
    string Name { get; }

    /// <summary>Counts of what is indexed; <see cref="IndexStatus.Exists"/> is false when nothing was ever indexed.</summary>
    Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>documentId → content hash of every indexed document, for incremental indexing.</summary>
    Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a write. Only one may be open at a time across processes: a second one fails with
    /// <see cref="IndexBusyException"/>. Nothing is visible to readers before <see cref="IIndexWriter.CommitAsync"/>.
    /// </summary>
    Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken);

    /// <summary>Hybrid search; results best first, at most <see cref="PassageQuery.TopK"/>.</summary>
    Task<IReadOnlyList<ScoredPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken);

    /// <summary>How many passages contain each analysed term, and how many passages there are.</summary>
    Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken);

    /// <summary>Every passage, ordered by document id then ordinal.</summary>
    IAsyncEnumerable<Passage> ListPassagesAsync(CancellationToken cancellationToken);

    /// <summary>An indexed document with its exact text, or null.</summary>
    Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken);
}

/// <summary>A pending change to the index; disposed without commit, it leaves the index as it was.</summary>
public interface IIndexWriter : IAsyncDisposable
{
    /// <summary>Adds or replaces a document and all its passages (vectors parallel to passages).</summary>
    Task UpsertDocumentAsync(SourceDocument document, IReadOnlyList<Passage> passages, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken);

    Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Makes every change visible at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <param name="Problem">Set when the index serves but something is wrong (e.g. a damaged newest generation); says how to repair it.</param>
public sealed record IndexStatus(bool Exists, int Documents, int Passages, string? EmbedderId, string? Problem = null);

/// <summary>A search request: the analysed terms feed the lexical side, the vector the dense side.</summary>
public sealed record PassageQuery(string Text, IReadOnlyList<string> Terms, ReadOnlyMemory<float> Vector, int TopK, int CandidatePool);

/// <summary>A passage with its fused score and its ranks in each list (null when absent from that list).</summary>
public sealed record ScoredPassage(Passage Passage, double Score, int? LexicalRank, int? DenseRank);

/// <summary>Corpus statistics for term rarity (IDF).</summary>
public sealed record TermStatistics(int PassageCount, IReadOnlyDictionary<string, int> DocumentFrequency)
{
    /// <summary>Whether no passage has any of <paramref name="terms"/>: a word the documents never use.</summary>
    public bool NeverUsed(IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (DocumentFrequency.GetValueOrDefault(terms[i]) > 0) return false;
        }
        return true;
    }
}

/// <summary>Another process (or writer) is already changing the index.</summary>
public sealed class IndexBusyException(string message) : Exception(message);

/// <summary>The index back-end cannot be used; the message says what to do. Hosts print it without a stack trace.</summary>
public sealed class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
