using Assistant.Configuration;
using Assistant.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Indexing;

/// <summary>Builds the index from <c>Corpus:Path</c> when there is none yet (or only an unreadable one), so a fresh clone works on first start.</summary>
public sealed class IndexInitializer(IPassageIndex index, CorpusIndexer indexer, IOptions<CorpusOptions> corpus, ILogger<IndexInitializer> logger)
{
    public async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await index.GetStatusAsync(cancellationToken);
            // An index that exists is kept even when empty: emptying it took `index --allow-empty`, and must not be undone by
            // quietly indexing Corpus:Path.
            if (status.Exists) return;
            logger.LogInformation("No index yet: building it from {Corpus}", Path.GetFullPath(corpus.Value.Path));
        }
        catch (InvalidDataException)
        {
            // Written by an older version or damaged: the indexer sees the same and rebuilds it, saying why.
        }
        try
        {
            await indexer.IndexAsync(corpus.Value.Path, rebuild: false, progress: null, cancellationToken);
        }
        catch (NothingToIndexException e)
        {
            // The host still starts (its health check reports the missing index); the loader has logged each file's reason.
            logger.LogError("{Message}", e.Message);
        }
        catch (IndexBusyException)
        {
            // Another process is building it right now; its result will be picked up when it commits.
            logger.LogWarning("Another process is building the index; waiting for it instead.");
        }
    }
}
