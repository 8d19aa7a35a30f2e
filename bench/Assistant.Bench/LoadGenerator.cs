using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Evaluation;

namespace Assistant.Bench;

/// <summary>
/// Closed-loop load on POST /api/messages with deliveryMode expectReplies: each connection sends its next distinct
/// question as soon as the previous reply arrives. A request counts as an error unless it returns 200 with a reply.
/// Both share the machine's cores, so the CPU time each spends per request over the measured window is reported beside
/// the rate: the rate alone cannot tell the server's cost from the load generator's.
/// </summary>
internal sealed class LoadGenerator(Uri baseAddress, QuestionStream questions)
{
    /// <param name="server">The server's process, for its CPU time per request; null when it is not known.</param>
    public async Task<LoadFigures> RunAsync(int connections, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken, Process? server = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = CpuOverWindowAsync(server, measureFrom, stopAt, cancellationToken);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, connections).Select(w => WorkerAsync(http, w, measureFrom, stopAt, cancellationToken)));
        var (serverCpu, ownCpu) = await cpu;

        var latencies = perWorker.SelectMany(w => w.Latencies).ToList();
        var summary = LatencySummary.From(latencies);
        return new LoadFigures(
            connections, latencies.Count, perWorker.Sum(w => w.Errors), latencies.Count / duration.TotalSeconds,
            summary.P50 ?? double.NaN, summary.P99 ?? double.NaN,
            serverCpu?.TotalMilliseconds / latencies.Count, ownCpu.TotalMilliseconds / latencies.Count);
    }

    /// <summary>CPU time of the server (null when unknown) and of this process, the load generator, over the measured window.</summary>
    private static async Task<(TimeSpan? Server, TimeSpan Own)> CpuOverWindowAsync(Process? server, long measureFrom, long stopAt, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        await Task.Delay(Until(measureFrom), cancellationToken);
        var (server0, own0) = (CpuTime(server), CpuTime(self));
        await Task.Delay(Until(stopAt), cancellationToken);
        return (CpuTime(server) - server0, CpuTime(self)!.Value - own0!.Value);
    }

    private static TimeSpan Until(long timestamp)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static TimeSpan? CpuTime(Process? process)
    {
        process?.Refresh();
        return process?.TotalProcessorTime;
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
                ok = response.IsSuccessStatusCode && HasReply(await response.Content.ReadAsByteArrayAsync(cancellationToken));
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

    /// <summary>
    /// Whether a response body is an object whose <c>activities</c> array holds a reply, read token by token: the load
    /// generator shares the machine's cores with the server, and a document object of every reply (the product's are
    /// several times the echo's) charged the product's rate with parsing that no server does.
    /// </summary>
    internal static bool HasReply(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var activities = reader.ValueTextEquals("activities"u8);
                if (!reader.Read()) return false;
                if (activities) return reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType != JsonTokenType.EndArray;
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
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

/// <param name="ServerCpuMsPerRequest">The server process's CPU time over the measured window per request counted; null when unknown.</param>
/// <param name="LoadGeneratorCpuMsPerRequest">The load generator's (this process's) CPU time over the window per request counted.</param>
internal sealed record LoadFigures(int Connections, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms,
    double? ServerCpuMsPerRequest, double LoadGeneratorCpuMsPerRequest);
