using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Answering;
using Assistant.Citations;
using Assistant.Web.Bot;
using Assistant.Web.Bot.Formatting;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

public sealed class ReplyFormatterTests
{
    private static readonly Uri Base = new("https://bot.example/prefix/");

    private static Activity Format(Answer answer, string channelId = "webchat")
    {
        var reply = new Activity { Type = ActivityTypes.Message, ChannelId = channelId, Conversation = new() { Id = "c" } };
        ReplyFormatter.Apply(reply, answer, Base);
        return reply;
    }

    /// <summary>The reply's Markdown form of these answers' text: nothing in them is markup, so nothing is escaped.</summary>
    private static string Escaped(string text) => text;

    private static Answer TwoCitations() => FakeCorpus.AnswerWith("q",
        "وقّعت الدولتان المعاهدة عام 1979 [1]، ونصّت على انسحاب القوات [2].",
        FakeCorpus.Cite(1, FakeCorpus.Treaty, "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979."),
        FakeCorpus.Cite(2, FakeCorpus.Treaty, "ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات."));

    [Fact]
    public void Markdown_text_ends_with_a_reference_definition_per_citation()
    {
        var answer = TwoCitations();

        var reply = Format(answer);

        Assert.Equal("markdown", reply.TextFormat);
        var link1 = DocumentLinks.For(Base, answer.Citations[0]);
        Assert.Equal(
            $"{Escaped(answer.Text)}\n\n[1]: {link1} \"معاهدة السلام — «وقّعت الدولتان معاهدة السلام في…»\"\n[2]: {DocumentLinks.For(Base, answer.Citations[1])} \"معاهدة السلام — «ونصّت المعاهدة على انسحاب القوات…»\"",
            reply.Text);
        Assert.Equal($"https://bot.example/prefix/documents/news/treaty.txt?start={answer.Citations[0].Start}&end={answer.Citations[0].End}#cited", link1);
    }

    [Fact]
    public void One_schema_org_Message_entity_with_a_claim_per_marker()
    {
        var answer = TwoCitations() with { Generator = AnswerGenerators.Llm };

        var entity = Assert.Single(Format(answer).Entities!);

        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal("https://schema.org", (string?)entity["@context"]);
        Assert.Equal("", (string?)entity["@id"]);
        Assert.Equal(["AIGeneratedContent"], entity["additionalType"]!.AsArray().Select(v => (string?)v));
        var claims = entity["citation"]!.AsArray();
        Assert.Equal([1, 2], claims.Select(c => (int)c!["position"]!));
        var first = claims[0]!;
        Assert.Equal("Claim", (string?)first["@type"]);
        Assert.Equal("DigitalDocument", (string?)first["appearance"]!["@type"]);
        Assert.Equal("معاهدة السلام — «وقّعت الدولتان معاهدة السلام في…»", (string?)first["appearance"]!["name"]);
        Assert.Equal(answer.Citations[0].Quote, (string?)first["appearance"]!["abstract"]);
        Assert.Equal(DocumentLinks.For(Base, answer.Citations[0]), (string?)first["appearance"]!["url"]);
    }

