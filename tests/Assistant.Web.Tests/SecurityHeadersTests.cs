using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

/// <summary>Every response, the chat page and its files included, tells the browser what the page may load and who may frame it.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/js/chat.js")]
    [InlineData("/healthz")]
    [InlineData("/documents/news/treaty.txt")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var factory = new BotFactory();

        using var response = await factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        // The document page narrows the policy further (no scripts at all); every page keeps framing and plugins out.
        Assert.Matches("default-src '(self|none)'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Matches("default-src 'none'|object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
