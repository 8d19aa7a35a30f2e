using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Evaluation;

namespace Assistant.Tests.Evaluation;

public sealed class ShortAnswerGradeTests
{
    private static readonly Func<string, string> Normalize = new ArabicTextAnalyzer().Normalize;
    private const string Quote = "التقى الرئيسان في هامبورغ بألمانيا في 7 تموز/ يوليو، 2017.";
    private static readonly GoldQuestion Gold = new(1, "q1", "أين التقى الرئيسان؟", "d.txt", [Quote], ["هامبورغ"]);

    private static Answer AnswerOf(string? shortAnswer, string? text = null) =>
        new("أين التقى الرئيسان؟", text ?? $"{shortAnswer} [1]\n\n«{Quote}» [1]", false, [new Citation(1, "d.txt", "t", 0, Quote.Length, Quote, "p")], [], new(0, 0))
        {
            ShortAnswer = shortAnswer,
        };

    [Fact]
    public void A_short_answer_opening_the_text_grounded_and_with_the_gold_terms_is_right()
    {
        var grade = ShortAnswerGrade.Of(Gold, AnswerOf("في هامبورغ بألمانيا"), Normalize);
        Assert.True(grade!.Correct, string.Join("; ", grade.Problems));
    }

    [Theory]
    [InlineData("في ألمانيا", "لا تذكر الإجابة المختصرة")]
    [InlineData("نعم، في مدينة هامبورغ", "ليست في اقتباس مستشهد به")]
    public void A_short_answer_without_the_gold_terms_or_with_words_of_its_own_is_wrong(string shortAnswer, string problem)
    {
        var grade = ShortAnswerGrade.Of(Gold, AnswerOf(shortAnswer), Normalize)!;
        Assert.False(grade.Correct);
        Assert.Contains(grade.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_answer_not_opening_the_text_or_over_twenty_words_is_wrong()
    {
        Assert.False(ShortAnswerGrade.Of(Gold, AnswerOf("في هامبورغ", $"«{Quote}» [1] في هامبورغ"), Normalize)!.Correct);
        var words = string.Join(' ', Enumerable.Repeat("في هامبورغ", 11));
        Assert.Contains(ShortAnswerGrade.Of(Gold, AnswerOf(words), Normalize)!.Problems, p => p.Contains("22 كلمة", StringComparison.Ordinal));
    }

    [Fact]
    public void No_short_answer_is_wrong_for_an_answerable_question_and_not_graded_for_an_unanswerable_one()
    {
        Assert.False(ShortAnswerGrade.Of(Gold, AnswerOf(null), Normalize)!.Correct);
        Assert.Null(ShortAnswerGrade.Of(Gold with { DocumentId = null, Evidence = [], AnswerTerms = [] }, AnswerOf(null), Normalize));
    }
}
