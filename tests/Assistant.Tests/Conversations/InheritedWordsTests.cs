using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Conversations;

/// <summary>
/// A resolved follow-up weighs the words it inherited from the conversation below its own: the same standalone question
/// is answered from the sentence that says what the follow-up asks, not from the one that best repeats the earlier turn.
/// </summary>
public sealed class InheritedWordsTests
{
    private const string Meeting = "انعقد الاجتماع الدولي الخاص في أستانا بحضور الوفود.";
    private const string Troops = "عادت القوات المنسحبة إلى قواعدها.";

    // «وماذا عن القوات المنسحبة؟» read with «… الاجتماع الدولي الخاص»: three inherited words, two of its own.
    private const string Asked = "وماذا عن القوات المنسحبة";
    private const string Standalone = Asked + " الاجتماع الدولي الخاص؟";

    private readonly ArabicTextAnalyzer _analyzer = new();

    private async Task<string> QuotedAsync(IReadOnlySet<string>? inherited)
    {
        // Two documents, the meeting's retrieved first; every term equally rare, so that only the inherited weight decides.
        var passages = new[] { Meeting, Troops }.Select((text, i) => new ScoredPassage(new Passage($"doc{i}#0", $"doc{i}", "وثيقة", 0, text.Length, text, 0), 1, i + 1, i + 1)).ToList();
        var statistics = new TermStatistics(20, _analyzer.Terms(Meeting + " " + Troops + " " + Standalone).Distinct().ToDictionary(t => t, _ => 1));
        var generator = new ExtractiveAnswerGenerator(_analyzer, new ShortAnswerWriter(_analyzer, new PassageTermCache(_analyzer)),
            Options.Create(new AnsweringOptions()), Options.Create(new SpanSelectionOptions()), NullLogger<ExtractiveAnswerGenerator>.Instance);
        var request = new AnswerRequest(Standalone, _analyzer.Terms(Standalone), passages, statistics) { InheritedTerms = inherited };
        var answer = await generator.GenerateAsync(request, TestContext.Current.CancellationToken);
        return answer.Citations[0].Quote;
    }

    [Fact]
    public async Task Read_on_its_own_the_question_is_answered_from_the_sentence_with_most_of_its_words()
    {
        Assert.Equal(Meeting, await QuotedAsync(null));
    }

    [Fact]
    public async Task As_a_follow_up_it_is_answered_from_the_sentence_with_its_own_words()
    {
        var inherited = _analyzer.Terms(Standalone).Except(_analyzer.Terms(Asked)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Troops, await QuotedAsync(inherited));
    }
}
