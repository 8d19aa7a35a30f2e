using Assistant.Indexing;
using Assistant.Storage;

namespace Assistant.Web.Health;

/// <summary>
/// Builds the index from <c>Corpus:Path</c> on first start, in the background: the host serves at once and /healthz
/// reports unhealthy until the index answers.
/// </summary>
public sealed class IndexStartupService(IndexInitializer initializer, ILogger<IndexStartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await initializer.EnsureIndexAsync(stoppingToken);
        }
        catch (IndexUnavailableException ex)
        {
            logger.LogError("The index is unavailable: {Message}", ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Keep serving (health stays unhealthy) rather than stopping the host over a bad corpus folder.
            logger.LogError(ex, "Building the index on first start failed");
        }
    }
}
