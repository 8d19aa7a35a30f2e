using Assistant.Answering.Llm;
using Assistant.Tests.Support;

namespace Assistant.Tests.Documents;

/// <summary>
/// A document's headline, which the chat's welcome lists it by: a section label opening it («الشأن السوري») and a
/// «key : value» line are skipped, and a document that opens with its text is named by its opening words.
/// </summary>
public sealed class DocumentTitleTests
{
    [Theory]
    [InlineData("000_84f7261bbaa5e2d3.txt", "بيان مشترك للرئيس ترامب والرئيس الروسي بوتين بشأن سوريا")]
    [InlineData("001_43085affda0f6743.txt", "بوتين وترامب يؤكدان إنهاء الحرب بسوريا وعمل مشترك ضد الإرهاب")]
    [InlineData("003_bca4d65306d4d8ae.txt", "البيان الختامي لمباحثات أستانا 8")]
    public void A_document_is_named_by_its_headline_not_by_a_section_label(string documentId, string headline) =>
        Assert.Equal(headline, DocumentTitle.Choose(File.ReadAllText(Path.Combine(TestPaths.Seeds, documentId))));

    [Fact]
    public void A_document_that_opens_with_its_text_is_named_by_its_opening_words_cut_short()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "002_600139ed0c729303.txt"));
        var title = DocumentTitle.Choose(text);

        Assert.EndsWith(" …", title);
        Assert.StartsWith(title[..^2], text);
    }

    [Theory]
    [InlineData("الشأن السوري\n\nالكاتب : أستانا 8\n\nاجتماع الدول الضامنة في أستانا يبحث مناطق خفض التصعيد\n\nنص الخبر.", "اجتماع الدول الضامنة في أستانا يبحث مناطق خفض التصعيد")]
    [InlineData("# تقرير\n\nنتائج الموسم الزراعي في حوران لهذا العام\n\nارتفع الإنتاج.", "نتائج الموسم الزراعي في حوران لهذا العام")]
    public void Labels_and_fields_before_the_headline_are_skipped(string text, string headline) =>
        Assert.Equal(headline, DocumentTitle.Choose(text));
}
