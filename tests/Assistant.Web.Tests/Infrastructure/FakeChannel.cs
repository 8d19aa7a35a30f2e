using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Assistant.Web.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>What a Connector endpoint received.</summary>
public sealed record ReceivedCall(string Path, string? Authorization, Activity Activity);

/// <summary>
/// A channel's Connector API on loopback: records every POST under <c>{prefix}v3/conversations/…</c>. It can be told to
/// answer a number of calls with an error status first, to exercise retries.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly Channel<ReceivedCall> _received = Channel.CreateUnbounded<ReceivedCall>();
    private readonly ConcurrentQueue<HttpStatusCode> _failures = new();
    private int _attempts;

    private FakeChannel(LoopbackServer server) => _server = server;

    /// <summary>The serviceUrl to put on activities; it has a path prefix like Teams' regional ones.</summary>
    public string ServiceUrl => new Uri(_server.BaseUri, "amer/").AbsoluteUri;

    /// <summary>Every HTTP attempt, failed ones included.</summary>
    public int Attempts => _attempts;

    public static async Task<FakeChannel> StartAsync()
    {
        FakeChannel? channel = null;
        var server = await LoopbackServer.StartAsync(app => app.MapPost("/amer/v3/conversations/{**rest}", (Delegate)((HttpContext http) => channel!.ReceiveAsync(http))));
        channel = new FakeChannel(server);
        return channel;
    }

    public void FailNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>The next activity the bot delivered, waiting up to <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<ReceivedCall> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    public bool TryNext(out ReceivedCall? call) => _received.Reader.TryRead(out call);

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        Interlocked.Increment(ref _attempts);
        if (_failures.TryDequeue(out var failure))
        {
            return Results.Json(new { error = new { code = "Throttled", message = "try later" } }, statusCode: (int)failure);
        }
        var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
        // The raw (still escaped) path, as the bot wrote it.
        var path = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        await _received.Writer.WriteAsync(new ReceivedCall(path, http.Request.Headers.Authorization, activity!));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
