using Assistant.Answering;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// An abstention says, after the sentence every abstention opens with, what was looked for and not found: the kind
/// of answer the interrogative asks for, and any word of the question no document uses. Its JSON code is unchanged.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class AbstentionExplanationTests(SeedIndexFixture seeds)
{
    private Task<Answer> AskAsync(string question, bool explain = false) =>
        seeds.Answers.AskAsync(new Question(question, Explain: explain), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("متى ستنتهي الحرب في اليمن؟", "تاريخًا له", "«اليمن»")]
    [InlineData("كم عدد سكان كازاخستان؟", "عددًا أو مقدارًا له", "«سكان»")]
    [InlineData("مين رئيس كازخستان؟", "اسمَ الشخص الذي يصفه سؤالك", "كلمة «كازخستان»")]
    public async Task A_missing_kind_of_answer_is_named_and_so_is_a_word_no_document_uses(string question, string kind, string word)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.Abstained);
        Assert.Equal(AbstainReasons.AnswerKindMissing, answer.AbstainReason);
        Assert.StartsWith(Assistant.Answering.ExtractiveAnswerGenerator.NoAnswerText + "\n\n", answer.Text);
        Assert.Equal(answer.AbstainExplanation, answer.Text[(Assistant.Answering.ExtractiveAnswerGenerator.NoAnswerText.Length + 2)..]);
        Assert.Contains(kind, answer.AbstainExplanation);
        Assert.Contains(word, answer.AbstainExplanation);
    }

    [Fact]
    public void Every_reason_a_search_can_end_on_has_its_own_line_and_the_replies_that_ask_back_have_none()
    {
        string[] searched =
        [
            AbstainReasons.NoPassages, AbstainReasons.BelowEvidence, AbstainReasons.AnswerKindMissing, AbstainReasons.SourceNotNamed,
            AbstainReasons.AnotherStatement, AbstainReasons.RelationMissing, AbstainReasons.OneSubjectWord, AbstainReasons.PlacesOnly,
            AbstainReasons.WordsFarApart, AbstainReasons.NumberMissing, AbstainReasons.NoCitations, AbstainReasons.CitationUnverified,
            AbstainReasons.ModelRefused, AbstainReasons.Unspecified, AbstainReasons.GateDoubt,
        ];
        var lines = searched.Select(reason => AbstentionExplanations.For(reason)).ToList();

        Assert.All(lines, line => Assert.Matches(@"^[\u0600-\u06FF«»\s،.:()\u064B-\u0652]+$", line!));
        Assert.Equal(searched.Length, lines.Distinct().Count());
        Assert.All([AbstainReasons.NoQuestion, AbstainReasons.NotArabic, AbstainReasons.SubjectUnknown], reason => Assert.Null(AbstentionExplanations.For(reason)));
    }

    [Fact]
    public async Task Explain_has_a_legend_names_failed_checks_by_their_codes_and_ends_an_abstention_in_plain_words()
    {
        var answer = await AskAsync("مين رئيس كازخستان؟", explain: true);
        var lines = answer.Explanation!;

        Assert.Contains(lines, line => line.StartsWith("legend: ", StringComparison.Ordinal) && line.Contains("* a framing word", StringComparison.Ordinal));
        var failed = lines.Where(line => line.Contains("checks: failed ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, line => Assert.Matches(@"checks: failed [a-z]+(-[a-z]+)*(, [a-z]+(-[a-z]+)*)*;", line));
        Assert.Equal($"in plain words: {answer.AbstainExplanation}", lines[^1]);
    }

    [Fact]
    public async Task Explain_says_which_quote_the_short_answer_was_cut_from()
    {
        var answer = await AskAsync("أين التقى ترامب وبوتين؟", explain: true);
        var source = answer.Citations[0];

        Assert.Contains($"short answer «{answer.ShortAnswer}» cut from quote [1] {source.DocumentId}[{source.Start}..{source.End})", answer.Explanation!);
    }
}
