using System.Text;
using Assistant.Documents;
using Assistant.Documents.Readers;
using Assistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.Documents;

public sealed class DocumentLoaderTests
{
    private static readonly DocumentLoader Loader = new(DocumentReaders.Standard(), NullLogger<DocumentLoader>.Instance);

    [Fact]
    public async Task Seeds_load_exactly_as_on_disk()
    {
        var result = await Loader.LoadAsync(TestPaths.Seeds, TestContext.Current.CancellationToken);
        Assert.Empty(result.Skipped);
        Assert.Equal(Directory.GetFiles(TestPaths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal), result.Documents.Select(d => d.DocumentId));
        foreach (var document in result.Documents)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.Seeds, document.DocumentId), TestContext.Current.CancellationToken);
            Assert.Equal(Encoding.UTF8.GetString(bytes), document.Text);
            Assert.Equal(document.Text.Split('\n').First(l => l.Trim().Length > 0).Trim(), document.Title);
            Assert.Equal(64, document.ContentHash.Length);
        }
        Assert.Equal("البيان الختامي لمباحثات أستانا 8", result.Documents.Single(d => d.DocumentId.StartsWith("003", StringComparison.Ordinal)).Title);
    }

    /// <summary>The contract (docs/architecture.md): the title is the first non-empty line, trimmed, even when it is a section label.</summary>
    [Theory]
    [InlineData("الشأن السوري\n\nعنوان الخبر\nنص", "الشأن السوري")]
    [InlineData("\n  عنوان من ثلاث كلمات  \nنص الخبر", "عنوان من ثلاث كلمات")]
    [InlineData("سورة الفاتحة\nبِسۡمِ ٱللَّهِ ٱلرَّحۡمَٰنِ ٱلرَّحِيمِ (1)", "سورة الفاتحة")]
    [InlineData("   \n", "")]
    public void The_title_is_the_first_non_empty_line(string text, string title) => Assert.Equal(title, DocumentLoader.TitleOf(text));

    [Theory]
    [InlineData("# موجز عن مؤتمر بروكسل\n\nنص", "موجز عن مؤتمر بروكسل")]
    [InlineData("\n## **بيان** ختامي ##\nنص", "بيان ختامي")]
    [InlineData("> [تقرير الأمم المتحدة](https://un.org/r) عن `سوريا`\nنص", "تقرير الأمم المتحدة عن سوريا")]
    [InlineData("#\n# عنوان\nنص", "عنوان")]
    public void A_markdown_title_is_plain_text(string text, string title) => Assert.Equal(title, DocumentLoader.TitleOf(text));

    [Fact]
    public async Task Bad_files_are_reported_by_name_and_the_rest_still_load()
    {
        using var corpus = new TempFolder();
        corpus.File("good.txt", "نص سليم\r\nسطر ثان");
        corpus.File("nested/deeper/note.md", "# عنوان\n\nنص");
        File.WriteAllBytes(Path.Combine(corpus.Path, "bom.txt"), [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("\n\n  عنوان بعد أسطر فارغة  \nنص")]);
        File.WriteAllBytes(Path.Combine(corpus.Path, "latin1.txt"), [0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF]);
        corpus.File("empty.txt", "");
        corpus.File("blank.md", " \n\t\n");
        corpus.File("ignored.csv", "a,b");
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "dangling.txt"), Path.Combine(corpus.Path, "missing-target"));

        var result = await Loader.LoadAsync(corpus.Path, TestContext.Current.CancellationToken);

        Assert.Equal(["bom.txt", "good.txt", "nested/deeper/note.md"], result.Documents.Select(d => d.DocumentId));
        Assert.Equal("نص سليم\r\nسطر ثان", result.Documents.Single(d => d.DocumentId == "good.txt").Text);
        var bom = result.Documents.Single(d => d.DocumentId == "bom.txt");
        Assert.Equal("\n\n  عنوان بعد أسطر فارغة  \nنص", bom.Text);
        Assert.Equal("عنوان بعد أسطر فارغة", bom.Title);
        Assert.Equal(
            new Dictionary<string, string> { ["blank.md"] = "empty", ["dangling.txt"] = "unreadable", ["empty.txt"] = "empty", ["ignored.csv"] = "unsupported", ["latin1.txt"] = "not valid UTF-8" },
            result.Skipped.ToDictionary(s => s.Path, s => s.Reason.Split(' ')[0] is "unreadable" or "unsupported" ? s.Reason.Split(' ')[0] : s.Reason));
        Assert.Equal(
            new Dictionary<string, SkipReason> { ["blank.md"] = SkipReason.NoText, ["dangling.txt"] = SkipReason.Unreadable, ["empty.txt"] = SkipReason.NoText, ["ignored.csv"] = SkipReason.UnsupportedType, ["latin1.txt"] = SkipReason.NotUtf8 },
            result.Skipped.ToDictionary(s => s.Path, s => s.Kind));
    }

    [Fact]
    public async Task A_missing_folder_is_an_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Loader.LoadAsync(missing, TestContext.Current.CancellationToken));
        Assert.Contains(missing, error.Message);
    }
}
