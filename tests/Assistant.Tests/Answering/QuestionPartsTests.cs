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
    public void A_part_that_names_too_little_is_read_with_the_other_part() =>
        Assert.Equal(["أين افتتح الوزير المعرض الدولي للكتاب", "ومتى؟ أين افتتح الوزير المعرض الدولي للكتاب"],
            QuestionParts.Split("أين افتتح الوزير المعرض الدولي للكتاب، ومتى؟", Analyzer));

    [Theory]
    [InlineData("ما الذي قاله الوزير عن المعرض ومن حضره من الضيوف؟")]
    [InlineData("متى افتتح الوزير المعرض الدولي للكتاب؟")]
    [InlineData("هل قال الوزير إن المعرض سيستمر، أم سيغلق؟")]
    public void One_question_stays_whole(string question) =>
        Assert.Equal([question], QuestionParts.Split(question, Analyzer));
}