    [Fact]
    public void Teams_gets_the_entity_but_no_reference_definitions()
    {
        var answer = TwoCitations();

        var reply = Format(answer, Channels.MsTeams);

        Assert.Equal(Escaped(answer.Text), reply.Text);
        Assert.Equal(2, reply.Entities![0]["citation"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData(Channels.MsTeams)]
    public void The_short_answer_is_the_bold_first_line_above_the_quotes(string channelId)
    {
        var quote = "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979.";
        var answer = FakeCorpus.AnswerWith("متى وقعت المعاهدة؟", $"عام 1979 [1]\n\n«{quote}» [1]", FakeCorpus.Cite(1, FakeCorpus.Treaty, quote))
            with { ShortAnswer = "عام 1979" };

        var reply = Format(answer, channelId);

        var lines = reply.Text!.Split('\n');
        Assert.Equal("**عام 1979** [1]", lines[0]);
        Assert.Equal($"«{quote}» [1]", lines[2]);
        Assert.Single(reply.Entities![0]["citation"]!.AsArray());
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData(Channels.MsTeams)]
    public void The_english_half_of_the_reply_to_an_english_question_keeps_its_punctuation_and_is_isolated_left_to_right(string channelId)
    {
        var answer = new Answer("Where did they meet?", Replies.NotArabic, Abstained: true, [], [], new AnswerTimings(1, 1)) { AbstainReason = AbstainReasons.NotArabic };

        var lines = Format(answer, channelId).Text!.Split('\n');

        var (arabic, english) = (Replies.NotArabic.Split('\n')[0], Replies.NotArabic.Split('\n')[^1]);
        Assert.Equal([arabic, "", $"\u2066{english}\u2069"], lines);
    }

    [Fact]
    public void A_short_answer_cut_from_a_document_stays_inert_inside_the_bold()
    {
        var quote = "اقرأ [التفاصيل](http://evil.example) *هنا*";
        var shortAnswer = "[التفاصيل](http://evil.example) *هنا*";
        var answer = FakeCorpus.AnswerWith("q", $"{shortAnswer} [1]\n\n«{quote}» [1]", new Citation(1, "d.txt", "عنوان", 0, quote.Length, quote, "p")) with { ShortAnswer = shortAnswer };

        var firstLine = Format(answer).Text!.Split('\n')[0];

        // The bracket that would open the link, the address linkify would find and the emphasis are escaped; more Latin
        // letters than Arabic make it a left-to-right line.
        Assert.Equal("\u2066**\\[التفاصيل](http\\://evil\\.example) \\*هنا\\*** [1]\u2069", firstLine);
    }

    [Fact]
    public void Titles_and_abstracts_are_cut_on_a_word_within_Teams_limits()
    {
        var words = string.Join(' ', Enumerable.Repeat("كلمة", 60));
        var citation = new Citation(1, "d.txt", "عنوان " + words, 0, words.Length, words, "p");

        var appearance = Format(FakeCorpus.AnswerWith("q", "نص [1].", citation)).Entities![0]["citation"]![0]!["appearance"]!;

        var name = (string)appearance["name"]!;
        var abstractText = (string)appearance["abstract"]!;
        Assert.InRange(name.Length, 1, CitationLabel.MaxChars);
        Assert.InRange(abstractText.Length, 1, ReplyFormatter.MaxAbstractChars);
        Assert.EndsWith("كلمة…", abstractText);
        Assert.StartsWith("عنوان كلمة", name);
        Assert.EndsWith("كلمة…»", name);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("msteams")]
    public void Two_citations_of_one_document_are_named_apart_by_where_they_quote_it(string channelId)
    {
        const string text = "بوتين وترامب يؤكدان إنهاء الحرب. قال الرئيس الأمريكي إن المكالمة كانت رائعة.";
        var answer = FakeCorpus.AnswerWith("q", "نص [1] [2].",
            new Citation(1, "d.txt", "الشأن السوري", 0, 32, text[..32], "p1"),
            new Citation(2, "d.txt", "الشأن السوري", 33, text.Length, text[33..], "p2"));

        var reply = Format(answer, channelId);

        var names = reply.Entities![0]["citation"]!.AsArray().Select(c => (string)c!["appearance"]!["name"]!).ToList();
        Assert.Equal(["الشأن السوري — «بوتين وترامب يؤكدان إنهاء الحرب.»", "الشأن السوري — «قال الرئيس الأمريكي إن المكالمة…»"], names);
        if (channelId == "webchat") Assert.All(names, n => Assert.Contains($"\"{n}\"", reply.Text!));
    }

    [Fact]
    public void At_most_twenty_citations_and_no_marker_without_its_claim()
    {
        var citations = Enumerable.Range(1, 25)
            .Select(n => new Citation(n, "d.txt", "عنوان", 0, 4, "نص " + n, "p" + n)).ToArray();
        var text = string.Concat(citations.Select(c => $"جملة [{c.Marker}]. "));

        var reply = Format(FakeCorpus.AnswerWith("q", text, citations));

        var claims = reply.Entities![0]["citation"]!.AsArray();
        Assert.Equal(ReplyFormatter.MaxCitations, claims.Count);
        Assert.Contains("[20]", reply.Text);
        Assert.DoesNotContain("[21]", reply.Text);
        Assert.DoesNotContain("[25]", reply.Text);
    }

    [Fact]
    public void An_oversized_answer_is_shortened_to_fit_Teams_100_KB_and_keeps_only_the_claims_still_referenced()
    {
        var filler = string.Join(' ', Enumerable.Repeat("إجابة طويلة جدا", 6000));
        var answer = FakeCorpus.AnswerWith("q", $"أول [1]. {filler} آخر [2].",
            FakeCorpus.Cite(1, FakeCorpus.Treaty, "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979."),
            FakeCorpus.Cite(2, FakeCorpus.Treaty, "ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات."));

        var reply = Format(answer);

        Assert.InRange(JsonSerializer.Serialize(reply, ActivityJson.Options).Length * 2, 50_000, ReplyFormatter.MaxMessageBytes);
        Assert.StartsWith("أول [1]. ", reply.Text);
        Assert.Contains("…", reply.Text);
        Assert.DoesNotContain("[2]", reply.Text);
        Assert.Equal([1], reply.Entities![0]["citation"]!.AsArray().Select(c => (int)c!["position"]!));
    }

    [Fact]
    public void An_answer_near_the_limit_that_fits_is_kept_whole()
    {
        // ~70 KB as JSON: over the cheap bound (every char counted as a \u escape), so it is measured, and it fits.
        var filler = string.Join(' ', Enumerable.Repeat("إجابة طويلة", 3000));
        var answer = FakeCorpus.AnswerWith("q", $"أول [1]. {filler}",
            FakeCorpus.Cite(1, FakeCorpus.Treaty, "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979."));

        var reply = Format(answer);

        Assert.True(ReplyFormatter.Utf16BytesAtMost(reply) > ReplyFormatter.MaxMessageBytes);
        Assert.StartsWith(Escaped(answer.Text) + "\n\n[1]: ", reply.Text);
    }

    [Theory]
    [InlineData("webchat", "وقّعت الدولتان المعاهدة عام 1979 [1]، ونصّت على انسحاب القوات [2].")]
    [InlineData("msteams", "\"quoted\" \\ back\\slash \u0001 control <b>&amp;</b> 😀 emoji [1] [2]")]
    public void The_cheap_size_bound_is_never_below_the_serialised_size(string channelId, string text)
    {
        var answer = FakeCorpus.AnswerWith("q", text,
            FakeCorpus.Cite(1, FakeCorpus.Treaty, "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979."),
            FakeCorpus.Cite(2, FakeCorpus.Treaty, "ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات."));
        var reply = new Activity
        {
            Type = ActivityTypes.Message, Id = "a\"1", Timestamp = DateTimeOffset.MaxValue, LocalTimestamp = DateTimeOffset.MinValue,
            LocalTimezone = "Asia/Riyadh", ServiceUrl = "https://smba.trafficmanager.net/amer/", ChannelId = channelId,
            From = new() { Id = "28:bot", Name = "المساعد", AadObjectId = "00000000-0000-0000-0000-000000000000", Role = "bot" },
            Recipient = new() { Id = "29:user", Name = "مستخدم", Role = "user" },
            Conversation = new() { Id = "19:abc@thread.tacv2", Name = "محادثة", IsGroup = true, ConversationType = "channel", TenantId = "t" },
            Locale = "ar-EG", InputHint = "acceptingInput", ReplyToId = "r", DeliveryMode = "normal", Name = "n",
        };

        ReplyFormatter.Apply(reply, answer, Base);

        Assert.InRange(JsonSerializer.Serialize(reply, ActivityJson.Options).Length * 2L, 1, ReplyFormatter.Utf16BytesAtMost(reply)!.Value);
    }

    [Fact]
    public void An_abstention_is_not_labelled_AI_generated()
    {
        var answer = new Answer("q", "لا تجيب الوثائق المتاحة عن هذا السؤال.", true, [], [], new AnswerTimings(0, 0));

        var reply = Format(answer);

        Assert.Equal(Escaped(answer.Text), reply.Text);
        var entity = Assert.Single(reply.Entities!);
        Assert.Null(entity["citation"]);
        Assert.Null(entity["additionalType"]);
    }

    [Fact]
    public void Only_a_model_written_answer_is_labelled_AI_generated()
    {
        var extractive = Assert.Single(Format(TwoCitations()).Entities!);
        var modelWritten = Assert.Single(Format(TwoCitations() with { Generator = AnswerGenerators.Llm }).Entities!);

        Assert.Null(extractive["additionalType"]);
        Assert.Equal(["AIGeneratedContent"], modelWritten["additionalType"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void The_entity_is_sent_in_schema_order()
    {
        var citation = new Citation(3, "d.txt", "تقرير", 0, 2, "نص", "p");

        var entity = Format(FakeCorpus.AnswerWith("q", "نص [3].", citation) with { Generator = AnswerGenerators.Llm }).Entities![0];

        Assert.Equal(
            "{\"type\":\"https://schema.org/Message\",\"@type\":\"Message\",\"@context\":\"https://schema.org\",\"@id\":\"\","
            + "\"additionalType\":[\"AIGeneratedContent\"],\"citation\":[{\"@type\":\"Claim\",\"position\":3,\"appearance\":{\"@type\":\"DigitalDocument\","
            + $"\"name\":\"تقرير — «نص»\",\"abstract\":\"نص\",\"url\":\"{DocumentLinks.For(Base, citation)}\"}}}}]}}",
            JsonSerializer.Serialize(entity, ActivityJson.Options));
    }

    [Fact]
    public void Quotes_in_titles_do_not_break_the_reference_definition()
    {
        var citation = new Citation(1, "d.txt", "تقرير \"المياه\"", 0, 4, "نص", "p");

        var reply = Format(FakeCorpus.AnswerWith("q", "نص [1].", citation));

        Assert.EndsWith("\"تقرير \\\"المياه\\\" — «نص»\"", reply.Text);
    }

    [Fact]
    public void Arabic_is_sent_as_is_on_the_wire()
    {
        var json = JsonSerializer.Serialize(Format(TwoCitations()), ActivityJson.Options);

        Assert.Contains("معاهدة السلام", json);
        Assert.NotNull(JsonNode.Parse(json));
    }
}
