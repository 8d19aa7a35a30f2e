using System.Diagnostics;
using System.Runtime.CompilerServices;
using Assistant.Analysis;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Documents;
using Assistant.Embedding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Storage.Embedded;

/// <summary>
/// The default index: on disk under <c>Index:Path</c>, read in place (memory-mapped, nothing per passage loaded at
/// open), hybrid search = BM25 (Lucene's scores, precomputed) over the analysed terms + exact cosine over the vectors,
/// fused by reciprocal rank fusion. Picks up a new generation written by
/// another process (e.g. `assistant index` while the web host runs) within a second. A damaged current generation is
/// never served: the previous good one is, with <see cref="IndexStatus.Problem"/> saying so, or opening fails with one
/// line naming the repair.
/// </summary>
public sealed class EmbeddedPassageIndex : IPassageIndex
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    private readonly string _root;
    private readonly int _rrfK;
    private readonly ArabicTextAnalyzer _analyzer;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly ILogger<EmbeddedPassageIndex> _logger;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile IndexSnapshot? _snapshot;
    private long _lastCheck = long.MinValue;
    /// <summary>The current generation found damaged, so it is not checked again every second until CURRENT changes.</summary>
    private volatile DamagedGeneration? _damaged;

    private sealed record DamagedGeneration(string Generation, string Message);

    public EmbeddedPassageIndex(IOptions<IndexOptions> index, IOptions<RetrievalOptions> retrieval, ArabicTextAnalyzer analyzer,
        IEmbeddingGenerator<string, Embedding<float>> embedder, ILogger<EmbeddedPassageIndex> logger)
    {
        _root = Path.GetFullPath(index.Value.Path);
        _rrfK = retrieval.Value.RrfK;
        _analyzer = analyzer;
        _embedder = embedder;
        _logger = logger;
    }

    public string Name => $"Embedded ({_root})";

    public async Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot is null
            ? new IndexStatus(false, 0, 0, null)
            : new IndexStatus(true, snapshot.Documents.Count, snapshot.PassageCount, snapshot.Manifest.EmbedderId, Problem(snapshot));
    }

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot?.Documents.ToDictionary(d => d.DocumentId, d => d.ContentHash, StringComparer.Ordinal)
            ?? new Dictionary<string, string>();
    }

    public async Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw IndexLock.NotWritable(_root, e);
        }
        var writeLock = IndexLock.Acquire(_root);
        try
        {
            var current = rebuild ? null : await LoadCurrentAsync(cancellationToken);
            return new EmbeddedIndexWriter(this, writeLock, current, EmbedderIdentity.Of(_embedder), _analyzer);
        }
        catch
        {
            writeLock.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<ScoredPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot?.Search(query) ?? [];
    }

    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot?.Statistics(terms) ?? new TermStatistics(0, new Dictionary<string, int>());
    }

    public async IAsyncEnumerable<Passage> ListPassagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        if (snapshot is null) yield break;
        // Stored in document-id, then passage order.
        for (var ordinal = 0; ordinal < snapshot.PassageCount; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot.Passage(ordinal);
        }
    }

    public async Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot?.Document(documentId);
    }

    /// <summary>Called by the writer after it switched CURRENT, so this process sees its own write at once.</summary>
    internal Task PublishAsync(string generation, CancellationToken cancellationToken) => ReloadAsync(generation, cancellationToken);

    internal string Root => _root;

    internal async Task<IndexSnapshot?> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        var generation = IndexFiles.ReadCurrent(_root);
        if (generation is null) return null;
        if (_snapshot?.Generation == generation) return _snapshot;
        if (_damaged?.Generation != generation)
        {
            try
            {
                return await ReloadAsync(generation, cancellationToken);
            }
            catch (IndexDamagedException damaged)
            {
                var message = $"The index at {_root} is damaged (generation {generation}, {damaged.Message}); run `assistant index --rebuild`.";
                _damaged = new DamagedGeneration(generation, message);
                if (await LoadPreviousAsync(generation, cancellationToken) is { } previous)
                {
                    _logger.LogWarning("{Problem} Serving the previous generation {Previous} meanwhile.", message, previous.Generation);
                }
            }
        }
        return _snapshot is { } fallback && fallback.Generation != generation
            ? fallback
            : throw new IndexUnavailableException(_damaged!.Message);
    }

    /// <summary>The newest other complete generation that passes its checks (the writer keeps the one before the current), or null.</summary>
    private async Task<IndexSnapshot?> LoadPreviousAsync(string damaged, CancellationToken cancellationToken)
    {
        if (_snapshot is { } loaded && loaded.Generation != damaged) return loaded;
        var others = Directory.EnumerateDirectories(_root, IndexFiles.GenerationPrefix + "*")
            .Select(Path.GetFileName)
            .Where(name => name != damaged)
            .OrderDescending(StringComparer.Ordinal);
        foreach (var other in others)
        {
            try
            {
                return await ReloadAsync(other!, cancellationToken);
            }
            catch (Exception e) when (e is IndexDamagedException or InvalidDataException or IOException)
            {
                _logger.LogDebug("Generation {Generation} cannot serve either: {Reason}", other, e.Message);
            }
        }
        return null;
    }

    /// <summary>What is wrong with the index that serves, or null: set while a previous generation stands in for a damaged current one.</summary>
    private string? Problem(IndexSnapshot serving) =>
        _damaged is { } damaged && damaged.Generation != serving.Generation && IndexFiles.ReadCurrent(_root) == damaged.Generation
            ? $"{damaged.Message} The previous generation {serving.Generation} serves meanwhile."
            : null;

    private async Task<IndexSnapshot?> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastCheck);
        if (_snapshot is not null && last != long.MinValue && Stopwatch.GetElapsedTime(last, now) < RecheckInterval)
        {
            return _snapshot;
        }
        Interlocked.Exchange(ref _lastCheck, now);
        try
        {
            return await LoadCurrentAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && _snapshot is not null)
        {
            // A newer generation that cannot be read (yet) must not take down a working one.
            _logger.LogError("Could not load the current index generation ({Reason}); still serving {Generation}", e.Message, _snapshot!.Generation);
            return _snapshot;
        }
    }

    private async Task<IndexSnapshot> ReloadAsync(string generation, CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot?.Generation == generation) return _snapshot;
            var started = Stopwatch.GetTimestamp();
            var snapshot = await IndexSnapshot.OpenAsync(_root, generation, _rrfK, cancellationToken);
            // Vectors of another embedder are not comparable with this one's queries: like an older format, such an
            // index cannot be read, and indexing rebuilds it.
            var embedderId = EmbedderIdentity.Of(_embedder);
            if (snapshot.Manifest.EmbedderId != embedderId)
            {
                throw new InvalidDataException($"The index at {_root} was built with the embedder '{snapshot.Manifest.EmbedderId}' but '{embedderId}' is configured; run `assistant index`.");
            }
            _snapshot = snapshot;
            _logger.LogInformation("Opened index generation {Generation}: {Documents} documents, {Passages} passages, checked in {Milliseconds:F0} ms",
                generation, snapshot.Documents.Count, snapshot.PassageCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            _loadGate.Release();
        }
    }
}
