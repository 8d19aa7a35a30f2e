using Assistant.Answering;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

[Collection(SeedIndexCollection.Name)]
public sealed class AnswerServiceTests(SeedIndexFixture seeds)
{
    private Task<Answer> AskAsync(string question, string? conversation = null, int? topK = null) =>
        seeds.Answers.AskAsync(new Question(question, conversation, topK), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("ما رقم قرار مجلس الامن الذي دعا الرئيسان الى تطبيقه؟", "2254")]
    [InlineData("ما رقم القرار ٢٢٥٤ وما الذي يضمنه؟", "2254")]
    [InlineData("متى عقدت مباحثات استانا 8؟", "أستانا")]
    [InlineData("مَا الَّذِي أَكَّدَهُ تِيلِرْسُون بِشَأْنِ رُوسِيَا؟", "روسيا")]
    public async Task Spelling_variants_digits_and_diacritics_reach_the_right_text(string question, string expectedInQuote)
    {
        var answer = await AskAsync(question);
        Assert.False(answer.Abstained);
        Assert.Contains(answer.Citations, c => c.Quote.Contains(expectedInQuote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("مرحبا")] // the Astana statement says «ومرحبةً»: a greeting must not find it
    [InlineData("شكراً جزيلاً!")]
    [InlineData("ممكن تساعدني؟")]
    public async Task A_message_that_only_greets_or_thanks_asks_nothing_and_is_invited_to_ask(string message)
    {
        var answer = await AskAsync(message);
        Assert.True(answer.Abstained);
        Assert.Equal(AbstainReasons.NoQuestion, answer.AbstainReason);
        Assert.Empty(answer.Citations);
        Assert.Null(answer.ShortAnswer);

        // With a question after it, the greeting is only a wrapper.
        var asked = await AskAsync(message + " أين التقى ترامب وبوتين؟");
        Assert.False(asked.Abstained);
    }

    [Theory]
    [InlineData("؟؟؟")]
    [InlineData("...")]
    [InlineData("!!!")]
    [InlineData("؟! …")]
    public async Task A_message_of_punctuation_alone_is_told_no_question_was_found_as_a_blank_one_is(string message)
    {
        var answer = await AskAsync(message);
        Assert.True(answer.Abstained);
        Assert.Equal(AbstainReasons.NoQuestion, answer.AbstainReason);
        Assert.Equal(Replies.NoQuestionFound, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("Where did Trump and Putin meet in November 2017?")]
    [InlineData("Qui a signé la déclaration commune ?")]
    public async Task A_question_in_latin_letters_that_is_not_arabizi_is_told_to_ask_in_arabic_in_both_languages(string question)
    {
        var answer = await AskAsync(question);
        Assert.True(answer.Abstained);
        Assert.Equal(AbstainReasons.NotArabic, answer.AbstainReason);
        Assert.Contains("بالعربية", answer.Text, StringComparison.Ordinal);
        Assert.Contains("in Arabic", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arabizi_is_still_read_as_arabic()
    {
        var answer = await AskAsync("wein et2abalo trump w putin?");
        Assert.NotEqual(AbstainReasons.NotArabic, answer.AbstainReason);
    }

    [Theory]
    [InlineData("ومتى؟")]
    [InlineData("طيب وين؟")]
    public async Task A_question_without_a_subject_that_opens_the_conversation_asks_what_is_meant(string question)
    {
        var alone = await AskAsync(question, conversation: Guid.NewGuid().ToString());
        Assert.True(alone.Abstained);
        Assert.Equal(AbstainReasons.SubjectUnknown, alone.AbstainReason);
        Assert.StartsWith("عمّ تسأل؟", alone.Text, StringComparison.Ordinal);

        // After a question it continues that question's subject.
        var conversation = Guid.NewGuid().ToString();
        await AskAsync("أين التقى ترامب وبوتين؟", conversation);
        Assert.NotEqual(AbstainReasons.SubjectUnknown, (await AskAsync(question, conversation)).AbstainReason);
    }

    [Fact]
    public async Task Thanks_are_answered_as_thanks_and_a_greeting_as_a_greeting()
    {
        var thanked = await AskAsync("شكراً جزيلاً!");
        var greeted = await AskAsync("مرحبا");
        Assert.StartsWith("العفو", thanked.Text, StringComparison.Ordinal);
        Assert.StartsWith("أهلًا بك", greeted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_previous_meeting_is_searched_without_the_words_of_the_meeting_it_came_before()
    {
        // The words «قمة فيتنام» find the Da Nang summit; the earlier meeting is found by the search without them.
        var answer = await AskAsync("وين كان آخر لقاء بين ترامب وبوتين قبل قمة فيتنام؟");
        Assert.False(answer.Abstained);
        Assert.Contains("هامبورغ", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_the_documents_do_not_answer_adds_nothing_to_the_short_answer_and_is_named()
    {
        var answer = await AskAsync("متى صدر البيان المشترك؟ وكم عدد الجنود الروس في سوريا؟");
        Assert.Equal((await AskAsync("متى صدر البيان المشترك؟")).ShortAnswer, answer.ShortAnswer);
        Assert.EndsWith(UnansweredParts.Note([1]), answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_question_pasted_many_times_is_answered_once()
    {
        var answer = await AskAsync(string.Concat(Enumerable.Repeat("أين التقى ترامب وبوتين؟ ", 25)));
        Assert.False(answer.Abstained);
        Assert.Equal((await AskAsync("أين التقى ترامب وبوتين؟")).ShortAnswer, answer.ShortAnswer);
    }

    [Fact]
    public async Task An_answer_spanning_a_wrapped_line_quotes_both_lines_exactly()
    {
        var answer = await AskAsync("ما الدول الضامنة لمراقبة نظام وقف إطلاق النار في الجمهورية العربية السورية؟");
        Assert.False(answer.Abstained);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("في الجمهوري  \nالعربية السورية", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_answer_follows_the_contract()
    {
        var answer = await AskAsync("لماذا أكد الرئيسان ضرورة فتح قنوات اتصال؟", topK: 3);
        Assert.Equal("لماذا أكد الرئيسان ضرورة فتح قنوات اتصال؟", answer.Question);
        // Retrieval's order (retrievalRank): the three best, then the passages just before or after them in their
        // documents (touching them, across the blank line between paragraphs) that matched the question too.
        var retrieved = answer.Passages.OrderBy(p => p.RetrievalRank).ToList();
        Assert.True(retrieved.Count >= 3);
        Assert.Equal(Enumerable.Range(1, retrieved.Count), retrieved.Select(p => p.RetrievalRank ?? 0));
        Assert.True(retrieved.Zip(retrieved.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        var best = retrieved.Take(3).ToList();
        Assert.All(retrieved.Skip(3), extra => Assert.Contains(best, p => p.DocumentId == extra.DocumentId && extra.Start <= p.End + 16 && p.Start <= extra.End + 16));
        // The answer lists first the passages it quotes, in the order of their markers.
        var cited = answer.Citations.Select(c => c.PassageId).Distinct().ToList();
        Assert.Equal(cited, answer.Passages.Take(cited.Count).Select(p => p.PassageId));
        Assert.InRange(answer.Citations.Count, 1, 3);
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            Assert.Equal(i + 1, answer.Citations[i].Marker);
            Assert.Contains($"[{i + 1}]", answer.Text);
            Assert.NotEqual("", answer.Citations[i].Title);
        }
        Assert.True(answer.Timings.RetrievalMs >= 0 && answer.Timings.AnswerMs >= 0);
    }

    [Theory]
    [InlineData("What is the longest river in the world?")]
    [InlineData("🙂🙂🙂")]
    [InlineData("ما هو أطول نهر في العالم؟")]
    [InlineData("من هو مؤلف رواية مئة عام من العزلة؟")]
    public async Task Questions_the_documents_cannot_answer_get_an_arabic_abstention(string question)
    {
        var answer = await AskAsync(question);
        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Matches(@"\p{IsArabic}", answer.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u0000\u0007\u200B")]
    public async Task An_empty_question_is_refused_with_an_arabic_message(string question)
    {
        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => AskAsync(question));
        Assert.Matches(@"\p{IsArabic}", error.Message);
    }

    [Fact]
    public async Task A_100_KB_question_is_refused_with_its_length()
    {
        var question = string.Concat(Enumerable.Repeat("ما موقف روسيا من الأزمة السورية؟ ", 3200));
        Assert.True(question.Length > 100_000);
        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => AskAsync(question));
        Assert.Contains(QuestionText.Clean(question).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task Control_characters_are_treated_as_spaces()
    {
        var clean = await AskAsync("كم عدد مشاهدات البيان الختامي لمباحثات أستانا 8؟");
        var noisy = await AskAsync("كم\u0000عدد\tمشاهدات\u0007البيان\r\nالختامي لمباحثات أستانا 8؟\u001b");
        Assert.Equal("كم عدد مشاهدات البيان الختامي لمباحثات أستانا 8؟", noisy.Question);
        Assert.Equal(clean.Citations, noisy.Citations);
    }

    [Fact]
    public async Task A_short_follow_up_is_resolved_against_the_previous_question()
    {
        var conversation = Guid.NewGuid().ToString();
        var first = await AskAsync("ما الذي أعلنه البيان الختامي لمباحثات أستانا 8؟", conversation);
        Assert.False(first.Abstained);
        var followUp = await AskAsync("ومتى نشر؟", conversation);
        Assert.False(followUp.Abstained);
        Assert.NotNull(followUp.StandaloneQuestion);
        Assert.Contains("أستانا", followUp.StandaloneQuestion);
        Assert.Contains(followUp.Citations, c => c.DocumentId == "003_bca4d65306d4d8ae.txt");

        // Without the conversation the same words have nothing to stand on.
        var alone = await AskAsync("ومتى نشر؟");
        Assert.Null(alone.StandaloneQuestion);
        Assert.True(alone.Abstained);
    }

    [Fact]
    public async Task A_follow_up_naming_a_subject_of_its_own_is_answered_from_where_its_own_words_are()
    {
        // Two turns about when and where the statement was issued: their words, inherited, outnumber the follow-up's own
        // in the resolved search, whose passages do not say what the statement said of a military solution.
        var conversation = Guid.NewGuid().ToString();
        Assert.False((await AskAsync("متى صدر بيان ترامب وبوتين المشترك؟", conversation)).Abstained);
        Assert.False((await AskAsync("وأين صدر؟", conversation)).Abstained);
        var followUp = await AskAsync("وماذا قالا عن الحل العسكري؟", conversation);
        Assert.NotNull(followUp.StandaloneQuestion);
        Assert.Contains(followUp.Citations, c => c.DocumentId == "000_84f7261bbaa5e2d3.txt" && c.Quote.Contains("لا يوجد حل عسكري"));
    }

    [Fact]
    public async Task A_greeting_between_a_question_and_its_follow_up_neither_continues_nor_replaces_the_subject()
    {
        var conversation = Guid.NewGuid().ToString();
        Assert.False((await AskAsync("ما الذي أعلنه البيان الختامي لمباحثات أستانا 8؟", conversation)).Abstained);
        var greeting = await AskAsync("كيفك؟", conversation);
        Assert.Equal(AbstainReasons.NoQuestion, greeting.AbstainReason);
        var followUp = await AskAsync("ومتى نشر؟", conversation);
        Assert.Contains("أستانا", followUp.StandaloneQuestion);
    }

    [Fact]
    public async Task When_the_joint_statement_was_issued_is_read_off_its_heading_not_off_another_statement()
    {
        // The Kremlin's own statement, «صدر عنه مساء أمس الثلاثاء», shares «صدر» and «بيان» with the question.
        var answer = await AskAsync("متى صدر البيان المشترك لترامب وبوتين؟");
        Assert.Equal("000_84f7261bbaa5e2d3.txt", answer.Citations[0].DocumentId);
        Assert.Contains("11 تشرين الثاني/نوفمبر، 2017", answer.ShortAnswer, StringComparison.Ordinal);
    }
}
