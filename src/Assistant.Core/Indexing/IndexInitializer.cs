using Assistant.Configuration;
using Assistant.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Indexing;

/// <summary>Builds the index from <c>Corpus:Path</c> when there is none yet (or only an unreadable one), so a fresh clone works on first start.</summary>
public sealed class IndexInitializer(IPassageIndex index, CorpusIndexer indexer, IOptions<CorpusOptions> corpus, ILogger<IndexInitializer> logger)
{
    /// <summary>For a host that keeps serving while nothing is indexed (its health check says so): nothing to index is logged.</summary>
    public async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            await BuildWhenMissingAsync(cancellationToken);
        }
        catch (NothingToIndexException e)
        {
            // The host still starts (its health check reports the missing index); the loader has logged each file's reason.
            logger.LogError("{Message}", e.Message);
        }
    }

    /// <summary>
    /// For a command that answers questions: as <see cref="EnsureIndexAsync"/>, but an index with no passage is an error
    /// naming the fix. Every question would otherwise get «the documents do not say», hiding that nothing is indexed.
    /// </summary>
    /// <returns>What was indexed when there was no index yet, so the command can say so before it answers; null when
    /// the index was there already.</returns>
    /// <exception cref="IndexUnavailableException">The index holds no passage.</exception>
    public async Task<IndexReport?> EnsureAnswerableIndexAsync(CancellationToken cancellationToken)
    {
        IndexReport? built = null;
        try
        {
            built = await BuildWhenMissingAsync(cancellationToken);
        }
        catch (NothingToIndexException)
        {
            // Said below, with the fix.
        }
        if ((await index.GetStatusAsync(cancellationToken)).Passages == 0)
        {
            throw new IndexUnavailableException(
                $"the {index.Name} index is empty: no document is indexed yet. Put documents in {Path.GetFullPath(corpus.Value.Path)} (Corpus:Path) and run `assistant index`.");
        }
        return built;
    }

    /// <returns>The report of the build, or null when there was an index already (or another process is building it).</returns>
    private async Task<IndexReport?> BuildWhenMissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await index.GetStatusAsync(cancellationToken);
            // An index that exists is kept even when empty: emptying it took `index --allow-empty`, and must not be undone by
            // quietly indexing Corpus:Path.
            if (status.Exists) return null;
            logger.LogInformation("No index yet: building it from {Corpus}", Path.GetFullPath(corpus.Value.Path));
        }
        catch (InvalidDataException)
        {
            // Written by an older version or damaged: the indexer sees the same and rebuilds it, saying why.
        }
        try
        {
            return await indexer.IndexAsync(corpus.Value.Path, rebuild: false, progress: null, cancellationToken);
        }
        catch (IndexBusyException)
        {
            // Another process is building it right now; its result will be picked up when it commits.
            logger.LogWarning("Another process is building the index; waiting for it instead.");
            return null;
        }
    }
}
