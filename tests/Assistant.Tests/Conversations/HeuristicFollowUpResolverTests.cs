using Assistant.Analysis;
using Assistant.Conversations;
using Assistant.Tests.Evaluation;

namespace Assistant.Tests.Conversations;

public sealed class HeuristicFollowUpResolverTests
{
    private const string Previous = "ماذا قال تيلرسون عن الخلافات بين واشنطن وموسكو؟";

    private static readonly HeuristicFollowUpResolver Resolver = new(new ArabicTextAnalyzer(), new DocumentOnlyIndex(new Dictionary<string, string>
    {
        ["tillerson.txt"] = "قال تيلرسون إن واشنطن وموسكو لديهما خلافات لم تحل بعد، لكن لديهما القدرة على التنسيق في سوريا.",
        ["astana.txt"] = "انعقد الاجتماع الدولي الخاص بسوريا في أستانا، وشددت الدول الضامنة على مناطق خفض التصعيد. تقرر عقد الجولة التالية في أستانا.",
        ["amman.txt"] = "رحب الرئيسان بمذكرة المبادئ المبرمة في عمان بين الأردن وروسيا والولايات المتحدة.",
        ["mechanisms.txt"] = "تشمل الآليات مثلاً مناطق حظر الطيران، مثل غيرها من الترتيبات تحت رعاية الأمم المتحدة.",
    }));

    private static Task<string> ResolveAsync(string question, params ConversationTurn[] history) =>
        Resolver.ResolveAsync(question, history.Length == 0 ? [Turn(Previous)] : history, TestContext.Current.CancellationToken);

    /// <summary>A turn as the answer service keeps it: what was asked, and the question searched for it.</summary>
    private static ConversationTurn Turn(string asked, string? standalone = null) => new(asked, standalone ?? asked, "…") { Asked = asked };

