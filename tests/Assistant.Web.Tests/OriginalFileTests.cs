using System.Net;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

/// <summary>The original file behind a document, offered for download from the document page: indexed files only, from the corpus folder only.</summary>
public sealed class OriginalFileTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "assistant-web-files-" + Guid.NewGuid().ToString("N")[..12]);
    private BotFactory _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Corpus => Path.Combine(_root, "corpus");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Corpus, "news"));
        File.WriteAllBytes(Path.Combine(Corpus, "news", "treaty.txt"), [.. "%PDF-1.4 original bytes"u8]);
        File.WriteAllText(Path.Combine(Corpus, "secret.txt"), "not indexed");
        File.WriteAllText(Path.Combine(_root, "outside.txt"), "outside the corpus");
        // water.txt is indexed, but on disk it is a link that leads out of the corpus folder.
        File.CreateSymbolicLink(Path.Combine(Corpus, "water.txt"), Path.Combine(_root, "outside.txt"));
        _factory = new BotFactory(new Dictionary<string, string?> { ["Corpus:Path"] = Corpus });
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_document_page_links_the_original_and_the_link_downloads_it()
    {
        var page = await _client.GetStringAsync("/documents/news/treaty.txt", Ct);
        Assert.Contains("<a href=\"/files/news/treaty.txt\" download>news/treaty.txt</a>", page);

        var response = await _client.GetAsync("/files/news/treaty.txt", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("%PDF-1.4 original bytes"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("treaty.txt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("default-src 'none'; sandbox; frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/files/secret.txt")] // on disk, not in the index
    [InlineData("/files/water.txt")] // in the index, but a link out of the corpus folder
    [InlineData("/files/..%2Foutside.txt")]
    [InlineData("/files/news/..%2F..%2Foutside.txt")]
    public async Task Nothing_but_indexed_files_inside_the_corpus_is_served(string path)
    {
        var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("outside the corpus", await response.Content.ReadAsStringAsync(Ct));
    }
}
