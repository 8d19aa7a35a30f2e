using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Bot;

/// <summary>An activity whose replies go out through the Connector after /api/messages has already answered 200.</summary>
public sealed record BotTurn(Activity Activity, ActivityOrigin Origin, Uri LinkBase);

/// <summary>
/// Runs normal-delivery turns in the background so that /api/messages acknowledges well within the channels' 15 s,
/// however long answering takes. Bounded: when it is full the endpoint answers 503 instead of queueing without limit.
/// </summary>
public sealed class BotTurnQueue(IOptions<BotOptions> options, BotActivityProcessor processor, ILogger<BotTurnQueue> logger) : BackgroundService
{
    private readonly Channel<BotTurn> _turns = Channel.CreateBounded<BotTurn>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(BotTurn turn) => _turns.Writer.TryWrite(turn);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Parallel.ForEachAsync(
                _turns.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentTurns), CancellationToken = stoppingToken },
                RunAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: turns still queued are dropped, as the channel would time them out anyway.
        }
    }

    private async ValueTask RunAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(turn.Activity, turn.Origin, turn.LinkBase, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The processor already apologises for answering errors; this is a failure to reach the channel at all.
            logger.LogError(ex, "Turn for activity {ActivityId} failed", turn.Activity.Id);
        }
    }
}
