using System.Runtime.CompilerServices;
using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Documents;
using Assistant.Embedding;
using Google.Protobuf.Collections;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// <see cref="IPassageIndex"/> on the Qdrant collection behind the configured alias (layout in
/// <see cref="QdrantCollectionLayout"/>). Hybrid search is one Query API call: a dense and a sparse prefetch fused by
/// Qdrant's reciprocal rank fusion. A missing collection reads as an empty index.
/// </summary>
internal sealed class QdrantPassageIndex(
    QdrantConnection connection,
    ArabicTextAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<IndexOptions> options,
    IOptions<RetrievalOptions> retrieval,
    IOptions<ChunkingOptions> chunking,
    ILogger<QdrantPassageIndex> logger) : IPassageIndex
{
    private const uint ScrollPageSize = 256;

    // Qdrant counts list positions from 0 (1 / (k + position)), Retrieval:RrfK from 1 (1 / (k + rank)): k + 1 makes
    // the fused scores, and so the ranking, the same as the embedded index's (both lists weigh the same in each).
    private readonly uint rrfK = (uint)Math.Max(0, retrieval.Value.RrfK) + 1;

    private readonly string embedderId = EmbedderIdentity.Of(embedder);

    // Set once the collection has been seen to match the embedder; a rebuild by another process with another
    // embedder then shows up as Qdrant's own dimension error, which is mapped to a message like any other.
    private volatile bool verified;

    private string Alias => connection.Alias;

    public string Name => $"{IndexProviders.Qdrant} ({connection.Url}, collection {Alias})";

    public async Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (!await connection.ExistsAsync(Alias, cancellationToken)) return new IndexStatus(false, 0, 0, null);

        var info = await connection.RunAsync(Alias, (qdrant, token) => qdrant.GetCollectionInfoAsync(Alias, token), cancellationToken);
        var documents = await CountAsync(QdrantCollectionLayout.Documents(), cancellationToken);
        var passages = await CountAsync(QdrantCollectionLayout.Passages(), cancellationToken);
        return new IndexStatus(true, documents, passages, QdrantCollectionLayout.EmbedderOf(info));
    }

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await connection.ExistsAsync(Alias, cancellationToken)) return hashes;

        await foreach (var point in ScrollAsync(QdrantCollectionLayout.Documents(), [QdrantCollectionLayout.DocumentIdField, QdrantCollectionLayout.ContentHashField], cancellationToken))
        {
            var documentId = QdrantCollectionLayout.Text(point.Payload, QdrantCollectionLayout.DocumentIdField) ?? throw MissingPayload(point.Id);
            hashes[documentId] = QdrantCollectionLayout.Text(point.Payload, QdrantCollectionLayout.ContentHashField) ?? "";
        }
        return hashes;
    }

    public async Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var writeLock = QdrantWriteLock.Acquire(connection.Url, Alias);
        try
        {
            if (!rebuild)
            {
                await EnsureCompatibleAsync(cancellationToken);
            }
            var dimensions = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
            return new QdrantIndexWriter(connection, analyzer, embedderId, dimensions, rebuild, options.Value.Qdrant,
                SparseTermEncoder.ReferenceLength(chunking.Value.TargetChars), writeLock, logger);
        }
        catch
        {
            writeLock.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<ScoredPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        if (query.TopK <= 0 || !await EnsureCompatibleAsync(cancellationToken)) return [];

        // Each prefetch must hold at least the final limit, or fusion could return fewer than TopK.
        var candidates = (ulong)Math.Max(query.CandidatePool, query.TopK);
        List<PrefetchQuery> prefetch = [new() { Query = query.Vector.ToArray(), Using = QdrantCollectionLayout.DenseVector, Limit = candidates }];
        if (query.Terms.Count > 0)
        {
            var sparse = SparseTermEncoder.EncodeQuery(query.Terms);
            prefetch.Add(new() { Query = (sparse.Values, sparse.Indices), Using = QdrantCollectionLayout.SparseVector, Limit = candidates });
        }

        var points = await connection.RunAsync(Alias, (qdrant, token) => qdrant.QueryAsync(Alias, new Rrf { K = rrfK }, prefetch,
            limit: (ulong)query.TopK, payloadSelector: QdrantCollectionLayout.PassageFields, cancellationToken: token), cancellationToken);
        // Qdrant fuses server-side and does not report the rank a point had in each list.
        return [.. points.Select(point => new ScoredPassage(ToPassage(point.Payload, point.Id), point.Score, null, null))];
    }

    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        if (!await EnsureCompatibleAsync(cancellationToken)) return new TermStatistics(0, distinct.ToDictionary(term => term, _ => 0, StringComparer.Ordinal));

        var passages = CountAsync(QdrantCollectionLayout.Passages(), cancellationToken);
        var frequencies = distinct.Select(term => CountAsync(QdrantCollectionLayout.PassagesWithTerm(term), cancellationToken)).ToList();
        await Task.WhenAll([passages, .. frequencies]);
        return new TermStatistics(passages.Result, distinct.Zip(frequencies).ToDictionary(pair => pair.First, pair => pair.Second.Result, StringComparer.Ordinal));
    }

    public async IAsyncEnumerable<Passage> ListPassagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await connection.ExistsAsync(Alias, cancellationToken)) yield break;

        // Scroll pages come in point-id order, so documents are listed first and each one's passages sorted here.
        var documentIds = new List<string>();
        await foreach (var point in ScrollAsync(QdrantCollectionLayout.Documents(), [QdrantCollectionLayout.DocumentIdField], cancellationToken))
        {
            documentIds.Add(QdrantCollectionLayout.Text(point.Payload, QdrantCollectionLayout.DocumentIdField) ?? throw MissingPayload(point.Id));
        }
        documentIds.Sort(StringComparer.Ordinal);

        foreach (var documentId in documentIds)
        {
            var passages = new List<Passage>();
            await foreach (var point in ScrollAsync(QdrantCollectionLayout.PassagesOf(documentId), QdrantCollectionLayout.PassageFields, cancellationToken))
            {
                passages.Add(ToPassage(point.Payload, point.Id));
            }
            foreach (var passage in passages.OrderBy(passage => passage.Ordinal))
            {
                yield return passage;
            }
        }
    }

    public async Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        if (!await connection.ExistsAsync(Alias, cancellationToken)) return null;

        var page = await connection.RunAsync(Alias, (qdrant, token) => qdrant.ScrollAsync(Alias, QdrantCollectionLayout.DocumentPoint(documentId), 1,
            payloadSelector: QdrantCollectionLayout.DocumentFields, cancellationToken: token), cancellationToken);
        return page.Result.FirstOrDefault() is { } point
            ? QdrantCollectionLayout.ToDocument(point.Payload) ?? throw MissingPayload(point.Id)
            : null;
    }

    /// <summary>False when there is no collection yet; throws when it holds another embedder's vectors.</summary>
    private async Task<bool> EnsureCompatibleAsync(CancellationToken cancellationToken)
    {
        if (verified) return true;
        if (!await connection.ExistsAsync(Alias, cancellationToken)) return false;

        var info = await connection.RunAsync(Alias, (qdrant, token) => qdrant.GetCollectionInfoAsync(Alias, token), cancellationToken);
        var reason = QdrantCollectionLayout.Incompatibility(info, embedderId);
        if (reason is not null)
        {
            throw QdrantErrors.Incompatible(connection.Url, Alias, reason);
        }
        logger.LogDebug("Qdrant collection {Collection} matches embedder {Embedder}", Alias, embedderId);
        verified = true;
        return true;
    }

    private async Task<int> CountAsync(Filter filter, CancellationToken cancellationToken) =>
        (int)await connection.RunAsync(Alias, (qdrant, token) => qdrant.CountAsync(Alias, filter, exact: true, cancellationToken: token), cancellationToken);

    private async IAsyncEnumerable<RetrievedPoint> ScrollAsync(Filter filter, string[] fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        do
        {
            var from = offset;
            var page = await connection.RunAsync(Alias, (qdrant, token) => qdrant.ScrollAsync(Alias, filter, ScrollPageSize, from, fields, cancellationToken: token), cancellationToken);
            foreach (var point in page.Result)
            {
                yield return point;
            }
            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    private Passage ToPassage(MapField<string, Value> payload, PointId id) =>
        QdrantCollectionLayout.ToPassage(payload) ?? throw MissingPayload(id);

    private IndexUnavailableException MissingPayload(PointId id) =>
        QdrantErrors.Incompatible(connection.Url, Alias, $"has point {id} without the fields this version of Assistant stores");
}