    [Theory]
    [InlineData("ومتى؟")]
    [InlineData("وفي أي مدينة؟")]
    // Only «سوريا» is a word the documents use: the dialect verbs name no subject of their own.
    [InlineData("طب وهما يقدروا ينسقوا مع بعض في سوريا؟")]
    public async Task A_question_that_names_little_the_documents_speak_of_is_read_with_what_the_previous_one_was_about(string followUp)
    {
        var standalone = await ResolveAsync(followUp);
        Assert.StartsWith(followUp.TrimEnd('؟'), standalone, StringComparison.Ordinal);
        Assert.EndsWith("قال تيلرسون عن الخلافات بين واشنطن وموسكو؟", standalone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_inherits_the_subject_of_the_previous_question_but_not_what_it_asked()
    {
        // «أين» and the kind noun «مدينة» asked about the previous answer; «متى» asks about the same meeting.
        var standalone = await ResolveAsync("ومتى؟", Turn("في أي مدينة انعقد الاجتماع الدولي الخاص بسوريا؟"));
        Assert.Equal("ومتى انعقد الاجتماع الدولي الخاص بسوريا؟", standalone);
    }

    [Fact]
    public async Task A_follow_up_that_asks_nothing_itself_asks_what_the_turn_before_it_asked()
    {
        // «والجولة التالية؟» after «ومتى اجتمعت؟» asks when the next round is.
        var first = Turn("ما الدول الضامنة في أستانا؟");
        var second = Turn("ومتى انعقد الاجتماع الدولي؟", await ResolveAsync("ومتى انعقد الاجتماع الدولي؟", first));
        Assert.Equal("والجولة التالية متى انعقد الاجتماع الدولي؟", await ResolveAsync("والجولة التالية؟", first, second));
        Assert.Equal("والجولة التالية في أي مدينة انعقد الاجتماع الدولي؟", await ResolveAsync("والجولة التالية؟", Turn("وفي أي مدينة انعقد الاجتماع الدولي؟")));
    }

    [Theory]
    [InlineData("وأين؟")] // its own interrogative
    [InlineData("والهدف منها؟")] // a noun that asks for a reason
    [InlineData("وهل انعقد الاجتماع الدولي مرة أخرى؟")] // asks in words of its own
    public async Task A_follow_up_that_asks_something_itself_does_not_take_the_earlier_interrogative(string followUp)
    {
        Assert.DoesNotContain("متى", await ResolveAsync(followUp, Turn("متى انعقد الاجتماع الدولي الخاص بسوريا؟")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_earlier_question_that_asked_no_kind_of_answer_lends_no_interrogative()
    {
        Assert.Equal("والجولة التالية الدول الضامنة في أستانا؟", await ResolveAsync("والجولة التالية؟", Turn("ما الدول الضامنة في أستانا؟")));
    }

    [Theory]
    [InlineData("مثل ماذا مثلاً؟")]
    [InlineData("تحت رعاية من؟")]
    public async Task Prepositions_and_adverbs_name_no_subject_of_their_own(string followUp)
    {
        // The documents use «مثل», «مثلاً» and «تحت», but they only qualify what the conversation was about.
        Assert.EndsWith("قال تيلرسون عن الخلافات بين واشنطن وموسكو؟", await ResolveAsync(followUp), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_that_asked_how_long_is_not_inherited()
    {
        var standalone = await ResolveAsync("ومن حضره؟", Turn("كم دام الاجتماع الدولي الخاص بسوريا؟"));
        Assert.Equal("ومن حضره الاجتماع الدولي الخاص بسوريا؟", standalone);
    }

    [Fact]
    public async Task A_noun_the_previous_question_asked_about_is_kept_as_the_subject()
    {
        // «بأي مذكرة» asked which memorandum: «ومتى أبرمت؟» is about that memorandum.
        var standalone = await ResolveAsync("ومتى أبرمت؟", Turn("بأي مذكرة رحب الرئيسان؟"));
        Assert.Contains("مذكرة", standalone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_of_follow_ups_carries_the_subject_once_without_the_earlier_interrogatives()
    {
        var first = Turn("أين انعقد الاجتماع الدولي الخاص بسوريا؟");
        var second = Turn("ومتى؟", await ResolveAsync("ومتى؟", first));
        var third = await ResolveAsync("ومن حضره؟", first, second);
        Assert.Equal("ومن حضره انعقد الاجتماع الدولي الخاص بسوريا؟", third);
        Assert.DoesNotContain("متى", third, StringComparison.Ordinal);
        Assert.DoesNotContain("أين", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_that_named_its_own_subject_replaces_the_older_subject()
    {
        var first = Turn("لمن أعربت الدول الضامنة عن امتنانها؟");
        const string own = "ومتى تقرر عقد الجولة التالية؟";
        var second = Turn(own, await ResolveAsync(own, first));
        Assert.NotEqual(own, second.StandaloneQuestion);
        var third = await ResolveAsync("وأين؟", first, second);
        Assert.Equal("وأين تقرر عقد الجولة التالية؟", third);
    }

    [Theory]
    [InlineData("موضوع ثاني: أين؟", "أين؟")]
    [InlineData("طيب سؤال آخر، ومتى؟", "ومتى؟")]
    [InlineData("بعيداً عن هذا: من حضر؟", "من حضر؟")]
    // What the user leaves aside, named and closed by a clause mark, goes with the opening.
    [InlineData("بعيداً عن الوزير الروسي، متى انعقد الاجتماع؟", "متى انعقد الاجتماع؟")]
    [InlineData("خلّينا من الاجتماع؛ شو قال الوزير؟", "شو قال الوزير؟")]
    public async Task A_question_that_opens_by_announcing_another_subject_stands_on_its_own(string question, string expected)
    {
        Assert.Equal(expected, await ResolveAsync(question));
    }

    [Theory]
    [InlineData("أين انعقد الاجتماع الدولي الخاص بسوريا في أستانا؟")]
    // «ثاني» here is the ordinal asked about, not an opening that changes the subject.
    [InlineData("ومتى الاجتماع الثاني؟")]
    // Without a clause mark closing it, «بعيداً عن» is part of what is asked.
    [InlineData("كم يبعد المطار بعيداً عن المدينة؟")]
    public void A_question_without_a_topic_shift_opening_is_not_taken_for_one(string question) => Assert.Null(TopicShift.Without(question));

    [Theory]
    // A place the documents never name: about something the conversation was not about.
    [InlineData("ما عاصمة فرنسا؟")]
    // Only words the documents never use, and no «و» to continue the conversation.
    [InlineData("كيف أطبخ الأرز؟")]
    public async Task A_question_about_something_the_documents_never_speak_of_stands_alone(string question) =>
        Assert.Equal(question, await ResolveAsync(question));

    [Theory]
    [InlineData("وكيف أطبخ الأرز؟")]
    [InlineData("طب واتنشر امتى بالظبط؟")]
    public async Task A_question_that_continues_with_و_or_طب_is_read_with_the_conversation_whatever_words_it_says(string followUp) =>
        Assert.EndsWith("قال تيلرسون عن الخلافات بين واشنطن وموسكو؟", await ResolveAsync(followUp), StringComparison.Ordinal);

    [Fact]
    public async Task A_question_that_names_its_own_subject_stands_alone()
    {
        const string question = "أين انعقد الاجتماع الدولي الخاص بسوريا في أستانا؟";
        Assert.Equal(question, await ResolveAsync(question));
    }

    [Theory]
    // Two words of their own subject the documents use, and no conjunction: a new question, not a follow-up.
    [InlineData("أين انعقد الاجتماع في أستانا؟")]
    [InlineData("ماذا قال الأردن عن روسيا؟")]
    public async Task A_question_that_names_two_words_of_its_own_without_a_conjunction_stands_alone(string question) =>
        Assert.Equal(question, await ResolveAsync(question));

    [Theory]
    // One word of its own: what the conversation was about is still its subject.
    [InlineData("متى تحل؟")]
    // «زين», like «طيب», opens a question that continues the conversation.
    [InlineData("زين ومتى تحل الخلافات؟")]
    public async Task A_question_that_names_one_word_or_continues_with_a_discourse_word_is_a_follow_up(string followUp) =>
        Assert.EndsWith("قال تيلرسون عن الخلافات بين واشنطن وموسكو؟", await ResolveAsync(followUp), StringComparison.Ordinal);

    [Fact]
    public async Task The_first_question_of_a_conversation_is_left_as_it_is()
    {
        const string question = "ومتى؟";
        Assert.Equal(question, await Resolver.ResolveAsync(question, [], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_turn_kept_without_what_it_asked_is_inherited_whole()
    {
        // Turns kept before the asked question was recorded: the standalone question is all there is.
        var standalone = await ResolveAsync("ومتى؟", new ConversationTurn(Previous, Previous, "…"));
        Assert.EndsWith("قال تيلرسون عن الخلافات بين واشنطن وموسكو؟", standalone, StringComparison.Ordinal);
    }
}
