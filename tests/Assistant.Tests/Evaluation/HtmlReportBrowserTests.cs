using Assistant.Evaluation;
using Microsoft.Playwright;
using Xunit;

namespace Assistant.Tests.Evaluation;

/// <summary>Opens the HTML report in Debian's Chromium (never a downloaded browser) and checks what an evaluator sees.</summary>
public sealed class HtmlReportBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task Report_renders_right_to_left_in_Chromium_without_network()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is not installed at {ChromiumPath}: run `apt-get install -y chromium` (the test never downloads a browser).");
        }

        var ct = TestContext.Current.CancellationToken;
        var reportPath = Path.Combine(Path.GetTempPath(), $"assistant-eval-{Guid.NewGuid():N}.html");
        await new HtmlReportWriter().WriteAsync(await EvaluationFixture.RunAsync(), reportPath, ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(reportPath).AbsoluteUri);

        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#questions')).direction"));
        Assert.Equal(6, await page.Locator("#questions tbody tr").CountAsync());
        Assert.Equal("تحت إشراف الأمم المتحدة", await page.Locator("tr[data-id=q1] mark.cite").InnerTextAsync());
        Assert.True(await page.Locator("tr[data-id=q1] mark.gold").IsVisibleAsync());
        foreach (var chart in new[] { "#latency-chart svg", "#recall-chart svg" })
        {
            var box = await page.Locator(chart).BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, $"{chart} is not laid out");
        }

        Assert.Equal(6, await page.Locator("#latency-chart rect title").CountAsync());
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "eval-report.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");
        File.Delete(reportPath);
    }
}
