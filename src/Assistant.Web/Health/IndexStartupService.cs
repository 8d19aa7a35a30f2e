using Assistant.Indexing;
using Assistant.Storage;

namespace Assistant.Web.Health;

/// <summary>
/// Builds the index from <c>Corpus:Path</c> on first start, in the background: the host serves at once and /healthz
/// reports unhealthy until the index answers. A back-end that is down at start (Qdrant, say) is tried again with a
/// growing pause, so the host heals by itself once it is back.
/// </summary>
public sealed class IndexStartupService(IndexInitializer initializer, ILogger<IndexStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var pause = FirstRetry; !stoppingToken.IsCancellationRequested; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxRetry.Ticks)))
        {
            try
            {
                await initializer.EnsureIndexAsync(stoppingToken);
                return;
            }
            catch (IndexUnavailableException ex)
            {
                logger.LogError("The index is unavailable: {Message} Trying again in {Seconds} s.", ex.Message, pause.TotalSeconds);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Keep serving (health stays unhealthy) rather than stopping the host over a bad corpus folder.
                logger.LogError(ex, "Building the index on first start failed");
                return;
            }
            await Task.Delay(pause, stoppingToken);
        }
    }
}
