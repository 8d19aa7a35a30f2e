using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Storage.Embedded;

/// <summary>
/// Writes a whole new generation aside and switches <c>CURRENT</c> to it atomically; until then (or if the run dies)
/// readers keep the previous one. Documents are streamed: each upsert is appended to a staging area on disk at once, and
/// the commit merges the staged documents with the unchanged ones of the generation that was current when the write
/// began, one document at a time, in document-id order. Memory holds one entry per document, never the texts or vectors.
/// </summary>
internal sealed class EmbeddedIndexWriter : IIndexWriter
{
    private const string StagingFolder = "staging";

    private readonly EmbeddedPassageIndex _index;
    private readonly IndexLock _lock;
    private readonly IndexSnapshot? _current;
    private readonly string _embedderId;
    private readonly ArabicTextAnalyzer _analyzer;
    private readonly string _generation;
    private readonly string _folder;
    private readonly PassageStoreWriter _staging;
    /// <summary>The newest staged entry of each upserted document.</summary>
    private readonly Dictionary<string, DocumentEntry> _staged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
    private bool _committed;

    public EmbeddedIndexWriter(EmbeddedPassageIndex index, IndexLock writeLock, IndexSnapshot? current, string embedderId, ArabicTextAnalyzer analyzer)
    {
        _index = index;
        _lock = writeLock;
        _current = current;
        _embedderId = embedderId;
        _analyzer = analyzer;
        RemoveAbandonedGenerations(index.Root, current?.Generation);
        _generation = $"{IndexFiles.GenerationPrefix}{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..33];
        _folder = Path.Combine(index.Root, _generation);
        _staging = new PassageStoreWriter(Path.Combine(_folder, StagingFolder), current?.Manifest.Dimensions ?? 0);
    }

    public Task UpsertDocumentAsync(SourceDocument document, IReadOnlyList<Passage> passages, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        if (passages.Count != vectors.Count) throw new ArgumentException("One vector per passage is required.", nameof(vectors));
        var stored = passages.Select((p, i) => new StoredPassage(p, string.Join(' ', _analyzer.Terms(p.Text)), vectors[i])).ToList();
        _staged[document.DocumentId] = _staging.Append(document, stored);
        _removed.Remove(document.DocumentId);
        return Task.CompletedTask;
    }

    public Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        _staged.Remove(documentId);
        _removed.Add(documentId);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _staging.CompleteAsync(cancellationToken);
            _staging.Dispose();
            var kept = _current?.Documents.Where(d => !_staged.ContainsKey(d.DocumentId) && !_removed.Contains(d.DocumentId)) ?? [];
            var documents = kept.Select(d => (Entry: d, Staged: false))
                .Concat(_staged.Values.Select(d => (Entry: d, Staged: true)))
                .OrderBy(d => d.Entry.DocumentId, StringComparer.Ordinal)
                .ToList();
            var dimensions = _staging.Dimensions;
            int passages;
            using (var final = new PassageStoreWriter(_folder, dimensions))
            using (var fromStaging = new PassageStoreReader(Path.Combine(_folder, StagingFolder), dimensions))
            using (var fromCurrent = _current is null ? null : new PassageStoreReader(_current.Folder, dimensions))
            {
                IndexSnapshot.WriteLexical(_folder, Copy(documents, final, fromStaging, fromCurrent), cancellationToken);
                await final.CompleteAsync(cancellationToken);
                passages = final.Passages;
            }
            Directory.Delete(Path.Combine(_folder, StagingFolder), recursive: true);
            var manifest = new IndexManifest(IndexFiles.Format, _embedderId, dimensions, documents.Count, passages, DateTimeOffset.UtcNow);
            await IndexFiles.WriteManifestAsync(_folder, manifest, cancellationToken);
        }
        catch
        {
            TryDelete(_folder);
            throw;
        }
        _committed = true;
        // The previous generation stays on disk, so it can serve should this one be found damaged; the next write removes it.
        IndexFiles.SwitchCurrent(_index.Root, _generation);
        await _index.PublishAsync(_generation, cancellationToken);
    }

    /// <summary>
    /// Copies each document, in order, from the staging area or the current generation into the new generation's files,
    /// and yields its passages' terms as it goes, so the lexical index is built in the same pass.
    /// </summary>
    private static IEnumerable<string> Copy(List<(DocumentEntry Entry, bool Staged)> documents, PassageStoreWriter final, PassageStoreReader fromStaging, PassageStoreReader? fromCurrent)
    {
        foreach (var (entry, staged) in documents)
        {
            var (document, passages) = (staged ? fromStaging : fromCurrent!).Read(entry);
            final.Append(document, passages);
            foreach (var passage in passages) yield return passage.Terms;
        }
    }

    /// <summary>
    /// Every generation but the current one and the one this write copies from (the previous one, standing in for a
    /// damaged current one): the previous one kept by the last write, and folders left by runs that died before
    /// switching CURRENT (we hold the lock, so none is being written).
    /// </summary>
    private static void RemoveAbandonedGenerations(string root, string? copiedFrom)
    {
        var current = IndexFiles.ReadCurrent(root);
        foreach (var folder in Directory.EnumerateDirectories(root, IndexFiles.GenerationPrefix + "*"))
        {
            var name = Path.GetFileName(folder);
            if (name != current && name != copiedFrom) TryDelete(folder);
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
        _staging.Dispose();
        if (!_committed) TryDelete(_folder);
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
