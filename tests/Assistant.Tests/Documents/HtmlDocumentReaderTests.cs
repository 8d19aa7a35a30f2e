using System.Text;
using Assistant.Documents;
using Assistant.Documents.Readers;

namespace Assistant.Tests.Documents;

public sealed class HtmlDocumentReaderTests(ITestOutputHelper output)
{
    private const string SeedId = "004_2ebd1fbcc90f6e11";

    /// <summary>Text of the page around the article: navigation, header, aside, footer, scripts, styles.</summary>
    public static readonly string[] PageChrome =
        ["شبكة الأخبار العربية", "الصفحة الرئيسية", "اتصل بنا", "أخبار ذات صلة", "جميع الحقوق محفوظة", "سياسة الخصوصية", "dataLayer", "gtag", "font-family"];

    private static readonly HtmlDocumentReader Reader = new();

    [Fact]
    public void A_saved_news_page_gives_its_article_only()
    {
        var extracted = DocumentFixtures.Read(Reader, $"seeds-html/{SeedId}.html");
        var seed = DocumentFixtures.SeedText(SeedId);

        var agreement = DocumentFixtures.WordAgreement(seed, extracted.Text);

        output.WriteLine($"{SeedId}.html: word agreement with the seed {agreement:F3}");
        Assert.Equal(1.0, agreement);
        Assert.Equal(seed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, extracted.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(PageChrome, chrome => Assert.DoesNotContain(chrome, extracted.Text));
        // The <h1>, not the <title> with the site's name after it.
        Assert.Equal(DocumentLoader.TitleOf(seed), extracted.Title);
    }

    [Fact]
    public void Without_main_or_article_the_block_with_the_most_paragraph_text_is_the_article()
    {
        const string page = """
            <html><head><title>بيان الوزارة</title></head><body>
            <div class="menu"><p>الرئيسية</p><p>الأرشيف</p></div>
            <div class="story"><p>أعلنت الوزارة اليوم عن خطة جديدة للتعليم.</p><p>وتشمل الخطة<br>بناء مئة مدرسة.</p>
            <table><tr><th>المرحلة</th><th>العدد</th></tr><tr><td>الأولى</td><td>40</td></tr></table></div>
            <div class="footer"><p>كل الحقوق محفوظة</p></div>
            </body></html>
            """;

        var extracted = Reader.Read(Encoding.UTF8.GetBytes(page));

        Assert.Equal("أعلنت الوزارة اليوم عن خطة جديدة للتعليم.\n\nوتشمل الخطة\nبناء مئة مدرسة.\n\nالمرحلة | العدد\nالأولى | 40", extracted.Text);
        Assert.Equal("بيان الوزارة", extracted.Title);
    }

    [Fact]
    public void A_page_without_article_text_has_no_text()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() =>
            Reader.Read(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><nav>الرئيسية</nav><script>x()</script></body></html>")));

        Assert.Equal(SkipReason.NoText, error.Kind);
    }
}

public sealed class HtmlEncodingTests
{
    [Fact]
    public void A_page_in_windows_1256_is_decoded_by_its_declared_charset()
    {
        var page = "<html><head><meta charset=\"windows-1256\"><title>بيان</title></head><body><main><p>أعلنت الوزارة خطة جديدة.</p></main></body></html>";

        var extracted = new Assistant.Documents.Readers.HtmlDocumentReader().Read(System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(page));

        Assert.Equal("أعلنت الوزارة خطة جديدة.", extracted.Text);
    }
}
