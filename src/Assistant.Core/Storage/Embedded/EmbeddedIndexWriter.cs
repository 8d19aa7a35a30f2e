using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Storage.Embedded;

/// <summary>
/// Collects changes against the generation that was current when the write began, then writes a whole new generation
/// aside and switches <c>CURRENT</c> to it atomically. Until then (or if the run dies) readers keep the previous one.
/// </summary>
internal sealed class EmbeddedIndexWriter : IIndexWriter
{
    private readonly EmbeddedPassageIndex _index;
    private readonly IndexLock _lock;
    private readonly string _embedderId;
    private readonly ArabicTextAnalyzer _analyzer;
    private readonly Dictionary<string, (SourceDocument Document, List<StoredPassage> Passages)> _documents = new(StringComparer.Ordinal);
    private int _dimensions;

    public EmbeddedIndexWriter(EmbeddedPassageIndex index, IndexLock writeLock, IndexSnapshot? current, string embedderId, ArabicTextAnalyzer analyzer)
    {
        _index = index;
        _lock = writeLock;
        _embedderId = embedderId;
        _analyzer = analyzer;
        if (current is null) return;
        _dimensions = current.Manifest.Dimensions;
        foreach (var group in current.Passages.GroupBy(p => p.Passage.DocumentId))
        {
            _documents[group.Key] = (current.Documents[group.Key], group.ToList());
        }
        foreach (var document in current.Documents.Values.Where(d => !_documents.ContainsKey(d.DocumentId)))
        {
            _documents[document.DocumentId] = (document, []);
        }
    }

    public Task UpsertDocumentAsync(SourceDocument document, IReadOnlyList<Passage> passages, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        if (passages.Count != vectors.Count) throw new ArgumentException("One vector per passage is required.", nameof(vectors));
        var stored = new List<StoredPassage>(passages.Count);
        for (var i = 0; i < passages.Count; i++)
        {
            var vector = vectors[i].ToArray();
            if (_dimensions == 0) _dimensions = vector.Length;
            if (vector.Length != _dimensions) throw new ArgumentException($"Vector of {vector.Length} dimensions where the index has {_dimensions}.", nameof(vectors));
            stored.Add(new StoredPassage(passages[i], string.Join(' ', _analyzer.Terms(passages[i].Text)), vector));
        }
        _documents[document.DocumentId] = (document, stored);
        return Task.CompletedTask;
    }

    public Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        _documents.Remove(documentId);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var root = _index.Root;
        RemoveAbandonedGenerations(root);
        var generation = $"{IndexFiles.GenerationPrefix}{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..33];
        var ordered = _documents.Values.OrderBy(d => d.Document.DocumentId, StringComparer.Ordinal).ToList();
        var passages = ordered.SelectMany(d => d.Passages).ToList();
        var manifest = new IndexManifest(IndexFiles.Format, _embedderId, _dimensions, ordered.Count, passages.Count, DateTimeOffset.UtcNow);
        var folder = Path.Combine(root, generation);
        try
        {
            await IndexSnapshot.WriteAsync(folder, manifest, ordered.Select(d => d.Document), passages, cancellationToken);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
        // The previous generation stays on disk, so it can serve should this one be found damaged; the next write removes it.
        IndexFiles.SwitchCurrent(root, generation);
        await _index.PublishAsync(generation, cancellationToken);
    }

    /// <summary>
    /// Every generation but the current one: the previous one kept by the last write, and folders left by runs that died
    /// before switching CURRENT (we hold the lock, so none is being written).
    /// </summary>
    private static void RemoveAbandonedGenerations(string root)
    {
        var current = IndexFiles.ReadCurrent(root);
        foreach (var folder in Directory.EnumerateDirectories(root, IndexFiles.GenerationPrefix + "*"))
        {
            if (Path.GetFileName(folder) != current) TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next write to clean up.
        }
    }

    public ValueTask DisposeAsync()
    {
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
