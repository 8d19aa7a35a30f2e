using System.Net;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests;

/// <summary>What the service defaults give every host besides telemetry: a liveness probe and resilient HttpClients.</summary>
public sealed class ServiceDefaultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alive_answers_while_healthz_reports_the_missing_index()
    {
        await using var factory = new BotFactory();
        factory.Index.Empty = true;
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Ct)).StatusCode);
    }

    [Fact]
    public async Task Any_HttpClient_of_the_host_retries_a_transient_failure()
    {
        var calls = 0;
        await using var peer = await LoopbackServer.StartAsync(app => app.MapGet("/", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok()));
        await using var factory = new BotFactory();

        // A client no registration configures: it has the defaults' standard pipeline only.
        var client = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient("any");
        var response = await client.GetAsync(peer.BaseUri, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, calls);
    }
}
