using Assistant.Analysis;
using Assistant.Answering.Normalization;
using Assistant.Tests.Evaluation;

namespace Assistant.Tests.Answering;

public sealed class DialectSpellingTests
{
    private static readonly DialectSpelling Spelling = new(new ArabicTextAnalyzer(), new DocumentOnlyIndex(new Dictionary<string, string>
    {
        ["summit.txt"] = "تبادل الرئيسان وجهات النظر حول القمة الثلاثية التي ستعقد في سوتشي، وسيناقشون التسوية. وانعقد الاجتماع يوم الأربعاء.",
    }));

    private static async Task<string> RespellAsync(string question) =>
        (await Spelling.RespellAsync(question, TestContext.Current.CancellationToken)).Text;

    [Theory]
    // ث said as ت.
    [InlineData("وإمتى القمة التلاتية؟", "وإمتى القمة الثلاثية؟")]
    // The passive «ات» of Egyptian for the standard «ان».
    [InlineData("واتعقد الاجتماع إمتى؟", "وانعقد الاجتماع إمتى؟")]
    public async Task A_word_the_documents_do_not_use_is_read_as_its_standard_variant_they_use(string question, string expected)
    {
        Assert.Equal(expected, await RespellAsync(question));
    }

    [Theory]
    // Words the documents use stay, though a variant of them is a word too.
    [InlineData("متى تبادل الرئيسان وجهات النظر؟")]
    // A word with no variant the documents use stays as typed.
    [InlineData("وكان رايح فين ساعتها؟")]
    public async Task Other_words_stay_as_they_are(string question)
    {
        Assert.Equal(question, await RespellAsync(question));
    }

    [Fact]
    public async Task Each_respelt_word_is_noted_for_explanations()
    {
        var respelled = await Spelling.RespellAsync("وإمتى القمة التلاتية؟", TestContext.Current.CancellationToken);
        Assert.Equal("«التلاتية» read as «الثلاثية»", Assert.Single(respelled.Notes));
    }

    [Theory]
    [InlineData("هيناقشوا", "سيناقشوا")]
    [InlineData("بيشرف", "يشرف")]
    [InlineData("اتكلموا", "تكلموا")]
    [InlineData("وتلات", "وثلاث")]
    [InlineData("هادا", "هاذا")]
    [InlineData("الامريكاني", "الامريكي")]
    [InlineData("الامريكانية", "الامريكية")]
    [InlineData("الريس", "الرئيس")]
    [InlineData("وريس", "ورئيس")]
    [InlineData("بيانو", "بيانه")]
    [InlineData("خبراءهن", "خبراءهم")]
    [InlineData("اجتمعو", "اجتمعوا")]
    [InlineData("رعايت", "رعاية")]
    public void A_spoken_form_has_its_standard_form_among_its_variants(string spoken, string standard) =>
        Assert.Contains(standard, DialectSpelling.Variants(spoken));

    [Theory]
    // A short word is no spoken nisba («ثاني») nor has a spoken pronoun («أبو»); a hamza is not put back on top of a
    // shifted sound («زين» → «ذئين»).
    [InlineData("ثاني", "ثي")]
    [InlineData("زين", "ذئين")]
    [InlineData("أبو", "أبه")]
    // A verb ends with «ت» («عقدت»): only the «ت» of a noun in «ـاية» stands for «ة».
    [InlineData("عقدت", "عقدة")]
    public void A_variant_takes_one_step_from_what_was_typed(string spoken, string notAVariant) =>
        Assert.DoesNotContain(notAVariant, DialectSpelling.Variants(spoken));
}
