using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

public sealed partial class DocumentPageTests : IAsyncLifetime
{
    private readonly BotFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A GET with the Accept header a browser sends when it follows a link.</summary>
    private async Task<HttpResponseMessage> BrowserGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return await _client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Shows_the_document_right_to_left_with_exactly_the_cited_span_marked()
    {
        var citation = FakeCorpus.Cite(1, FakeCorpus.Treaty, "ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات.");

        var response = await _client.GetAsync($"/documents/news/treaty.txt?start={citation.Start}&end={citation.End}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Equal(citation.Quote, HttpUtility.HtmlDecode(MarkPattern().Match(html).Groups[1].Value));
        // The whole document is there around the mark, in order.
        var article = HttpUtility.HtmlDecode(Regex.Replace(ArticlePattern().Match(html).Groups[1].Value, "</?mark[^>]*>", ""));
        Assert.Equal(FakeCorpus.Treaty.Text, article);
        Assert.Contains($"<title>{FakeCorpus.Treaty.Title}</title>", html);
    }

    [Theory]
    [InlineData("/documents/water.txt")]
    [InlineData("/documents/water.txt?start=&end=")]
    public async Task Without_a_range_shows_the_document_unmarked(string path)
    {
        var html = await _client.GetStringAsync(path, Ct);

        Assert.DoesNotContain("<mark", html);
        Assert.Contains(FakeCorpus.Water.Title, html);
    }

    [Fact]
    public async Task The_page_runs_no_scripts()
    {
        var response = await _client.GetAsync("/documents/water.txt?start=0&end=5", Ct);

        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline';", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task What_the_caller_sent_is_escaped()
    {
        var response = await BrowserGetAsync("/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E.txt");

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task An_unknown_document_is_404_in_Arabic()
    {
        var response = await BrowserGetAsync("/documents/nope.txt?start=0&end=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("dir=\"rtl\"", html);
        Assert.Contains("nope.txt", html);
    }

    [Theory]
    [InlineData("/documents/nope.txt", 404, "DocumentNotFound", "nope.txt")]
    [InlineData("/files/nope.txt", 404, "DocumentNotFound", "nope.txt")]
    [InlineData("/documents/water.txt?start=9&end=3", 400, "BadRange", "start")]
    public async Task A_client_that_does_not_ask_for_a_page_gets_the_error_as_problem_details(string path, int status, string code, string mentions)
    {
        var response = await _client.GetAsync(path, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(status, (int?)problem["status"]);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Contains(mentions, (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("start=5")]
    [InlineData("start=-1&end=3")]
    [InlineData("start=4&end=4")]
    [InlineData("start=9&end=3")]
    [InlineData("start=0&end=100000")]
    public async Task An_invalid_range_is_400(string query)
    {
        var response = await _client.GetAsync($"/documents/water.txt?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_non_numeric_range_is_400()
    {
        var response = await _client.GetAsync("/documents/water.txt?start=a&end=b", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("<mark id=\"cited\">(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex MarkPattern();

    [GeneratedRegex("<article>(.*?)</article>", RegexOptions.Singleline)]
    private static partial Regex ArticlePattern();
}
