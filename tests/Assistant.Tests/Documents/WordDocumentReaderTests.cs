using Assistant.Documents;
using Assistant.Documents.Readers;

namespace Assistant.Tests.Documents;

public sealed class WordDocumentReaderTests(ITestOutputHelper output)
{
    /// <summary>Word keeps text in reading order, so a .docx written from a seed must give back all its words.</summary>
    private const double AgreementFloor = 1.0;

    private static readonly WordDocumentReader Reader = new();

    public static TheoryData<string> Seeds() => [.. DocumentFixtures.SeedIds];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_written_as_Word_reads_back_as_the_seed_word_for_word(string seedId)
    {
        var extracted = DocumentFixtures.Read(Reader, $"seeds-docx/{seedId}.docx");
        var seed = DocumentFixtures.SeedText(seedId);

        var agreement = DocumentFixtures.WordAgreement(seed, extracted.Text);

        output.WriteLine($"{seedId}.docx: word agreement with the seed {agreement:F3}");
        Assert.True(agreement >= AgreementFloor, $"{seedId}.docx agrees with its seed on {agreement:P1} of words");
        Assert.Empty(DocumentFixtures.ForbiddenCharacters(extracted.Text));
        // The first line is a «Heading 1» paragraph: the title.
        Assert.Equal(DocumentLoader.TitleOf(seed), extracted.Title);
    }

    [Fact]
    public void Headings_tables_and_footnotes_have_their_place()
    {
        var extracted = DocumentFixtures.Read(Reader, "special/word-features.docx");

        Assert.Equal("مذكرة داخلية", extracted.Title);
        Assert.Equal(
            "مذكرة داخلية\n\n" +
            "عقد الاجتماع في 11 تشرين الثاني/نوفمبر 2017 في دا نانغ(1) بحضور الوفدين.\n\n" +
            "الوفد | رئيس الوفد\nروسيا | فلاديمير بوتين\n\n" +
            "واتفق الطرفان على متابعة المباحثات في جنيف.\n\n" +
            "(1) على هامش قمة أبيك.",
            extracted.Text);
    }

    [Fact]
    public void A_Word_file_that_is_not_a_package_is_damaged()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() => Reader.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));

        Assert.Equal(SkipReason.Damaged, error.Kind);
    }

    [Fact]
    public void A_password_protected_Word_file_is_encrypted()
    {
        // What Word writes for a protected .docx: an OLE compound file holding the «EncryptedPackage» stream.
        byte[] protectedFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[64], .. System.Text.Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[64]];

        var error = Assert.Throws<UnreadableDocumentException>(() => Reader.Read(protectedFile));

        Assert.Equal(SkipReason.Encrypted, error.Kind);
    }
}
