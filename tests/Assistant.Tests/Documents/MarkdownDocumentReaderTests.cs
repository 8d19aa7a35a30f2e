using System.Text;
using Assistant.Answering;
using Assistant.Documents;
using Assistant.Documents.Readers;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Documents;

public sealed class MarkdownDocumentReaderTests
{
    private static readonly MarkdownDocumentReader Reader = new();

    private static ExtractedDocument Read(string markdown) => Reader.Read(Encoding.UTF8.GetBytes(markdown));

    [Fact]
    public void A_document_is_read_as_the_text_a_reader_sees()
    {
        var extracted = Read("""
            ---
            author: مكتب الإعلام
            ---
            # أخبار **المياه**

            أعلنت **وزارة المياه** عن محطة التحلية في *الرمال*، وفق [البيان](http://example.com/a "عنوان")
            الصادر عنها: `المرحلة الأولى` تنتهي عام 2027 &amp; 5 * 3 = 15 و\*نجمة\* و[قوس] و~~ملغى~~.

            - البند الأول
            - البند _الثاني_

            1. أول
            2. ثان

            > اقتباس **مهم**

            | العمود | القيمة |
            |---|---|
            | أ | ١ |

            <!-- ملاحظة للمحرر -->

            ---
            [مرجع]: http://example.com/b
            نص أخير <b>عريض</b> <http://example.com/c>
            """);

        Assert.Equal("""
            أخبار المياه

            أعلنت وزارة المياه عن محطة التحلية في الرمال، وفق البيان
            الصادر عنها: المرحلة الأولى تنتهي عام 2027 & 5 * 3 = 15 و*نجمة* و[قوس] وملغى.

            البند الأول
            البند الثاني

            أول
            ثان

            اقتباس مهم

            العمود | القيمة
            أ | ١

            نص أخير عريض http://example.com/c
            """, extracted.Text);
        Assert.Equal("أخبار المياه", extracted.Title);
    }

    [Fact]
    public void Without_a_heading_first_the_title_is_the_first_line()
    {
        Assert.Equal("الشأن السوري", Read("**الشأن** السوري\n\n## عنوان لاحق\n\nنص").Title);
    }

    [Theory]
    [InlineData(" \n\t\n")]
    [InlineData("---\n\n<!-- تعليق -->\n")]
    public void Markup_without_text_is_an_empty_document(string markdown)
    {
        Assert.Equal(SkipReason.NoText, Assert.Throws<UnreadableDocumentException>(() => Read(markdown)).Kind);
    }

    [Fact]
    public void Invalid_utf8_is_refused_as_for_text_files()
    {
        Assert.Equal(SkipReason.NotUtf8, Assert.Throws<UnreadableDocumentException>(() => Reader.Read([0x23, 0x20, 0xE9, 0x74, 0xE9])).Kind);
    }

    [Fact]
    public async Task An_answer_from_a_markdown_document_quotes_and_cuts_its_text_without_markup_at_exact_offsets()
    {
        using var work = new TempFolder();
        work.File("corpus/desalination.md",
            "# محطة التحلية\n\nأعلنت **وزارة المياه** عن إنشاء محطة التحلية الجديدة في *الرمال* يوم الأحد الماضي.\n\nوتبلغ طاقة المحطة مئة ألف متر مكعب يوميًا.\n");
        await using var services = AssistantHost.Build(Path.Combine(work.Path, "corpus"), Path.Combine(work.Path, "index"));
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(Path.Combine(work.Path, "corpus"), rebuild: false, progress: null, TestContext.Current.CancellationToken);

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("أي جهة أعلنت عن محطة التحلية؟"), TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        var citation = answer.Citations[0];
        Assert.Contains("أعلنت وزارة المياه عن إنشاء محطة التحلية الجديدة في الرمال", citation.Quote);
        Assert.Contains("وزارة المياه", answer.ShortAnswer);
        Assert.DoesNotContain('*', answer.Text);
        // The stored text, which the document page shows and the verifier checks, is what the quote is cut from.
        var stored = await services.GetRequiredService<IPassageIndex>().GetDocumentAsync("desalination.md", TestContext.Current.CancellationToken);
        Assert.Equal(citation.Quote, stored!.Text[citation.Start..citation.End]);
        Assert.DoesNotContain('*', stored.Text);
        Assert.Equal("محطة التحلية", stored.Title);
    }
}
