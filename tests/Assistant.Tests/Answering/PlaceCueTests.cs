using Assistant.Analysis;
using Assistant.Answering;

namespace Assistant.Tests.Answering;

public sealed class PlaceCueTests
{
    private static readonly ArabicTextAnalyzer Analyzer = new();

    private static bool HasPlace(string text) => AnswerCues.Find(text, 0, text.Length, Analyzer).Any(cue => cue.Kinds.HasFlag(CueKinds.Place));

    [Theory]
    [InlineData("التقى الرئيسان في هامبورغ أمس")]
    [InlineData("عقد المؤتمر بفيتنام")]
    [InlineData("سيطر الجيش على مدينة البوكمال")]
    [InlineData("جرت المعارك في دير الزور")]
    [InlineData("وصل الوفد إلى الاجتماع في إسلام آباد")]
    public void A_place_after_في_or_بـ_or_a_place_noun_answers_where(string text) => Assert.True(HasPlace(text));

    [Theory]
    [InlineData("تحدث الرئيس عن سوريا")]
    [InlineData("قال إن في الإسلام قيما مشتركة")]
    [InlineData("رأى في نور الحقيقة سبيلا")]
    public void A_place_named_as_a_subject_or_the_first_word_of_a_two_word_name_alone_does_not(string text) => Assert.False(HasPlace(text));

    [Theory]
    [InlineData("أكد الرئيسان في دا نانغ بفيتنام عزمهما", "دا")]
    [InlineData("التقى الرئيسان في هامبورغ بألمانيا", "هامبورغ")]
    public void Words_between_في_and_a_country_with_بـ_name_a_place_in_it(string text, string place) =>
        Assert.Contains(AnswerCues.Find(text, 0, text.Length, Analyzer), cue => cue.Word == place && cue.Kinds.HasFlag(CueKinds.Place));

    [Theory]
    [InlineData("التقى الرئيسان في فيتنام", "في أي مدينة فيتنامية التقى الرئيسان؟", "أين التقى الرئيسان؟")] // what the question names
    [InlineData("وصل الرئيس إلى ولاية فلوريدا بعد اجتماع عن الحرب بسوريا", "إلى أي مدينة في فلوريدا وصل الرئيس؟", "أين اجتمع الرئيس؟")] // a country for a city
    public void A_place_answers_where_but_not_a_question_that_names_it_or_asks_for_another_kind(string text, string notAnswered, string answered)
    {
        var cues = AnswerCues.Find(text, 0, text.Length, Analyzer);
        Assert.False(AnswerCues.Answers(AnswerKind.Place, cues, QuestionIntent.Of(notAnswered, Analyzer)));
        Assert.True(AnswerCues.Answers(AnswerKind.Place, cues, QuestionIntent.Of(answered, Analyzer)));
    }

    [Fact]
    public void A_city_in_a_country_answers_which_city()
    {
        const string text = "التقى الرئيسان في دا نانغ بفيتنام";
        Assert.True(AnswerCues.Answers(AnswerKind.Place, AnswerCues.Find(text, 0, text.Length, Analyzer), QuestionIntent.Of("في أي مدينة التقى الرئيسان؟", Analyzer)));
    }
}
