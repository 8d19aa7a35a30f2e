using System.Net;
using Assistant.Web.DirectLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Assistant.Web.Tests.DirectLine;

public sealed class EmbeddedServiceUrlTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000/directline/connector/")]
    [InlineData("http://+:5000", "http://127.0.0.1:5000/directline/connector/")]
    [InlineData("http://localhost:5001", "http://localhost:5001/directline/connector/")]
    public void The_service_url_is_a_loopback_address_of_this_server(string listening, string expectedPrefix)
    {
        var serviceUrl = new EmbeddedServiceUrl(new ListeningServer(listening, "http://192.0.2.10:5002"));

        var url = serviceUrl.For(RequestFrom(IPAddress.Parse("198.51.100.7"), "chat.example"));

        Assert.StartsWith(expectedPrefix, url);
    }

    [Fact]
    public void Only_loopback_callers_with_the_key_are_admitted()
    {
        var serviceUrl = new EmbeddedServiceUrl(new ListeningServer("http://127.0.0.1:5000"));
        var key = new Uri(serviceUrl.For(RequestFrom(IPAddress.Loopback, "localhost"))).Segments[^1].TrimEnd('/');

        Assert.True(serviceUrl.Admits(RequestFrom(IPAddress.Loopback, "localhost").HttpContext, key));
        Assert.True(serviceUrl.Admits(RequestFrom(IPAddress.IPv6Loopback, "localhost").HttpContext, key));
        Assert.False(serviceUrl.Admits(RequestFrom(IPAddress.Parse("203.0.113.5"), "localhost").HttpContext, key));
        Assert.False(serviceUrl.Admits(RequestFrom(IPAddress.Loopback, "localhost").HttpContext, key + "x"));
    }

    private static HttpRequest RequestFrom(IPAddress remote, string host)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        return context.Request;
    }

    private sealed class ListeningServer : IServer
    {
        public ListeningServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
