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
        "1. أول\n2) ثان\n#وسم و# عنوان\n+ بند\n* بند\n---\nنص\n===\n```\n~~~",
        "عنوان www.evil.example و<http://evil.example> و<b>x</b> و&#60;b&#62; و&lt;",
        "نص\\*مائل\\* و5*3*2 و_x_ و__y__ و\\[z]",
        "\"اقتباس\" و'آخر' و.... و?!?!? و,, و+- و(C) و(tm) و--- و-- و![x]",
        "سطر بمسافتين  \nو    مزاح\n    شيفرة",
    };

    /// <summary>Each quote in each flavour, rendered as its renderer would render it.</summary>
    public static TheoryData<string, MarkdownFlavor> HostileQuotesByFlavor()
    {
        var data = new TheoryData<string, MarkdownFlavor>();
        foreach (var quote in HostileQuotes)
        {
            data.Add((string)quote.Data, MarkdownFlavor.WebChat);
            data.Add((string)quote.Data, MarkdownFlavor.Teams);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileQuotesByFlavor))]
    public async Task A_quoted_document_text_renders_verbatim_and_inert(string quote, MarkdownFlavor flavor)
    {
        var citation = new Citation(1, "evil.txt", "وثيقة", 0, quote.Length, quote, "evil.txt#0");
        var answer = FakeCorpus.AnswerWith("q", $"«{quote}» [1]", citation);
        var channel = flavor == MarkdownFlavor.Teams ? Channels.MsTeams : "webchat";
        var reply = new Activity { Type = ActivityTypes.Message, ChannelId = channel, Conversation = new() { Id = "c" } };
        ReplyFormatter.Apply(reply, answer, new Uri("https://bot.example/"));

        // Teams gets no reference definitions (its citations come from the entity), so its [1] is plain text.
        string[] renderer = flavor == MarkdownFlavor.Teams ? [reply.Text!, "no-typographer"] : [reply.Text!];
        var html = (string)(await NodeScript.RunAsync("render-markdown.js", TimeSpan.FromSeconds(30), renderer))["html"]!;

        Assert.DoesNotContain("<img", html);
        Assert.All(Href().Matches(html), link => Assert.StartsWith("https://bot.example/documents/", link.Groups[1].Value));
        Assert.Empty(FormattingTag().Matches(html));
        // A line of Latin letters is wrapped in an invisible left-to-right isolate (BidiLines): not part of what is read.
        var shown = WebUtility.HtmlDecode(Tag().Replace(html, "")).Replace("\u2066", "").Replace("\u2069", "");
        Assert.Contains(Whitespace().Replace(quote, " "), Whitespace().Replace(shown, " "));
    }

    /// <summary>
    /// A short answer cut from two quotes opens with «**…** [1][2]», and a model's sentence may cite two passages the
    /// same way. CommonMark reads «[1][2]» as one reference link (text «1», label «2»): each marker must stay a link of
    /// its own, to its own citation, wherever markers stand together.
    /// </summary>
    [Theory]
    [InlineData("webchat")]
    [InlineData(Channels.MsTeams)]
    public async Task Markers_that_stand_together_each_link_to_their_own_citation(string channel)
    {
        var first = FakeCorpus.Cite(1, FakeCorpus.Treaty, "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979.");
        var second = FakeCorpus.Cite(2, FakeCorpus.Water, "يعتمد البلد على النهر في تسعين في المئة من مياهه.");
        var third = FakeCorpus.Cite(3, FakeCorpus.Treaty, "ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات.");
        const string shortAnswer = "الدولتان والنهر";
        var answer = FakeCorpus.AnswerWith("q",
            $"{shortAnswer} [1][2]\n\n«{first.Quote}» [1][3]\n\n«{second.Quote}» [2]\n\nنصّت المعاهدة على الانسحاب [3][1][2].",
            first, second, third) with { ShortAnswer = shortAnswer };
        var reply = new Activity { Type = ActivityTypes.Message, ChannelId = channel, Conversation = new() { Id = "c" } };
        ReplyFormatter.Apply(reply, answer, new Uri("https://bot.example/"));

        string[] renderer = channel == Channels.MsTeams ? [reply.Text!, "no-typographer"] : [reply.Text!];
        var html = (string)(await NodeScript.RunAsync("render-markdown.js", TimeSpan.FromSeconds(30), renderer))["html"]!;

        int[] expected = [1, 2, 1, 3, 2, 3, 1, 2];
        if (channel == Channels.MsTeams)
        {
            // Teams matches the [n] markers of the text with the entity's claims: each must be left whole, as text.
            Assert.Empty(Href().Matches(html));
            Assert.Equal(expected, ShownMarker().Matches(WebUtility.HtmlDecode(html)).Select(m => int.Parse(m.Groups[1].Value)));
            return;
        }
        var citations = new[] { first, second, third };
        var links = Link().Matches(html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value), Text: m.Groups[2].Value)).ToList();
        Assert.Equal(expected.Select(n => n.ToString()), links.Select(l => l.Text));
        Assert.All(links, link => Assert.Equal(DocumentLinks.For(new Uri("https://bot.example/"), citations[int.Parse(link.Text) - 1]), link.Href));
    }

    [Theory]
    [InlineData("وقّعت الدولتان المعاهدة عام 1979، في العاصمة.")]
    [InlineData("I answer questions asked in Arabic only; please ask in Arabic, for example: «أين التقى ترامب وبوتين؟»")]
    [InlineData("بلغ النمو 3.5% (تقديرًا) - أي أقل؛ وقال: نعم! ثم سأل: لماذا؟ 5 * 3 = 15، و#وسم، و1.5 مليون، و[1] ليس هنا")]
    public void Punctuation_that_is_no_markup_where_it_stands_is_left_alone(string text)
    {
        var expected = text.Replace("[", "\\[", StringComparison.Ordinal);
        Assert.Equal(expected, MarkdownText.Escape(text, MarkdownFlavor.Teams));
        Assert.Equal(expected, MarkdownText.Escape(text, MarkdownFlavor.WebChat));
    }

    [Fact]
    public void Straight_quotes_are_escaped_only_for_the_typographer_of_Web_Chat()
    {
        const string text = "وصف البيان بأنه \"تاريخي\".";
        Assert.Equal(text, MarkdownText.Escape(text, MarkdownFlavor.Teams));
        Assert.Equal(text.Replace("\"", "\\\"", StringComparison.Ordinal), MarkdownText.Escape(text, MarkdownFlavor.WebChat));
    }

    [GeneratedRegex("<(strong|em|code|s|del|h[1-6]|ul|ol|li|blockquote|pre)[ >]")]
    private static partial Regex FormattingTag();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<a href=\"([^\"]*)\"[^>]*>([^<]*)</a>")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex ShownMarker();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
