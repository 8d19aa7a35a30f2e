using Assistant.Documents;
using Assistant.Documents.Readers;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.Documents;

/// <summary>Nothing silent: every file of the corpus folder is accounted for, and a folder with nothing readable is an error.</summary>
public sealed class IndexReportingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_format_comes_from_the_content_first_and_the_extension_second()
    {
        using var corpus = new TempFolder();
        File.Copy(DocumentFixtures.File("seeds-pdf/000_84f7261bbaa5e2d3.pdf"), Path.Combine(corpus.Path, "statement.txt"));
        File.Copy(DocumentFixtures.File("seeds-docx/002_600139ed0c729303.docx"), Path.Combine(corpus.Path, "report"));
        File.Copy(DocumentFixtures.File("seeds-html/004_2ebd1fbcc90f6e11.html"), Path.Combine(corpus.Path, "page.htm"));
        corpus.File("notes.md", "# ملاحظات\n\nنص");
        corpus.File("fake.pdf", "ليس ملف PDF");
        File.WriteAllBytes(Path.Combine(corpus.Path, "photo.png"), [0x89, 0x50, 0x4E, 0x47]);

        var result = await new DocumentLoader(DocumentReaders.Standard(), NullLogger<DocumentLoader>.Instance).LoadAsync(corpus.Path, Ct);

        Assert.Equal(["notes.md", "page.htm", "report", "statement.txt"], result.Documents.Select(d => d.DocumentId));
        Assert.Equal("بيان مشترك للرئيس ترامب والرئيس الروسي بوتين بشأن سوريا", result.Documents.Single(d => d.DocumentId == "statement.txt").Title);
        Assert.StartsWith("الوقت- حث الرئيسان", result.Documents.Single(d => d.DocumentId == "report").Text);
        Assert.Equal(
            new Dictionary<string, SkipReason> { ["fake.pdf"] = SkipReason.Damaged, ["photo.png"] = SkipReason.UnsupportedType },
            result.Skipped.ToDictionary(s => s.Path, s => s.Kind));
        Assert.Equal("unsupported type (.png; readable: .pdf, .docx, .html, .htm, .txt, .md)", result.Skipped.Single(s => s.Path == "photo.png").Reason);
    }

    [Fact]
    public async Task Index_names_each_file_and_fails_when_nothing_could_be_read()
    {
        using var work = new TempFolder();
        foreach (var file in new[] { "scanned.pdf", "encrypted.pdf", "damaged.pdf" })
        {
            File.Copy(DocumentFixtures.File("special/" + file), Path.Combine(work.Path, "corpus", file).EnsureFolder());
        }
        work.File("corpus/figures.xlsx", "PK");

        var (code, output, error) = await RunIndexAsync(Path.Combine(work.Path, "index"), Path.Combine(work.Path, "corpus"));

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("skipped damaged.pdf: damaged (", StringComparison.Ordinal));
        Assert.Contains("skipped encrypted.pdf: encrypted (password-protected; index an unprotected copy)", lines);
        Assert.Contains(lines, l => l.StartsWith("skipped figures.xlsx: unsupported type (.xlsx;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("skipped scanned.pdf: no text (no text layer", StringComparison.Ordinal));
        // Each skipped file is reported once, above; the error stream has the error alone.
        Assert.Equal($"error: nothing could be read in {Path.Combine(work.Path, "corpus")}: all 4 file(s) skipped; the index is unchanged (add --allow-empty to empty it)",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Index_reports_each_document_added_updated_or_skipped()
    {
        using var work = new TempFolder();
        var corpus = Path.Combine(work.Path, "corpus");
        File.Copy(DocumentFixtures.File("seeds-pdf/001_43085affda0f6743.pdf"), Path.Combine(corpus, "001.pdf").EnsureFolder());
        File.Copy(DocumentFixtures.File("special/scanned.pdf"), Path.Combine(corpus, "scan.pdf"));

        var (code, output, error) = await RunIndexAsync(Path.Combine(work.Path, "index"), corpus);

        Assert.Equal(0, code);
        Assert.Empty(error);
        // Files are read one at a time as they are indexed: the total counts every file found, readable or not.
        Assert.Equal(
            ["[1/2] added 001.pdf", "skipped scan.pdf: no text (no text layer: a scanned PDF? run OCR on it first)"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));
        Assert.StartsWith($"indexed {corpus}: 1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped;", output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public async Task A_folder_with_nothing_readable_leaves_the_index_as_it_was()
    {
        using var work = new TempFolder();
        var corpus = Path.Combine(work.Path, "corpus");
        work.File("corpus/a.txt", "وثيقة\n\nنص الوثيقة.");
        await using var services = AssistantHost.Build(corpus, Path.Combine(work.Path, "index"));
        var indexer = services.GetRequiredService<CorpusIndexer>();
        await indexer.IndexAsync(corpus, rebuild: false, progress: null, Ct);
        File.Delete(Path.Combine(corpus, "a.txt"));
        work.File("corpus/a.doc", "old Word");

        var error = await Assert.ThrowsAsync<NothingToIndexException>(() => indexer.IndexAsync(corpus, rebuild: false, progress: null, Ct));

        Assert.Equal(SkipReason.UnsupportedType, Assert.Single(error.Skipped).Kind);
        Assert.NotNull(await services.GetRequiredService<IPassageIndex>().GetDocumentAsync("a.txt", Ct));
    }

    private static async Task<(int Code, string Output, string Error)> RunIndexAsync(string indexPath, string corpus)
    {
        using var process = CliProcess.Start(indexPath, "index", "--source", corpus);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }
}

internal static class PathExtensions
{
    /// <summary>Creates the file's folder and returns the path, for copying into a fresh corpus.</summary>
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
