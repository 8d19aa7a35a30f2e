using Assistant.Analysis;
using Assistant.Answering;

namespace Assistant.Tests.Answering;

public sealed class QuestionPartsTests
{
    private static readonly ArabicTextAnalyzer Analyzer = new();

    [Fact]
    public void Two_questions_in_one_message_are_asked_one_by_one() =>
        Assert.Equal(["من افتتح المعرض الدولي للكتاب", "وكم عدد دور النشر المشاركة فيه؟"],
            QuestionParts.Split("من افتتح المعرض الدولي للكتاب، وكم عدد دور النشر المشاركة فيه؟", Analyzer));

    [Fact]
    public void The_same_question_pasted_again_and_again_is_asked_once() =>
        Assert.Equal(["من افتتح المعرض الدولي للكتاب؟"], QuestionParts.Split(string.Concat(Enumerable.Repeat("من افتتح المعرض الدولي للكتاب؟ ", 21)), Analyzer));

    [Fact]
    public void Past_the_most_parts_a_message_is_answered_in_the_rest_joins_the_last()
    {
        var questions = Enumerable.Range(1, 8).Select(n => $"من افتتح القاعة رقم {n} في المعرض الدولي للكتاب؟").ToList();
        var parts = QuestionParts.Split(string.Join(' ', questions), Analyzer);
        Assert.Equal(QuestionParts.MaxParts, parts.Count);
        Assert.Equal(questions.Take(QuestionParts.MaxParts - 1), parts.Take(QuestionParts.MaxParts - 1));
        Assert.Equal(string.Join(' ', questions.Skip(QuestionParts.MaxParts - 1)), parts[^1]);
    }

    [Fact]
    public void A_part_that_names_too_little_is_read_with_the_other_parts_words_but_not_its_interrogative() =>
        Assert.Equal(["أين افتتح الوزير المعرض الدولي للكتاب", "ومتى؟ افتتح الوزير المعرض الدولي للكتاب"],
            QuestionParts.Split("أين افتتح الوزير المعرض الدولي للكتاب، ومتى؟", Analyzer));

    [Fact]
    public void The_part_a_short_part_borrowed_its_subject_from_is_its_lender()
    {
        var parts = QuestionParts.Split("أين افتتح الوزير المعرض الدولي للكتاب، ومتى؟", Analyzer);
        Assert.Equal(0, QuestionParts.Lender(parts, 1));
        Assert.Null(QuestionParts.Lender(parts, 0));
        Assert.Null(QuestionParts.Lender(QuestionParts.Split("من افتتح المعرض الدولي للكتاب، وبأي صفة حضر الوزير؟", Analyzer), 1));
    }

    [Fact]
    public void An_elliptical_part_asks_what_its_own_interrogative_asks()
    {
        var parts = QuestionParts.Split("كم استغرق افتتاح المعرض الدولي للكتاب؟ وعن ماذا تحدثوا؟", Analyzer);
        Assert.Equal(AnswerKind.Quantity, QuestionIntent.Of(parts[0], Analyzer).Kind);
        Assert.Equal(AnswerKind.Any, QuestionIntent.Of(parts[1], Analyzer).Kind);
    }

    [Theory]
    [InlineData("من افتتح المعرض الدولي للكتاب، وفي أي قاعة عرضت الكتب النادرة؟", "وفي أي قاعة عرضت الكتب النادرة؟")]
    [InlineData("من افتتح المعرض الدولي للكتاب، وعلى هامش أي مؤتمر جرى الافتتاح؟", "وعلى هامش أي مؤتمر جرى الافتتاح؟")]
    [InlineData("من افتتح المعرض الدولي للكتاب، وبأي صفة حضر الوزير؟", "وبأي صفة حضر الوزير؟")]
    public void An_interrogative_a_word_or_two_after_the_mark_and_و_starts_a_part(string message, string second) =>
        Assert.Equal(["من افتتح المعرض الدولي للكتاب", second], QuestionParts.Split(message, Analyzer));

    [Theory]
    [InlineData("بماذا وعد الوزير زوار المعرض الدولي للكتاب", "بماذا وعد الوزير زوار المعرض الدولي للكتاب، وكم عدد دور النشر المشاركة فيه؟")]
    [InlineData("بأي صفة حضر الوزير المعرض الدولي للكتاب", "بأي صفة حضر الوزير المعرض الدولي للكتاب، وكم عدد دور النشر المشاركة فيه؟")]
    [InlineData("إلامَ دعا الوزير زوار المعرض الدولي للكتاب", "إلامَ دعا الوزير زوار المعرض الدولي للكتاب، وكم عدد دور النشر المشاركة فيه؟")]
    public void A_first_part_whose_interrogative_carries_a_preposition_is_a_question_too(string first, string message) =>
        Assert.Equal([first, "وكم عدد دور النشر المشاركة فيه؟"], QuestionParts.Split(message, Analyzer));

    [Theory]
    // Before a pronoun or a relative «ومن»/«وما» ask, with no mark before them; «ومن الأردن» is «and from Jordan».
    [InlineData("متى افتتح الوزير المعرض الدولي للكتاب ومن هو مدير المعرض الدولي؟", new[] { "متى افتتح الوزير المعرض الدولي للكتاب", "ومن هو مدير المعرض الدولي؟" })]
    [InlineData("متى افتتح الوزير المعرض الدولي للكتاب وما الذي عرضه؟", new[] { "متى افتتح الوزير المعرض الدولي للكتاب", "وما الذي عرضه؟ افتتح الوزير المعرض الدولي للكتاب" })]
    [InlineData("متى وصل الوزير إلى عمان ومن الأردن إلى دمشق؟", new[] { "متى وصل الوزير إلى عمان ومن الأردن إلى دمشق؟" })]
    public void Who_or_what_before_a_pronoun_or_a_relative_starts_a_part(string message, string[] parts) =>
        Assert.Equal(parts, QuestionParts.Split(message, Analyzer));

    [Fact]
    public void A_short_part_that_names_a_place_of_its_own_stands_alone() =>
        Assert.Equal(["متى افتتح الوزير المعرض الدولي للكتاب", "ومن هو رئيس كازاخستان؟"],
            QuestionParts.Split("متى افتتح الوزير المعرض الدولي للكتاب ومن هو رئيس كازاخستان؟", Analyzer));

    [Fact]
    public void After_a_question_mark_who_or_what_a_word_or_two_after_و_starts_a_part() =>
        Assert.Equal(["هل افتتح الوزير المعرض الدولي للكتاب؟", "وتحت رعاية من أقيم المعرض؟"],
            QuestionParts.Split("هل افتتح الوزير المعرض الدولي للكتاب؟ وتحت رعاية من أقيم المعرض؟", Analyzer));

    [Theory]
    [InlineData("ما موقف الوزير من المعرض، وبخاصة من الكتب النادرة؟")]
    [InlineData("ما الذي قاله الوزير عن المعرض ومن حضره من الضيوف؟")]
    [InlineData("متى افتتح الوزير المعرض الدولي للكتاب؟")]
    [InlineData("هل قال الوزير إن المعرض سيستمر، أم سيغلق؟")]
    [InlineData("ما الذي قاله الوزير عن المعرض، وعن الكتب التي عرضت فيه؟")]
    public void One_question_stays_whole(string question) =>
        Assert.Equal([question], QuestionParts.Split(question, Analyzer));
}
