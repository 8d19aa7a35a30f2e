using Assistant.Documents;
using Assistant.Documents.Readers;

namespace Assistant.Tests.Documents;

public sealed class PdfTextReaderTests(ITestOutputHelper output)
{
    /// <summary>The floor for PDFs LibreOffice wrote from the seeds; they agree word for word today (1.000 each).</summary>
    private const double AgreementFloor = 0.99;

    private static readonly PdfTextReader Reader = new();

    public static TheoryData<string> Seeds() => [.. DocumentFixtures.SeedIds];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_written_as_PDF_reads_back_as_the_seed_word_for_word(string seedId)
    {
        var extracted = DocumentFixtures.Read(Reader, $"seeds-pdf/{seedId}.pdf");
        var seed = DocumentFixtures.SeedText(seedId);

        var agreement = DocumentFixtures.WordAgreement(seed, extracted.Text);

        output.WriteLine($"{seedId}.pdf: word agreement with the seed {agreement:F3}");
        Assert.True(agreement >= AgreementFloor, $"{seedId}.pdf agrees with its seed on {agreement:P1} of words (floor {AgreementFloor:P0})");
        Assert.Empty(DocumentFixtures.ForbiddenCharacters(extracted.Text));
        // A first line that is a whole paragraph (002's) is cut to a title's length.
        Assert.Equal(DisplayText.Shorten(DocumentLoader.TitleOf(seed), PdfTextReader.MaxTitleChars), extracted.Title);
        Assert.InRange(extracted.Title.Length, 1, PdfTextReader.MaxTitleChars);
    }

    [Theory]
    [InlineData("000_84f7261bbaa5e2d3", "11 تشرين الثاني/نوفمبر، 2017")]
    [InlineData("000_84f7261bbaa5e2d3", "مؤتمر التعاون الاقتصادي الآسيوي والمحيط الهادئ (أبيك) فى دا نانغ")]
    [InlineData("000_84f7261bbaa5e2d3", "قرار مجلس الأمن المرقم 2254.")]
    [InlineData("003_bca4d65306d4d8ae", "21-22 كانون الأول/ ديسمبر 2017")]
    [InlineData("003_bca4d65306d4d8ae", "والوصول إلى حلٍ سياسيٍّ للأزمة")]
    [InlineData("004_2ebd1fbcc90f6e11", "مؤتمر G 20، يدعو")]
    public void Numbers_dates_brackets_and_marks_read_in_order(string seedId, string expected)
    {
        var text = DocumentFixtures.Read(Reader, $"seeds-pdf/{seedId}.pdf").Text;

        Assert.Contains(expected, text.Replace('\n', ' '));
    }

    [Fact]
    public void Lines_of_a_paragraph_are_joined_and_paragraphs_kept_apart()
    {
        var text = DocumentFixtures.Read(Reader, "seeds-pdf/000_84f7261bbaa5e2d3.pdf").Text;

        // One paragraph of the seed, wrapped over three lines on the page, is one line of text again.
        Assert.Contains("\n\nأكد الرئيس ترامب والرئيس بوتين اليوم على هامش مؤتمر التعاون الاقتصادي الآسيوي والمحيط الهادئ (أبيك) فى دا نانغ بفيتنام على تصميمهما على دحر داعش في سوريا. وأعربوا", text);
        Assert.Contains("في الأشهر الأخيرة.\n\nكما اتفق الرئيسان", text);
    }

    [Fact]
    public void A_running_header_and_page_numbers_are_dropped_and_the_page_break_is_a_paragraph_break()
    {
        var extracted = DocumentFixtures.Read(Reader, "special/running-header.pdf");

        Assert.DoesNotContain("تقرير المتابعة الأسبوعي", extracted.Text);
        Assert.DoesNotContain(extracted.Text.Split('\n'), line => line.Trim() is "1" or "2");
        Assert.Equal("أولاً: الوضع الميداني", extracted.Title);
        Assert.Contains("وسلامة أراضيها،\n\nثانياً: المسار السياسي\n\n– ومرحبةً بالتقدم المحرز", extracted.Text);
    }

    [Theory]
    [InlineData("special/scanned.pdf", SkipReason.NoText, "no text")]
    [InlineData("special/encrypted.pdf", SkipReason.Encrypted, "encrypted")]
    [InlineData("special/damaged.pdf", SkipReason.Damaged, "damaged")]
    public void An_unreadable_PDF_says_why(string file, SkipReason kind, string reasonStart)
    {
        var error = Assert.Throws<UnreadableDocumentException>(() => DocumentFixtures.Read(Reader, file));

        Assert.Equal(kind, error.Kind);
        Assert.StartsWith(reasonStart, error.Message);
    }
}
