using System.Net;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

public sealed class FaviconTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_links_a_favicon_that_is_served_as_an_icon()
    {
        await using var factory = new BotFactory();
        var client = factory.CreateClient();

        Assert.Contains("<link rel=\"icon\" href=\"favicon.ico\"", await client.GetStringAsync("/", Ct));
        var icon = await client.GetAsync("/favicon.ico", Ct);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        // ICONDIR: reserved 0, type 1 (icon).
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await icon.Content.ReadAsByteArrayAsync(Ct))[..4]);
    }
}
