using Assistant.Analysis;
using Assistant.Answering;

namespace Assistant.Tests.Analysis;

public sealed class VerbFormsTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    private bool Meet(string a, string b) =>
        _analyzer.Terms(a).SelectMany(ExtractiveAnswerGenerator.RoughRoots).Intersect(_analyzer.Terms(b).SelectMany(ExtractiveAnswerGenerator.RoughRoots)).Any();

    [Theory]
    [InlineData("اجتمع", "الاجتماع")]
    [InlineData("ينعقد", "انعقاد")]
    [InlineData("وقّعت", "توقيع")]
    [InlineData("استضاف", "لاستضافتها")]
    [InlineData("تبادلا", "التبادل")]
    [InlineData("أطلق", "الإطلاق")]
    [InlineData("يستخدم", "استخدام")]
    [InlineData("اتفق", "الاتفاق")]
    [InlineData("التقى", "اللقاء")] // a weak last radical, and «الت» that is no article
    [InlineData("يلتقي", "لقاء")]
    [InlineData("التزمت", "الالتزام")]
    [InlineData("يزيل", "إزالة")] // a hollow root: the weak middle written «ي» and «ا»
    [InlineData("أقام", "لإقامة")]
    [InlineData("اتنفذت", "التنفيذ")] // the spoken passive of form II
    [InlineData("اتعقد", "عقد")]
    public void A_verb_meets_its_verbal_noun(string verb, string noun) => Assert.True(Meet(verb, noun));

    [Theory]
    [InlineData("الاجتماع", "المجتمع")]
    [InlineData("توقيع", "موقع")]
    public void A_participle_or_a_noun_of_place_keeps_its_own_meaning(string verbalNoun, string other) => Assert.False(Meet(verbalNoun, other));

    [Theory]
    [InlineData("اجتماع", "جمع")]
    [InlineData("انسحاب", "سحب")]
    [InlineData("استقرار", "قرر")]
    [InlineData("تعاون", "عون")]
    [InlineData("اتصال", "وصل")]
    [InlineData("نتائج", null)]
    [InlineData("لقاء", "لقي")]
    [InlineData("اجراء", "جري")]
    [InlineData("يزيل", "زول")]
    [InlineData("ازال", "زول")]
    [InlineData("تنسيق", "نسق")] // form II's verbal noun, not form VII's present
    [InlineData("تنعقد", "عقد")]
    public void The_root_is_read_off_the_pattern(string stem, string? root) => Assert.Equal(root, VerbForms.Root(stem));

    [Theory]
    [InlineData("تحرير", true)]
    [InlineData("استخدام", true)]
    [InlineData("انعقاد", true)]
    [InlineData("اكدت", false)]
    [InlineData("تنعقد", false)]
    public void A_verbal_noun_is_told_from_a_verb(string stem, bool noun) => Assert.Equal(noun, VerbForms.IsVerbalNoun(stem));
}
