using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Chunking;
using Assistant.Storage;
using Assistant.Tests.Support;

namespace Assistant.Tests.Conversations;

/// <summary>
/// How the answerer reads a resolved follow-up: the same standalone question is answered differently once it is known
/// which of its words were inherited from the conversation and which document the previous answer quoted.
/// </summary>
public sealed class FollowUpSelectionTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    /// <summary>The quote of the answer to <paramref name="request"/>'s question over one passage per text, retrieved in that order.</summary>
    private async Task<string> QuotedAsync(string question, string[] texts, Func<AnswerRequest, AnswerRequest> followUp) =>
        (await AnswerAsync(question, texts, followUp)).Citations[0].Quote;

    private async Task<GeneratedAnswer> AnswerAsync(string question, string[] texts, Func<AnswerRequest, AnswerRequest> followUp)
    {
        var passages = texts.Select((text, i) => new ScoredPassage(new Passage($"doc{i}#0", $"doc{i}", "وثيقة", 0, text.Length, text, 0), 1, i + 1, i + 1)).ToList();
        // Every term equally rare, so that only what the follow-up brings decides.
        var statistics = new TermStatistics(20, _analyzer.Terms(string.Join(" ", texts) + " " + question).Distinct().ToDictionary(t => t, _ => 1));
        var generator = Generators.Extractive(_analyzer);
        var request = followUp(new AnswerRequest(question, _analyzer.Terms(question), passages, statistics));
        return await generator.GenerateAsync(request, TestContext.Current.CancellationToken);
    }

    private const string Meeting = "انعقد الاجتماع الدولي الخاص في أستانا بحضور الوفود.";
    private const string Troops = "عادت القوات المنسحبة إلى قواعدها.";

    // «وماذا عن القوات المنسحبة؟» read with «… الاجتماع الدولي الخاص»: three inherited words, two of its own.
    private const string Asked = "وماذا عن القوات المنسحبة";
    private const string Standalone = Asked + " الاجتماع الدولي الخاص؟";

    [Fact]
    public async Task Read_on_its_own_the_question_is_answered_from_the_sentence_with_most_of_its_words()
    {
        Assert.Equal(Meeting, await QuotedAsync(Standalone, [Meeting, Troops], r => r));
    }

    [Fact]
    public async Task As_a_follow_up_it_is_answered_from_the_sentence_with_its_own_words()
    {
        var inherited = _analyzer.Terms(Standalone).Except(_analyzer.Terms(Asked)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Troops, await QuotedAsync(Standalone, [Meeting, Troops], r => r with { InheritedTerms = inherited }));
    }

    [Fact]
    public async Task Between_equal_spans_a_follow_up_is_answered_from_the_document_the_previous_answer_quoted()
    {
        const string first = "انعقد الاجتماع في 3 أيار.";
        const string second = "انعقد الاجتماع في 5 حزيران.";
        Assert.Equal(first, await QuotedAsync("متى انعقد الاجتماع؟", [first, second], r => r));
        Assert.Equal(second, await QuotedAsync("متى انعقد الاجتماع؟", [first, second], r => r with { PreviousDocument = "doc1" }));
    }

    [Fact]
    public async Task A_word_after_a_speech_verb_names_a_source_only_when_the_follow_up_says_it_itself()
    {
        // «ومتى انعقد؟» read with «… قال تيلرسون …»: whose words these were was settled by the answer before; read on
        // its own, the question asks for what Tillerson said, which the sentence does not give.
        const string asked = "ومتى انعقد الاجتماع";
        const string standalone = asked + " قال تيلرسون؟";
        const string meeting = "انعقد الاجتماع في 3 أيار.";
        Assert.Equal(AbstainReasons.SourceNotNamed, (await AnswerAsync(standalone, [meeting], r => r)).AbstainReason);
        var inherited = _analyzer.Terms(standalone).Except(_analyzer.Terms(asked)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(meeting, await QuotedAsync(standalone, [meeting], r => r with { InheritedTerms = inherited, Asked = asked + "؟" }));
    }
}
