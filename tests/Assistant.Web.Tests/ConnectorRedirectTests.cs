using System.Net;
using Assistant.Web.Bot;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests;

/// <summary>A serviceUrl that answers with a redirect must not make the bot send its reply (or its token) anywhere else.</summary>
public sealed class ConnectorRedirectTests
{
    [Theory]
    [InlineData(ActivityOrigin.Anonymous)]
    [InlineData(ActivityOrigin.Authenticated)]
    public async Task A_redirecting_service_url_is_not_followed(ActivityOrigin origin)
    {
        var targetHits = 0;
        await using var target = await LoopbackServer.StartAsync(app => app.MapPost("/{**rest}", () =>
        {
            Interlocked.Increment(ref targetHits);
            return Results.Ok();
        }));
        await using var redirector = await LoopbackServer.StartAsync(app => app.MapPost("/{**rest}", (HttpContext http) =>
            Results.Redirect(new Uri(target.BaseUri, http.Request.Path.Value!.TrimStart('/')).AbsoluteUri, permanent: false, preserveMethod: true)));
        await using var factory = new BotFactory();
        var processor = factory.Services.GetRequiredService<IBotActivityProcessor>();

        await processor.ProcessAsync(Activities.Message("متى وقعت المعاهدة؟", redirector.BaseUri.AbsoluteUri), origin, TestContext.Current.CancellationToken);

        Assert.Equal(0, targetHits);
        Assert.NotEmpty(factory.OutboundRequests);
        Assert.All(factory.OutboundRequests, uri => Assert.Equal(redirector.BaseUri.Port, uri.Port));
    }
}
