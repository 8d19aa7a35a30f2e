using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Web.Bot;
using Assistant.Web.Bot.Formatting;
using Assistant.Web.Tests.DirectLine;
using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// The page, Microsoft's Web Chat bundle and the embedded Direct Line channel together in Chromium, with a fake bot
/// (so the test does not depend on the index): right-to-left Arabic, example questions, typing, citation rendering.
/// </summary>
public sealed partial class WebChatPageTests
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task An_example_question_is_sent_the_typing_indicator_shows_then_the_cited_answer()
    {
        await using var host = await DirectLineHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Bot.ReplyGate = release.Task;
        host.Bot.DecorateAnswer = answer => Cite(answer, new Uri(host.BaseAddress, "documents/000_84f7261bbaa5e2d3.txt?start=10&end=20").AbsoluteUri);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.OpenChatAsync(browser, host.BaseAddress, new ViewportSize { Width = 1280, Height = 900 });

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        await page.Locator("[data-id='webchat-sendbox-input']").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.True(await page.Locator("#webchat [dir='rtl']").CountAsync() > 0, "Web Chat should lay itself out right to left for ar-EG");

        var example = page.Locator("button.example").First;
        var question = (await example.TextContentAsync())!.Trim();
        await example.ClickAsync();
        await page.Locator(".webchat__bubble--from-user", new PageLocatorOptions { HasText = question }).WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await page.Locator(".webchat__typing-indicator").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        release.SetResult();

        var answer = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new PageLocatorOptions { HasText = "جواب: " + question });
        await answer.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        var citation = answer.Locator("a[href*='/documents/000_84f7261bbaa5e2d3.txt']").First;
        await citation.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Equal("_blank", await citation.GetAttributeAsync("target"));
        Assert.Contains(host.Bot.Received, activity => activity.Type == ActivityTypes.Message && activity.Text == question);
        await Chromium.ScreenshotAsync(page, "webchat-fake-bot");

        // What a screen reader hears (hidden texts, labels, titles) is Arabic too: no English fallback is left (an Arabic
        // string may still name a key, «مفتاح Tab»). Web Chat hard-codes its aria-roledescription "message", so roles are left out.
        var spoken = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#webchat, #webchat *')].flatMap(element => [
                ...[...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.textContent),
                ...['aria-label', 'title', 'placeholder', 'alt'].map(name => element.getAttribute(name) ?? '')
            ]).filter(text => text.trim() !== '')
            """);
        Assert.Contains("قال المساعد:", spoken);
        Assert.Contains(spoken, text => text.Contains("فتح في نافذة جديدة", StringComparison.Ordinal));
        Assert.DoesNotContain(spoken, text => LatinWords().IsMatch(text) && !ArabicLetter().IsMatch(text));
    }

    [Fact]
    public async Task The_english_half_of_the_reply_to_an_english_question_reads_left_to_right_with_the_colon_after_example()
    {
        await using var host = await DirectLineHost.StartAsync();
        var notArabic = new Answer("Where did they meet?", Replies.NotArabic, Abstained: true, [], [], new AnswerTimings(1, 1)) { AbstainReason = AbstainReasons.NotArabic };
        host.Bot.DecorateAnswer = answer => ReplyFormatter.Apply(answer, notArabic, host.BaseAddress);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.OpenChatAsync(browser, host.BaseAddress, new ViewportSize { Width = 1280, Height = 900 });
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("Where did they meet?");
        await sendBox.PressAsync("Enter");
        await page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new PageLocatorOptions { HasText = "please ask in Arabic" })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await Chromium.ScreenshotAsync(page, "webchat-not-arabic");

        // Where the browser draws «example» and the colon after it.
        var box = await page.EvaluateAsync<Dictionary<string, double>>("""
            () => {
                const walker = document.createTreeWalker(document.querySelector('#webchat'), NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode()) && !node.data.includes('for example:')) {}
                const rect = (word, offset = 0, length = word.length) => {
                    const range = document.createRange();
                    const at = node.data.indexOf(word) + offset;
                    range.setStart(node, at);
                    range.setEnd(node, at + length);
                    return range.getBoundingClientRect();
                };
                const example = rect('example:', 0, 7), colon = rect('example:', 7, 1);
                return { exampleRight: example.right, exampleTop: example.top, colonLeft: colon.left, colonTop: colon.top };
            }
            """);

        Assert.True(Math.Abs(box["colonTop"] - box["exampleTop"]) < 2, "the colon should stay on the line of «example»");
        Assert.True(box["colonLeft"] >= box["exampleRight"] - 1, $"the colon ({box["colonLeft"]}) should follow «example» ({box["exampleRight"]}) to its right");
    }

    [Fact]
    public async Task A_question_sent_while_the_chat_is_still_connecting_is_sent_once_connected_and_answered()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ar-EG", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // A slow start of the Direct Line conversation: the page says it is connecting for three seconds.
        var conversationStarted = new TaskCompletionSource();
        await page.RouteAsync("**/v3/directline/conversations", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            conversationStarted.TrySetResult();
            await route.ContinueAsync();
        });
        await page.GotoAsync(host.BaseAddress.AbsoluteUri);

        const string question = "متى صدر البيان المشترك؟";
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(question);
        await sendBox.PressAsync("Enter");
        Assert.False(conversationStarted.Task.IsCompleted, "the question should have been sent before the conversation started");

        var answer = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new PageLocatorOptions { HasText = "جواب: " + question });
        await answer.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Single(host.Bot.Received, activity => activity.Type == ActivityTypes.Message && activity.Text == question);
        Assert.Equal("", await sendBox.InputValueAsync());
    }

    [Fact]
    public async Task At_phone_width_the_page_fits_without_sideways_scrolling()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.OpenChatAsync(browser, host.BaseAddress, new ViewportSize { Width = 360, Height = 740 });

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await sendBox.IsVisibleAsync());
        var box = (await sendBox.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 360, $"send box spans {box.X}..{box.X + box.Width} px of 360");
    }

    [Fact]
    public async Task Too_many_token_requests_show_when_the_page_tries_again_with_the_examples_disabled_then_it_connects()
    {
        await using var host = await DirectLineHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:ConversationsPerClientPerMinute"] = "1" });
        // This address's one token a minute is spent here; the page's request is the one too many.
        using var spent = await host.Client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);
        var grantedLater = await spent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ar-EG", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        var refused = page.WaitForResponseAsync(response => response.Url.EndsWith("/tokens/generate", StringComparison.Ordinal) && response.Status == 429);
        await page.GotoAsync(host.BaseAddress.AbsoluteUri);
        var retryAfter = int.Parse((await (await refused).HeaderValueAsync("Retry-After"))!, System.Globalization.CultureInfo.InvariantCulture);

        var note = page.Locator("#chat-wait");
        await note.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Contains("سأعيد المحاولة تلقائيًا بعد", await note.TextContentAsync(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#webchat").IsVisibleAsync(), "no empty chat box while there is no chat");
        Assert.False(await page.Locator("#chat-error").IsVisibleAsync());
        Assert.All(await page.Locator("button.example").AllAsync(), button => Assert.True(button.IsDisabledAsync().Result));
        await Chromium.ScreenshotAsync(page, "webchat-too-many-requests");

        // When the window opens again the page asks again, by itself, and connects (the window is the server's real
        // minute, so the token it would then grant is the one spent above; the page's clock runs ahead by the wait).
        await page.RouteAsync("**/v3/directline/tokens/generate", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = grantedLater }));
        await page.Clock.RunForAsync(retryAfter * 1000 + 1000);
        await page.Locator("[data-id='webchat-sendbox-input']").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.False(await note.IsVisibleAsync());
        Assert.All(await page.Locator("button.example").AllAsync(), button => Assert.False(button.IsDisabledAsync().Result));
    }

    /// <summary>The citation shape the bot sends (docs/protocols.md B3): a Markdown reference definition plus the schema.org entity.</summary>
    private static void Cite(Activity answer, string url)
    {
        answer.Text += $" [1]\n\n[1]: {url} \"بيان مشترك\"";
        answer.TextFormat = "markdown";
        answer.Entities =
        [
            new JsonObject
            {
                ["type"] = "https://schema.org/Message",
                ["@type"] = "Message",
                ["@context"] = "https://schema.org",
                ["@id"] = "",
                ["citation"] = new JsonArray(new JsonObject
                {
                    ["@type"] = "Claim",
                    ["position"] = 1,
                    ["appearance"] = new JsonObject { ["@type"] = "DigitalDocument", ["name"] = "بيان مشترك", ["abstract"] = "نص", ["url"] = url },
                }),
            },
        ];
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWords();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();
}
