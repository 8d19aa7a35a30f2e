using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// The web host with the real core over the repository's seeds and a fresh index folder: the first start builds it.
/// Pass <paramref name="corpusPath"/> to index another folder instead, <paramref name="indexPath"/> to open an index of your own.
/// </summary>
public sealed class CoreBotFactory(string? corpusPath = null, string? indexPath = null) : WebApplicationFactory<Program>
{
    public string IndexPath { get; } = indexPath ?? Path.Combine(Path.GetTempPath(), "assistant-web-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Corpus:Path", corpusPath ?? Path.Combine(RepositoryPaths.Root, "seeds"));
        builder.UseSetting("Index:Path", IndexPath);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(IndexPath))
        {
            Directory.Delete(IndexPath, recursive: true);
        }
    }

    /// <summary>Polls /healthz until it is 200 (the first-start build finished) or <paramref name="timeout"/> passes.</summary>
    public static async Task<HttpResponseMessage> WaitUntilHealthyAsync(HttpClient client, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var response = await client.GetAsync("/healthz", deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            await Task.Delay(200, deadline.Token);
        }
    }
}
