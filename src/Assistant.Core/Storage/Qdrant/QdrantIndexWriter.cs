using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Documents;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// A write to the Qdrant index. Qdrant has no transactions, so changes are buffered in memory and applied by
/// <see cref="CommitAsync"/>, every call with <c>wait=true</c>, in an order that keeps every interruption repairable:
/// 1. all new passage points (batched upserts; ids are stable, so a changed document's passages are overwritten in
///    place), 2. each changed document's stale passages (those carrying an older content hash), 3. the document points,
///    which carry the content hash: a document whose commit was cut short keeps its old hash (or none) and is simply
///    re-indexed by the next incremental run, 4. removed documents, one filter delete each.
/// An incremental write goes to the collection behind the alias, so readers may briefly see a document's new passages
/// next to its stale ones. A rebuild (or the first build) fills a new collection and then points the alias at it in one
/// atomic alias change: readers see the old index until then, a failed rebuild drops its half-built collection and
/// leaves the old one serving, and the old collection is dropped after the swap.
/// </summary>
internal sealed class QdrantIndexWriter(
    QdrantConnection connection,
    ArabicTextAnalyzer analyzer,
    string embedderId,
    int? embedderDimensions,
    bool rebuild,
    QdrantOptions options,
    float referenceLength,
    QdrantWriteLock writeLock,
    ILogger logger) : IIndexWriter
{
    private readonly Dictionary<string, PendingDocument?> pending = new(StringComparer.Ordinal);
    private readonly int batchSize = Math.Max(1, options.BatchSize);
    private bool finished;

    public Task UpsertDocumentAsync(SourceDocument document, IReadOnlyList<Passage> passages, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        if (passages.Count != vectors.Count)
        {
            throw new ArgumentException($"{passages.Count} passages but {vectors.Count} vectors for '{document.DocumentId}'.", nameof(vectors));
        }
        pending[document.DocumentId] = new PendingDocument(document,
            [.. passages.Select((passage, i) => QdrantCollectionLayout.PassagePoint(document, passage, vectors[i].ToArray(), analyzer.Terms(passage.Text), referenceLength))]);
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

        var current = await connection.AliasTargetAsync(cancellationToken);
        // A collection that is itself named like the alias (made before aliases were used) is written in place too.
        var serving = current ?? (await connection.ExistsAsync(connection.Alias, cancellationToken) ? connection.Alias : null);
        if (serving is not null && !rebuild)
        {
            await WriteAsync(connection.Alias, upserts, removals, cancellationToken);
        }
        else if (await CreateBuildAsync(upserts, cancellationToken) is { } build)
        {
            await WriteBuildAsync(build, serving, upserts, removals, cancellationToken);
        }

        logger.LogInformation("Qdrant collection {Collection}: {Upserted} documents written, {Removed} removed", connection.Alias, upserts.Count, removals.Count);
        Finish();
    }

    public ValueTask DisposeAsync()
    {
        Finish();
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates a new collection for a build with its payload indexes; null when there is nothing to write into.</summary>
    private async Task<string?> CreateBuildAsync(IReadOnlyList<PendingDocument> upserts, CancellationToken cancellationToken)
    {
        var dimensions = upserts.SelectMany(upsert => upsert.Passages)
            .Select(point => point.Vectors.Vectors_.Vectors[QdrantCollectionLayout.DenseVector].Dense.Data.Count)
            .FirstOrDefault(embedderDimensions ?? 0);
        if (dimensions == 0) return null;

        var build = QdrantCollectionLayout.NewCollectionName(connection.Alias);
        logger.LogInformation("Creating Qdrant collection {Collection} ({Dimensions} dimensions, embedder {Embedder}) for alias {Alias}", build, dimensions, embedderId, connection.Alias);
        var request = QdrantCollectionLayout.CreateRequest(build, embedderId, dimensions, options);
        await connection.RunAsync(build, (qdrant, token) => qdrant.CreateCollectionAsync(request, token), cancellationToken);
        try
        {
            foreach (var field in QdrantCollectionLayout.IndexedKeywordFields)
            {
                await connection.RunAsync(build, (qdrant, token) => qdrant.CreatePayloadIndexAsync(build, field, PayloadSchemaType.Keyword, wait: true, cancellationToken: token), cancellationToken);
            }
        }
        catch
        {
            await DropQuietlyAsync(build);
            throw;
        }
        return build;
    }

    /// <summary>Fills a new build and points the alias at it; until the swap, readers see <paramref name="serving"/>.</summary>
    private async Task WriteBuildAsync(string build, string? serving, IReadOnlyList<PendingDocument> upserts, IReadOnlyList<string> removals, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(build, upserts, removals, cancellationToken);
            List<AliasOperations> swap = [];
            if (serving == connection.Alias)
            {
                // An alias cannot share a collection's name: a collection made before aliases were used goes first (once).
                await connection.RunAsync(serving, (qdrant, token) => qdrant.DeleteCollectionAsync(serving, cancellationToken: token), cancellationToken);
            }
            else if (serving is not null)
            {
                swap.Add(new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = connection.Alias } });
            }
            // One UpdateAliases call: Qdrant applies its operations atomically, so readers never see no alias.
            swap.Add(new AliasOperations { CreateAlias = new CreateAlias { AliasName = connection.Alias, CollectionName = build } });
            await connection.RunAsync(connection.Alias, (qdrant, token) => qdrant.UpdateAliasesAsync(swap, cancellationToken: token), cancellationToken);
        }
        catch
        {
            logger.LogWarning("Qdrant build {Collection} failed; dropping it, alias {Alias} still serves {Serving}", build, connection.Alias, serving ?? "nothing");
            await DropQuietlyAsync(build);
            throw;
        }

        logger.LogInformation("Qdrant alias {Alias} now points at {Collection}", connection.Alias, build);
        if (serving is not null && serving != connection.Alias)
        {
            await DropQuietlyAsync(serving);
        }
    }

    private async Task WriteAsync(string collection, IReadOnlyList<PendingDocument> upserts, IReadOnlyList<string> removals, CancellationToken cancellationToken)
    {
        foreach (var batch in upserts.SelectMany(upsert => upsert.Passages).Chunk(batchSize))
        {
            await UpsertAsync(collection, batch, cancellationToken);
        }
        foreach (var upsert in upserts)
        {
            await DeleteAsync(collection, QdrantCollectionLayout.StalePassagesOf(upsert.Document.DocumentId, upsert.Document.ContentHash), cancellationToken);
        }
        foreach (var batch in upserts.Select(upsert => QdrantCollectionLayout.DocumentPointOf(upsert.Document)).Chunk(batchSize))
        {
            await UpsertAsync(collection, batch, cancellationToken);
        }
        foreach (var documentId in removals)
        {
            await DeleteAsync(collection, QdrantCollectionLayout.AllOf(documentId), cancellationToken);
        }
    }

    private Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken cancellationToken) =>
        connection.RunAsync(collection, (qdrant, token) => qdrant.UpsertAsync(collection, points, wait: true, cancellationToken: token), cancellationToken);

    private Task DeleteAsync(string collection, Filter filter, CancellationToken cancellationToken) =>
        connection.RunAsync(collection, (qdrant, token) => qdrant.DeleteAsync(collection, filter, wait: true, cancellationToken: token), cancellationToken);

    /// <summary>Best effort: a collection left behind only costs space, and the error being reported matters more.</summary>
    private async Task DropQuietlyAsync(string collection)
    {
        try
        {
            await connection.RunAsync(collection, (qdrant, token) => qdrant.DeleteCollectionAsync(collection, cancellationToken: token), CancellationToken.None);
        }
        catch (IndexUnavailableException e)
        {
            logger.LogWarning("Could not drop Qdrant collection {Collection}: {Reason}", collection, e.Message);
        }
    }

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(finished, this);

    private void Finish()
    {
        if (finished) return;
        finished = true;
        pending.Clear();
        writeLock.Dispose();
    }

    private sealed record PendingDocument(SourceDocument Document, IReadOnlyList<PointStruct> Passages);
}
