using Assistant.Analysis;
using Assistant.Answering;

namespace Assistant.Tests.Answering;

public sealed class QuestionReadingsTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    [Fact]
    public void A_question_is_read_once_per_request_and_as_it_would_be_alone()
    {
        const string question = "متى صدر البيان المشترك عن مكتب المتحدث الرسمي؟";
        var readings = new QuestionReadings();
        var first = readings.Intent(question, _analyzer);

        Assert.Same(first, readings.Intent(question, _analyzer));
        var alone = QuestionIntent.Of(question, _analyzer);
        Assert.Equal(alone.Kind, first.Kind);
        Assert.Equal(alone.ContentWords.Select(w => string.Join('/', w.Terms)), first.ContentWords.Select(w => string.Join('/', w.Terms)));
    }

    [Fact]
    public void A_message_is_split_once_into_its_questions_and_each_is_read_on_its_own()
    {
        const string message = "أين عُقد اللقاء، ومتى؟";
        var readings = new QuestionReadings();
        var parts = readings.Parts(message, _analyzer);

        Assert.Same(parts, readings.Parts(message, _analyzer));
        Assert.Equal(QuestionParts.Split(message, _analyzer), parts);
        Assert.Equal(2, parts.Count);
        Assert.NotEqual(readings.Intent(parts[0], _analyzer).Kind, readings.Intent(parts[1], _analyzer).Kind);
    }

    [Fact]
    public void A_copy_of_a_request_shares_its_readings()
    {
        var request = new AnswerRequest("متى؟", [], [], new Assistant.Storage.TermStatistics(0, new Dictionary<string, int>()));
        Assert.Same(request.Readings, (request with { Question = "أين؟" }).Readings);
    }
}
