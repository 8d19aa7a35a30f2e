using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Documents;
using Assistant.Embedding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// <see cref="IPassageIndex"/> on a Qdrant collection (layout in <see cref="QdrantCollectionLayout"/>). Hybrid search is
/// one Query API call: a dense and a sparse prefetch fused by Qdrant's reciprocal rank fusion. A missing collection
/// reads as an empty index.
/// </summary>
internal sealed class QdrantPassageIndex(
    QdrantRestClient client,
    ArabicTextAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<IndexOptions> options,
    IOptions<RetrievalOptions> retrieval,
    IOptions<ChunkingOptions> chunking,
    ILogger<QdrantPassageIndex> logger) : IPassageIndex
{
    private const int ScrollPageSize = 256;

    // Qdrant counts list positions from 0 (1 / (k + position)), Retrieval:RrfK from 1 (1 / (k + rank)): k + 1 makes
    // the fused scores, and so the ranking, the same as the embedded index's.
    private readonly int rrfK = retrieval.Value.RrfK;

    private readonly string embedderId = EmbedderIdentity.Of(embedder);

    // Set once the collection has been seen to match the embedder; a rebuild by another process with another
    // embedder then shows up as Qdrant's own dimension error, which is mapped to a message like any other.
    private volatile bool verified;

    public string Name => $"{IndexProviders.Qdrant} ({client.Url}, collection {client.Collection})";

    public async Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (!await client.CollectionExistsAsync(cancellationToken)) return new IndexStatus(false, 0, 0, null);

        var info = await client.GetCollectionAsync(cancellationToken);
        var documents = await client.CountAsync(QdrantCollectionLayout.Documents(), cancellationToken);
        var passages = await client.CountAsync(QdrantCollectionLayout.Passages(), cancellationToken);
        return new IndexStatus(true, (int)documents, (int)passages, QdrantCollectionLayout.EmbedderOf(info));
    }

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await client.CollectionExistsAsync(cancellationToken)) return hashes;

        await foreach (var (_, payload) in ScrollAsync(QdrantCollectionLayout.Documents(), [QdrantCollectionLayout.DocumentIdField, QdrantCollectionLayout.ContentHashField], cancellationToken))
        {
            hashes[payload.DocumentId] = payload.ContentHash ?? "";
        }
        return hashes;
    }

    public async Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var writeLock = QdrantWriteLock.Acquire(client.Url, client.Collection);
        try
        {
            if (!rebuild)
            {
                await EnsureCompatibleAsync(cancellationToken);
            }
            var dimensions = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
            return new QdrantIndexWriter(client, analyzer, embedderId, dimensions, rebuild, Math.Max(1, options.Value.Qdrant.BatchSize),
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
        var candidates = Math.Max(query.CandidatePool, query.TopK);
        List<Prefetch> prefetch = [new(query.Vector.ToArray(), QdrantCollectionLayout.DenseVector, candidates)];
        if (query.Terms.Count > 0)
        {
            prefetch.Add(new(SparseTermEncoder.EncodeQuery(query.Terms), QdrantCollectionLayout.SparseVector, candidates));
        }

        var fusion = new RrfQuery(new Rrf(rrfK + 1));
        var points = await client.QueryAsync(new QueryRequest(prefetch, fusion, query.TopK, QdrantCollectionLayout.PassageFields), cancellationToken);
        // Qdrant fuses server-side and does not report the rank a point had in each list.
        return [.. points.Select(point => new ScoredPassage(ToPassage(point.Payload, point.Id), point.Score, null, null))];
    }

    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        if (!await EnsureCompatibleAsync(cancellationToken)) return new TermStatistics(0, distinct.ToDictionary(term => term, _ => 0, StringComparer.Ordinal));

        var passages = client.CountAsync(QdrantCollectionLayout.Passages(), cancellationToken);
        var frequencies = distinct.Select(term => client.CountAsync(QdrantCollectionLayout.PassagesWithTerm(term), cancellationToken)).ToList();
        await Task.WhenAll([passages, .. frequencies]);
        return new TermStatistics((int)passages.Result, distinct.Zip(frequencies).ToDictionary(pair => pair.First, pair => (int)pair.Second.Result, StringComparer.Ordinal));
    }

    public async IAsyncEnumerable<Passage> ListPassagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await client.CollectionExistsAsync(cancellationToken)) yield break;

        // Scroll pages come in point-id order, so documents are listed first and each one's passages sorted here.
        var documentIds = new List<string>();
        await foreach (var (_, payload) in ScrollAsync(QdrantCollectionLayout.Documents(), [QdrantCollectionLayout.DocumentIdField], cancellationToken))
        {
            documentIds.Add(payload.DocumentId);
        }
        documentIds.Sort(StringComparer.Ordinal);

        foreach (var documentId in documentIds)
        {
            var passages = new List<Passage>();
            await foreach (var (id, payload) in ScrollAsync(QdrantCollectionLayout.PassagesOf(documentId), QdrantCollectionLayout.PassageFields, cancellationToken))
            {
                passages.Add(ToPassage(payload, id));
            }
            foreach (var passage in passages.OrderBy(passage => passage.Ordinal))
            {
                yield return passage;
            }
        }
    }

    public async Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        if (!await client.CollectionExistsAsync(cancellationToken)) return null;

        var page = await client.ScrollAsync(new ScrollRequest(QdrantCollectionLayout.DocumentPoint(documentId), 1, null, QdrantCollectionLayout.DocumentFields), cancellationToken);
        return page.Points.FirstOrDefault()?.Payload is { } payload
            ? new SourceDocument(payload.DocumentId, payload.Title ?? "", payload.Text ?? "", payload.ContentHash ?? "")
            : null;
    }

    /// <summary>False when there is no collection yet; throws when it holds another embedder's vectors.</summary>
    private async Task<bool> EnsureCompatibleAsync(CancellationToken cancellationToken)
    {
        if (verified) return true;
        if (!await client.CollectionExistsAsync(cancellationToken)) return false;

        var reason = QdrantCollectionLayout.Incompatibility(await client.GetCollectionAsync(cancellationToken), embedderId);
        if (reason is not null)
        {
            throw QdrantErrors.Incompatible(client.Url, client.Collection, reason);
        }
        logger.LogDebug("Qdrant collection {Collection} matches embedder {Embedder}", client.Collection, embedderId);
        verified = true;
        return true;
    }

    private async IAsyncEnumerable<(JsonElement Id, PointPayload Payload)> ScrollAsync(QdrantFilter filter, IReadOnlyList<string> fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JsonElement? offset = null;
        do
        {
            var page = await client.ScrollAsync(new ScrollRequest(filter, ScrollPageSize, offset, fields), cancellationToken);
            foreach (var point in page.Points)
            {
                yield return (point.Id, point.Payload ?? throw MissingPayload(point.Id));
            }
            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null } next ? next : null;
        }
        while (offset is not null);
    }

    private Passage ToPassage(PointPayload? payload, JsonElement id) =>
        payload is { PassageId: { } passageId, Start: { } start, End: { } end, Ordinal: { } ordinal }
            ? new Passage(passageId, payload.DocumentId, payload.Title ?? "", start, end, payload.Text ?? "", ordinal)
            : throw MissingPayload(id);

    private IndexUnavailableException MissingPayload(JsonElement id) =>
        QdrantErrors.Incompatible(client.Url, client.Collection, $"has point {id} without the fields this version of Assistant stores");
}
