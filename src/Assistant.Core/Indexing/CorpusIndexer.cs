using System.Diagnostics;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexing;

public enum DocumentChange { Added, Updated, Unchanged, Removed }

/// <summary>Progress of an indexing run: one report per document handled.</summary>
/// <param name="Total">Every file found plus every indexed document whose file is gone; a file that turns out unreadable
/// when its turn comes is counted but not reported here (the run's report lists it with the reason).</param>
public sealed record IndexProgress(int Done, int Total, string DocumentId, DocumentChange Change);

/// <summary>What an indexing run did: counts, and per file what became of it (<see cref="Files"/>, <see cref="Skipped"/>).</summary>
public sealed record IndexReport(int Added, int Updated, int Unchanged, int Removed, int Passages, int Characters, double Seconds, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>Each document read or removed, in the order handled.</summary>
    public IReadOnlyList<IndexedFile> Files { get; init; } = [];

    /// <summary>The corpus folder indexed, as a full path.</summary>
    public string Source { get; init; } = "";

    /// <summary>The one line that tells what a run indexed: the folder, its documents by what became of them, the passages.</summary>
    public string Summary() =>
        $"indexed {Source}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Skipped.Count} skipped; " +
        $"{Passages} passages written in {Seconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} s";
}

/// <summary>One document of an indexing run and what became of it.</summary>
public sealed record IndexedFile(string DocumentId, DocumentChange Change);

/// <summary>
/// No file of the corpus folder could be read (or it holds none): an error, not an empty index. The index is left as
/// it was; <see cref="Skipped"/> says why each file was passed over.
/// </summary>
public sealed class NothingToIndexException(string folder, IReadOnlyList<SkippedFile> skipped) : Exception(
    skipped.Count == 0
        ? $"nothing to index: {folder} holds no files; the index is unchanged"
        : $"nothing could be read in {folder}: all {skipped.Count} file(s) skipped; the index is unchanged")
{
    public IReadOnlyList<SkippedFile> Skipped { get; } = skipped;
}

/// <summary>
/// Brings the index in line with a corpus folder: unchanged documents (same content hash) are skipped, changed ones
/// re-chunked and re-embedded, deleted ones removed; all of it committed at once. Works with any <see cref="IPassageIndex"/>.
/// </summary>
public sealed class CorpusIndexer(
    DocumentLoader loader,
    PassageChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IPassageIndex index,
    ILogger<CorpusIndexer> logger)
{
    private const int EmbeddingBatch = 64;

    public Task<IndexReport> IndexAsync(string sourceFolder, bool rebuild, IProgress<IndexProgress>? progress, CancellationToken cancellationToken) =>
        IndexAsync(sourceFolder, rebuild, allowEmpty: false, progress, cancellationToken);

    /// <param name="allowEmpty">Index a folder with no readable document, which empties the index; without it that
    /// is a <see cref="NothingToIndexException"/> and the index is left alone.</param>
    /// <remarks>
    /// Streams: one document is read, chunked, embedded and handed to the index writer at a time, so memory does not
    /// grow with the corpus. The writer is opened at the first change; nothing is visible before the commit.
    /// </remarks>
    public async Task<IndexReport> IndexAsync(string sourceFolder, bool rebuild, bool allowEmpty, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var files = loader.ListFiles(sourceFolder);
        IReadOnlyDictionary<string, string> known = new Dictionary<string, string>();
        if (!rebuild)
        {
            try
            {
                known = await index.GetDocumentHashesAsync(cancellationToken);
            }
            catch (InvalidDataException e)
            {
                // Written by an older version (or damaged): the index is derived data, so it is rebuilt from the corpus.
                logger.LogWarning("Rebuilding the index: {Reason}", e.Message.TrimEnd('.'));
                rebuild = true;
            }
        }
        var listed = files.Select(f => f.DocumentId).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(id => !listed.Contains(id)).ToList();
        var total = files.Count + removed.Count;
        var changes = new List<(string DocumentId, DocumentChange Change)>(files.Count);
        var skipped = new List<SkippedFile>();
        int passages = 0, characters = 0, done = 0;

        IIndexWriter? writer = null;
        try
        {
            await foreach (var file in loader.ReadAllAsync(files, cancellationToken))
            {
                if (file.Document is not { } document)
                {
                    // An indexed document whose file can no longer be read leaves the index.
                    skipped.Add(file.Skipped!);
                    if (known.ContainsKey(file.DocumentId)) removed.Add(file.DocumentId);
                    continue;
                }
                var change = !known.TryGetValue(document.DocumentId, out var hash) ? DocumentChange.Added
                    : hash == document.ContentHash ? DocumentChange.Unchanged : DocumentChange.Updated;
                if (change != DocumentChange.Unchanged)
                {
                    writer ??= await index.BeginWriteAsync(rebuild, cancellationToken);
                    var chunks = chunker.Chunk(document);
                    var vectors = await EmbedAsync(chunks, cancellationToken);
                    await writer.UpsertDocumentAsync(document, chunks, vectors, cancellationToken);
                    passages += chunks.Count;
                    characters += document.Text.Length;
                }
                changes.Add((document.DocumentId, change));
                progress?.Report(new IndexProgress(++done, total, document.DocumentId, change));
            }
            if (changes.Count == 0 && !allowEmpty) throw new NothingToIndexException(Path.GetFullPath(sourceFolder), skipped);

            removed.Sort(StringComparer.Ordinal);
            if (writer is not null || rebuild || removed.Count > 0)
            {
                writer ??= await index.BeginWriteAsync(rebuild, cancellationToken);
                foreach (var id in removed)
                {
                    await writer.RemoveDocumentAsync(id, cancellationToken);
                    progress?.Report(new IndexProgress(++done, total, id, DocumentChange.Removed));
                }
                await writer.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }

        var report = new IndexReport(
            changes.Count(c => c.Change == DocumentChange.Added),
            changes.Count(c => c.Change == DocumentChange.Updated),
            changes.Count(c => c.Change == DocumentChange.Unchanged),
            removed.Count, passages, characters, clock.Elapsed.TotalSeconds, skipped)
        {
            Files = [.. changes.Select(c => new IndexedFile(c.DocumentId, c.Change)), .. removed.Select(id => new IndexedFile(id, DocumentChange.Removed))],
            Source = Path.GetFullPath(sourceFolder),
        };
        logger.LogInformation("Indexed {Source}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Passages} passages in {Seconds:F2}s",
            sourceFolder, report.Added, report.Updated, report.Unchanged, report.Removed, report.Passages, report.Seconds);
        return report;
    }

    private async Task<List<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var vectors = new List<ReadOnlyMemory<float>>(passages.Count);
        foreach (var batch in passages.Chunk(EmbeddingBatch))
        {
            var embeddings = await embedder.GenerateAsync(batch.Select(p => p.Text), cancellationToken: cancellationToken);
            vectors.AddRange(embeddings.Select(e => e.Vector));
        }
        return vectors;
    }
}
