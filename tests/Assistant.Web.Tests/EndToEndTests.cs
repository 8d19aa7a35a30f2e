using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Assistant.Web.Bot;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

/// <summary>The real core behind the bot: first start builds the index from the seeds, then an Arabic question is answered with citations that open on the exact span.</summary>
public sealed partial class EndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_start_builds_the_index_and_the_bot_answers_with_citations_that_open_on_the_quoted_span()
    {
        await using var factory = new CoreBotFactory();
        var client = factory.CreateClient();

        await CoreBotFactory.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));
        var response = await Activities.PostAsync(client, Activities.ExpectReplies(Activities.Message("بحسب بيان الخارجية الأمريكية، من خلال أي مؤتمر ينبغي أن يتم الحل السياسي النهائي وفق القرار ٢٢٥٤؟")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await Activities.RepliesAsync(response))[^1];
        Assert.Contains("[1]", answer.Text);
        var claims = Assert.Single(answer.Entities!)["citation"]!.AsArray();
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            var url = new Uri((string)claim!["appearance"]!["url"]!);
            var abstractText = (string)claim["appearance"]!["abstract"]!;
            // The reference definition Web Chat renders points at the same page.
            Assert.Contains($"[{(int)claim["position"]!}]: {url.AbsoluteUri}", answer.Text);

            var page = await client.GetStringAsync(url.PathAndQuery, Ct);
            var marked = HttpUtility.HtmlDecode(MarkPattern().Match(page).Groups[1].Value);
            var query = HttpUtility.ParseQueryString(url.Query);
            Assert.Equal(int.Parse(query["end"]!) - int.Parse(query["start"]!), marked.Length);
            Assert.StartsWith(abstractText.TrimEnd('…'), Regex.Replace(marked, @"\s+", " ").Trim());
        }
    }

    [Fact]
    public async Task Over_api_messages_an_english_question_is_asked_for_in_arabic_a_first_elliptical_one_is_asked_back_and_punctuation_alone_gets_the_blank_hint()
    {
        await using var factory = new CoreBotFactory();
        var client = factory.CreateClient();
        await CoreBotFactory.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));

        async Task<string> ReplyAsync(string text, string conversation) =>
            (await Activities.RepliesAsync(await Activities.PostAsync(client, Activities.ExpectReplies(Activities.Message(text, conversationId: conversation)))))[^1].Text!;

        var english = await ReplyAsync("Where did Trump and Putin meet in November 2017?", "c-english");
        Assert.Contains("بالعربية", english);
        Assert.Contains("in Arabic", english);
        Assert.StartsWith("عمّ تسأل؟", await ReplyAsync("ومتى؟", "c-first"));
        Assert.Contains("[1]", await ReplyAsync("أين التقى ترامب وبوتين؟", "c-first"));
        Assert.Contains("[1]", await ReplyAsync("ومتى؟", "c-first"));
        // Punctuation alone is answered as a blank message is, in the same words.
        Assert.Equal(BotMessages.BlankHint, await ReplyAsync("؟؟؟", "c-punctuation"));
    }

    [GeneratedRegex("<mark id=\"cited\">(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex MarkPattern();
}
