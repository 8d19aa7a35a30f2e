using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// The whole path in Chromium on a real socket: page → Web Chat → embedded Direct Line → bot → index → cited answer →
/// document page with the cited span highlighted; the reply opens with the short answer in bold. Nothing is faked; the seeds are indexed into a temporary folder.
/// </summary>
public sealed partial class WebChatEndToEndTests
{
    private const string Question = "متى صدر البيان المشترك عن مكتب المتحدث الرسمي لوزارة الخارجية الأمريكية؟";
    private const float AnswerTimeout = 60_000;

    [Fact]
    public async Task An_arabic_question_gets_a_cited_answer_whose_citation_opens_the_exact_span_highlighted()
    {
        var repository = RepositoryRoot();
        var indexPath = Directory.CreateTempSubdirectory("assistant-webchat-e2e-").FullName;
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
                .UseSetting("Corpus:Path", Path.Combine(repository, "seeds"))
                .UseSetting("Index:Provider", "Embedded")
                .UseSetting("Index:Path", indexPath));
            // An explicit loopback endpoint on a free port. UseKestrel(0) rewrites the server's addresses while the
            // app may already be binding them (a known race in WebApplicationFactory), which fails or binds port 5000.
            factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var baseUrl = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            await WaitUntilHealthyAsync(baseUrl);

            var (playwright, browser) = await Chromium.LaunchAsync();
            using var _ = playwright;
            await using var __ = browser;

            var page = await Chromium.OpenChatAsync(browser, baseUrl, new ViewportSize { Width = 1280, Height = 900 });
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
            var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
            await sendBox.FillAsync(Question);
            await sendBox.PressAsync("Enter");
            var citation = await CitedAnswerLinkAsync(page, "webchat-desktop-no-answer");
            var (documentId, start, end) = ParseCitationLink((await citation.GetAttributeAsync("href"))!);
            var quote = File.ReadAllText(Path.Combine(repository, "seeds", documentId)).Substring(start, end - start);
            var rendered = citation.Locator("xpath=ancestor::*[contains(@class,'webchat__render-markdown')][1]");
            var shownAnswer = await rendered.InnerTextAsync();
            Assert.Contains(Collapse(quote), Collapse(shownAnswer));
            // The short answer comes first, in bold, cut from the quote it cites; that first citation is a link like the others.
            var firstLine = rendered.Locator("p").First;
            var shortAnswer = await firstLine.Locator("strong").InnerTextAsync();
            Assert.StartsWith(shortAnswer, shownAnswer.TrimStart());
            Assert.Contains(Collapse(shortAnswer), Collapse(quote));
            Assert.InRange(shortAnswer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 20);
            Assert.Equal(await citation.GetAttributeAsync("href"), await firstLine.Locator("a[href*='/documents/']").First.GetAttributeAsync("href"));
            await Chromium.ScreenshotAsync(page, "webchat-desktop");

            var documentPage = await page.RunAndWaitForPopupAsync(() => citation.ClickAsync());
            // Wait for the highlighted span itself, not for the popup's load event, which a busy CI machine once never
            // reported within 30 s although the page had been served.
            var mark = documentPage.Locator("mark");
            await Assertions.Expect(mark).ToHaveTextAsync(quote, new LocatorAssertionsToHaveTextOptions { Timeout = AnswerTimeout });
            Assert.Equal(quote, await mark.TextContentAsync());
            Assert.Equal("rtl", await documentPage.GetAttributeAsync("html", "dir"));
            await Assertions.Expect(mark).ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(documentPage, "document-highlight");

            // On a phone, an example question is one tap away and gets the same cited answer.
            var phone = await Chromium.OpenChatAsync(browser, baseUrl, new ViewportSize { Width = 390, Height = 844 });
            await phone.Locator("button.example", new PageLocatorOptions { HasText = Question }).ClickAsync();
            var phoneCitation = await CitedAnswerLinkAsync(phone, "webchat-phone-no-answer");
            Assert.Equal(await citation.GetAttributeAsync("href"), await phoneCitation.GetAttributeAsync("href"));
            // On a phone a reference's name wraps: cut to one line, every quote of one document read as its title alone.
            var referenceName = phone.Locator(".webchat__link-definitions__list-item-text").First;
            await referenceName.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = AnswerTimeout });
            Assert.Equal("normal", await referenceName.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
            await phoneCitation.ScrollIntoViewIfNeededAsync();
            await Chromium.ScreenshotAsync(phone, "webchat-phone");
        }
        finally
        {
            Directory.Delete(indexPath, recursive: true);
        }
    }

    /// <summary>The first citation link of the bot's answer; when none comes, a screenshot shows what the user saw instead.</summary>
    private static async Task<ILocator> CitedAnswerLinkAsync(IPage page, string screenshotOnTimeout)
    {
        var link = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__render-markdown a[href*='/documents/']").First;
        try
        {
            await link.WaitForAsync(new LocatorWaitForOptions { Timeout = AnswerTimeout });
            return link;
        }
        catch (TimeoutException)
        {
            await Chromium.ScreenshotAsync(page, screenshotOnTimeout);
            throw;
        }
    }

    private static async Task WaitUntilHealthyAsync(Uri baseUrl)
    {
        using var client = new HttpClient { BaseAddress = baseUrl };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/healthz still answers {(int)response.StatusCode} after two minutes");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    private static (string DocumentId, int Start, int End) ParseCitationLink(string href)
    {
        var match = CitationLink().Match(href);
        Assert.True(match.Success, $"unexpected citation link {href}");
        return (Uri.UnescapeDataString(match.Groups["id"].Value), int.Parse(match.Groups["start"].Value), int.Parse(match.Groups["end"].Value));
    }

    /// <summary>The answer shows quotes with their whitespace collapsed; the document page shows them exactly.</summary>
    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"/documents/(?<id>[^?#]+)\?start=(?<start>\d+)&end=(?<end>\d+)")]
    private static partial Regex CitationLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
