using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Answering;

/// <summary>
/// The answerer keeps what it analyses of retrieved passages and cited quotes for the next questions: what it keeps must
/// be what the text says, not what an earlier question or an earlier version of the passage made of it.
/// </summary>
public sealed class AnswerAnalysisCacheTests
{
    private const string Captured = "سيطر الجيش يوم 3 تشرين الثاني على مدينة البوكمال قرب الحدود مع العراق.";
    private const string WhichDay = "في أي يوم سيطر الجيش على مدينة البوكمال؟";
    private const string WhichCity = "على أي مدينة سيطر الجيش يوم 3 تشرين الثاني؟";

    private readonly ArabicTextAnalyzer _analyzer = new();

    private ExtractiveAnswerGenerator NewGenerator() =>
        new(_analyzer, new ShortAnswerWriter(_analyzer, new PassageTermCache(_analyzer)), Options.Create(new AnsweringOptions()), Options.Create(new SpanSelectionOptions()), Generators.DefaultGate(), NullLogger<ExtractiveAnswerGenerator>.Instance);

    private async Task<GeneratedAnswer> AnswerAsync(ExtractiveAnswerGenerator generator, string question, string text)
    {
        // Always a new object with the same id and offsets, as an index that reads passages in place hands them out.
        var passage = new Passage("doc#0", "doc", "وثيقة", 0, text.Length, text, 0);
        var statistics = new TermStatistics(20, _analyzer.Terms(question + " " + text).Distinct().ToDictionary(t => t, _ => 1));
        var request = new AnswerRequest(question, _analyzer.Terms(question), [new ScoredPassage(passage, 1, 1, 1)], statistics);
        return await generator.GenerateAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_passage_that_comes_back_with_other_words_is_answered_from_its_new_words()
    {
        using var generator = NewGenerator();
        const string before = "سيطر الجيش على مدينة البوكمال قرب الحدود مع العراق.";
        Assert.True((await AnswerAsync(generator, WhichDay, before)).Abstained);

        var answer = await AnswerAsync(generator, WhichDay, Captured);
        Assert.Equal(Captured, Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task A_quote_cited_by_one_question_is_cut_for_the_next_as_for_a_fresh_answerer()
    {
        using var shared = NewGenerator();
        var sharedAnswers = new List<string?>();
        foreach (var question in new[] { WhichDay, WhichCity, WhichDay }) sharedAnswers.Add((await AnswerAsync(shared, question, Captured)).ShortAnswer);

        var freshAnswers = new List<string?>();
        foreach (var question in new[] { WhichDay, WhichCity, WhichDay })
        {
            using var fresh = NewGenerator();
            freshAnswers.Add((await AnswerAsync(fresh, question, Captured)).ShortAnswer);
        }

        Assert.All(freshAnswers, Assert.NotNull);
        Assert.NotEqual(freshAnswers[0], freshAnswers[1]);
        Assert.Equal(freshAnswers, sharedAnswers);
    }
}
