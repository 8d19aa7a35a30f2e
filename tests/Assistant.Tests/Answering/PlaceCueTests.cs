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
}
