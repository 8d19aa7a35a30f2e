using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Assistant.Evaluation;

namespace Assistant.Bench;

/// <summary>
/// Closed-loop load on POST /api/messages with deliveryMode expectReplies: each connection sends its next distinct
/// question as soon as the previous reply arrives. A request counts as an error unless it returns 200 with a reply.
/// </summary>
internal sealed class LoadGenerator(Uri baseAddress, QuestionStream questions)
{
    public async Task<LoadFigures> RunAsync(int connections, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, connections).Select(w => WorkerAsync(http, w, measureFrom, stopAt, cancellationToken)));

        var latencies = perWorker.SelectMany(w => w.Latencies).ToList();
        var summary = LatencySummary.From(latencies);
        return new LoadFigures(
            connections, latencies.Count, perWorker.Sum(w => w.Errors), latencies.Count / duration.TotalSeconds,
            summary.P50 ?? double.NaN, summary.P99 ?? double.NaN);
    }

    private async Task<(List<double> Latencies, int Errors)> WorkerAsync(HttpClient http, int worker, long measureFrom, long stopAt, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var errors = 0;
        for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
        {
            var activity = Activity($"w{worker}-{n}", questions.Next());
            var started = Stopwatch.GetTimestamp();
            var ok = false;
            try
            {
                using var response = await http.PostAsJsonAsync("/api/messages", activity, cancellationToken);
                var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) : null;
                ok = body?["activities"] is JsonArray { Count: > 0 };
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient timeout: an error, not a cancellation of the run.
            }

            // Only requests wholly inside the measured window count, so the rate is exact.
            if (started >= measureFrom && Stopwatch.GetTimestamp() <= stopAt)
            {
                if (ok)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    errors++;
                }
            }
        }

        return (latencies, errors);
    }

    /// <summary>A Bot Framework message activity as a channel sends it, asking for the replies in the response body.</summary>
    private static JsonObject Activity(string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "bench",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["from"] = new JsonObject { ["id"] = "bench-user", ["name"] = "bench" },
        ["recipient"] = new JsonObject { ["id"] = "assistant-bot", ["name"] = "Assistant" },
        // One conversation per request, so every question stands alone (no follow-up resolution).
        ["conversation"] = new JsonObject { ["id"] = $"bench-{id}" },
        ["locale"] = "ar",
        ["textFormat"] = "plain",
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };
}

internal sealed record LoadFigures(int Connections, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms);
