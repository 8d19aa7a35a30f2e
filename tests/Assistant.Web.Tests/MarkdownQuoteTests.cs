using System.Net;
using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Web.Bot;
using Assistant.Web.Bot.Formatting;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

/// <summary>
/// A document's text is quoted into a Markdown reply: rendered by Web Chat's own markdown-it, it must show verbatim and
/// never become a link, an image or formatting.
/// </summary>
public sealed partial class MarkdownQuoteTests
{
    public static TheoryData<string> HostileQuotes => new()
    {
        "انظر ![x](http://evil.example/p.png) هنا",
        "اضغط [هنا](http://evil.example/) الآن",
        "نص **عريض** و_مائل_ و`شيفرة` و~~مشطوب~~",
        "<img src=x onerror=alert(1)> و <b>وسم</b>",
        "# عنوان\n- بند\n1. أول\n> اقتباس",
        "رابط عار http://evil.example/x و evil.example و(c) -- ...",
        "تعريف مرجع\n[x]: http://evil.example/ \"t\"\nثم [x] و[y][x]",
        "شرطة \\ مائلة و&amp; كيان",
    };

    [Theory]
    [MemberData(nameof(HostileQuotes))]
    public async Task A_quoted_document_text_renders_verbatim_and_inert(string quote)
    {
        var citation = new Citation(1, "evil.txt", "وثيقة", 0, quote.Length, quote, "evil.txt#0");
        var answer = FakeCorpus.AnswerWith("q", $"«{quote}» [1]", citation);
        var reply = new Activity { Type = ActivityTypes.Message, ChannelId = "webchat", Conversation = new() { Id = "c" } };
        ReplyFormatter.Apply(reply, answer, new Uri("https://bot.example/"));

        var html = (string)(await NodeScript.RunAsync("render-markdown.js", TimeSpan.FromSeconds(30), reply.Text!))["html"]!;

        Assert.DoesNotContain("<img", html);
        Assert.All(Href().Matches(html), link => Assert.StartsWith("https://bot.example/documents/", link.Groups[1].Value));
        Assert.Empty(FormattingTag().Matches(html));
        var shown = WebUtility.HtmlDecode(Tag().Replace(html, ""));
        Assert.Contains(Whitespace().Replace(quote, " "), Whitespace().Replace(shown, " "));
    }

    [Fact]
    public void Escaping_leaves_Arabic_text_and_digits_alone()
    {
        Assert.Equal("وقّعت الدولتان المعاهدة عام 1979، في العاصمة.".Replace(".", "\\."), MarkdownText.Escape("وقّعت الدولتان المعاهدة عام 1979، في العاصمة."));
    }

    [GeneratedRegex("<(strong|em|code|s|del|h[1-6]|ul|ol|li|blockquote|pre)[ >]")]
    private static partial Regex FormattingTag();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
