using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright's bundled driver; never a browser download.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium is missing at {ExecutablePath}. Run the test command from the README (`bash tests/run.sh`), which installs it with "
                + "`apt-get install -y chromium` (the browser tests never download a browser).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Opens the chat page in a fresh context and returns once Web Chat is connected.</summary>
    public static async Task<IPage> OpenChatAsync(IBrowser browser, Uri baseUrl, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ar-EG", ViewportSize = viewport });
        var page = await context.NewPageAsync();
        // DirectLineJS polls only once the conversation is online.
        await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(baseUrl.AbsoluteUri),
            response => response.Url.Contains("/activities?watermark=", StringComparison.Ordinal) && response.Ok);
        return page;
    }

    /// <summary>Saves a screenshot under the test output (bin/.../artifacts/browser) and names it in the test log.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", "browser", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }
}
