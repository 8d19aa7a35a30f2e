using System.Collections.Concurrent;
using Assistant.Answering;
using Assistant.Storage;
using Assistant.Web.Bot.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// The web host with the core replaced by in-process fakes (answers, index) and an optional fixed outbound token.
/// Settings are passed as configuration keys, e.g. <c>["Bot:MicrosoftAppId"] = "…"</c>.
/// </summary>
public sealed class BotFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string OutboundToken = "outbound-token-from-fake-msal";

    public FakeAnswerService Answers { get; } = new();
    public FakePassageIndex Index { get; } = new();
    /// <summary>Every request the Connector client tried to send, retries included.</summary>
    public ConcurrentQueue<Uri> OutboundRequests { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Fast retries: the behaviour under test is that they happen, not how long they wait.
        builder.UseSetting("Bot:ConnectorResilience:Retry:Delay", "00:00:00.010");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAnswerService>();
            services.AddSingleton<IAnswerService>(Answers);
            services.RemoveAll<IPassageIndex>();
            services.AddSingleton<IPassageIndex>(Index);
            services.RemoveAll<IBotTokenProvider>();
            services.AddSingleton<IBotTokenProvider, FixedTokenProvider>();
            services.AddHttpClient<ConnectorClient>().AddHttpMessageHandler(() => new RecordingHandler(OutboundRequests));
        });
    }

    private sealed class RecordingHandler(ConcurrentQueue<Uri> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FixedTokenProvider : IBotTokenProvider
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(OutboundToken);
    }
}
