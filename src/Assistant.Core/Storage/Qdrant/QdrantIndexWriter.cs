using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Documents;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// A write to the Qdrant collection. Qdrant has no transactions, so changes are buffered in memory and applied by
/// <see cref="CommitAsync"/> in an order that keeps every interruption repairable:
/// 1. all new passage points (batched upserts, <c>wait=true</c>; ids are stable, so a changed document's passages are
///    overwritten in place), 2. each changed document's stale passages (those carrying an older content hash),
/// 3. the document points, which carry the content hash: a document whose commit was cut short keeps its old hash
///    (or none) and is simply re-indexed by the next incremental run, 4. removed documents, one filter delete each.
/// During a commit readers may briefly see a document's new passages next to its stale ones. A rebuild drops and
/// recreates the collection first, so the index is empty until that commit finishes.
/// </summary>
internal sealed class QdrantIndexWriter(
    QdrantRestClient client,
    ArabicTextAnalyzer analyzer,
    string embedderId,
    int? embedderDimensions,
    bool rebuild,
    int batchSize,
    float referenceLength,
    QdrantWriteLock writeLock,
    ILogger logger) : IIndexWriter
{
    private readonly Dictionary<string, PendingDocument?> pending = new(StringComparer.Ordinal);
    private bool finished;

    public Task UpsertDocumentAsync(SourceDocument document, IReadOnlyList<Passage> passages, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        if (passages.Count != vectors.Count)
        {
            throw new ArgumentException($"{passages.Count} passages but {vectors.Count} vectors for '{document.DocumentId}'.", nameof(vectors));
        }
        pending[document.DocumentId] = new PendingDocument(document, [.. passages.Select((passage, i) => PassagePoint(document, passage, vectors[i]))]);
        return Task.CompletedTask;
    }

    public Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        pending[documentId] = null;
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        var upserts = pending.Values.OfType<PendingDocument>().ToList();
        var removals = pending.Where(change => change.Value is null).Select(change => change.Key).ToList();

        if (await PrepareCollectionAsync(upserts, cancellationToken))
        {
            foreach (var batch in upserts.SelectMany(upsert => upsert.Passages).Chunk(batchSize))
            {
                await client.UpsertPointsAsync(batch, cancellationToken);
            }
            foreach (var upsert in upserts)
            {
                await client.DeletePointsAsync(QdrantCollectionLayout.StalePassagesOf(upsert.Document.DocumentId, upsert.Document.ContentHash), cancellationToken);
            }
            foreach (var batch in upserts.Select(upsert => DocumentPoint(upsert.Document)).Chunk(batchSize))
            {
                await client.UpsertPointsAsync(batch, cancellationToken);
            }
            foreach (var documentId in removals)
            {
                await client.DeletePointsAsync(QdrantCollectionLayout.AllOf(documentId), cancellationToken);
            }
        }

        logger.LogInformation("Qdrant collection {Collection}: {Upserted} documents written, {Removed} removed", client.Collection, upserts.Count, removals.Count);
        Finish();
    }

    public ValueTask DisposeAsync()
    {
        Finish();
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops the collection for a rebuild and creates it when missing; false when there is nothing to write into.</summary>
    private async Task<bool> PrepareCollectionAsync(IReadOnlyList<PendingDocument> upserts, CancellationToken cancellationToken)
    {
        var exists = await client.CollectionExistsAsync(cancellationToken);
        if (exists && rebuild)
        {
            logger.LogInformation("Dropping Qdrant collection {Collection} for a rebuild", client.Collection);
            await client.DeleteCollectionAsync(cancellationToken);
            exists = false;
        }
        if (exists) return true;

        var dimensions = upserts.SelectMany(upsert => upsert.Passages).Select(point => ((float[])point.Vector[QdrantCollectionLayout.DenseVector]).Length).FirstOrDefault(embedderDimensions ?? 0);
        if (dimensions == 0) return false;

        logger.LogInformation("Creating Qdrant collection {Collection} ({Dimensions} dimensions, embedder {Embedder})", client.Collection, dimensions, embedderId);
        await client.CreateCollectionAsync(QdrantCollectionLayout.CreateRequest(embedderId, dimensions), cancellationToken);
        foreach (var field in QdrantCollectionLayout.IndexedKeywordFields)
        {
            await client.CreatePayloadIndexAsync(field, "keyword", cancellationToken);
        }
        return true;
    }

    private QdrantPoint PassagePoint(SourceDocument document, Passage passage, ReadOnlyMemory<float> vector)
    {
        var terms = analyzer.Terms(passage.Text);
        var vectors = new Dictionary<string, object> { [QdrantCollectionLayout.DenseVector] = vector.ToArray() };
        if (terms.Count > 0)
        {
            vectors[QdrantCollectionLayout.SparseVector] = SparseTermEncoder.EncodePassage(terms, referenceLength);
        }
        return new QdrantPoint(PointIds.ForPassage(passage.PassageId), vectors, new PointPayload
        {
            Kind = QdrantCollectionLayout.PassageKind,
            DocumentId = passage.DocumentId,
            PassageId = passage.PassageId,
            Title = passage.Title,
            Start = passage.Start,
            End = passage.End,
            Text = passage.Text,
            Ordinal = passage.Ordinal,
            ContentHash = document.ContentHash,
            Terms = [.. terms.Distinct(StringComparer.Ordinal)],
        });
    }

    private static QdrantPoint DocumentPoint(SourceDocument document) =>
        new(PointIds.ForDocument(document.DocumentId), new Dictionary<string, object>(), new PointPayload
        {
            Kind = QdrantCollectionLayout.DocumentKind,
            DocumentId = document.DocumentId,
            Title = document.Title,
            Text = document.Text,
            ContentHash = document.ContentHash,
        });

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(finished, this);

    private void Finish()
    {
        if (finished) return;
        finished = true;
        pending.Clear();
        writeLock.Dispose();
    }

    private sealed record PendingDocument(SourceDocument Document, IReadOnlyList<QdrantPoint> Passages);
}
