using System.Text.RegularExpressions;
using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Evaluation;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using GoldQuestion = Assistant.Evaluation.GoldQuestion;
using GoldSet = Assistant.Evaluation.GoldSet;

namespace Assistant.Tests.Documents;

/// <summary>
/// The seeds as analysts receive them — two as PDF, two as Word, one as a saved web page — indexed from one folder
/// and asked the held-back gold questions, against the same questions over the seeds as .txt. Gold evidence quotes
/// the .txt; it is located in the extracted text word by word (white space may differ: a line of the seed is a
/// paragraph of the PDF), then scored as usual.
/// </summary>
public sealed partial class FormatsEndToEndTests(ITestOutputHelper output)
{
    /// <summary>The issue's floor for evidence recall on the converted corpus.</summary>
    private const double EvidenceFloor = 0.85;

    /// <summary>How many questions' outcome may differ from the .txt run before the formats count as reading worse.</summary>
    private const int AllowedDifference = 1;

    private static readonly string[] GoldFiles = ["gold-holdout.jsonl", "gold-final.jsonl", "gold-check.jsonl"];

    private static readonly Dictionary<string, string> Converted = new(StringComparer.Ordinal)
    {
        ["000_84f7261bbaa5e2d3.txt"] = "seeds-pdf/000_84f7261bbaa5e2d3.pdf",
        ["001_43085affda0f6743.txt"] = "seeds-pdf/001_43085affda0f6743.pdf",
        ["002_600139ed0c729303.txt"] = "seeds-docx/002_600139ed0c729303.docx",
        ["003_bca4d65306d4d8ae.txt"] = "seeds-docx/003_bca4d65306d4d8ae.docx",
        ["004_2ebd1fbcc90f6e11.txt"] = "seeds-html/004_2ebd1fbcc90f6e11.html",
    };

    [Fact]
    public async Task PDF_Word_and_web_pages_answer_as_well_as_the_text_files_with_exact_citations()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempFolder();
        var corpus = Path.Combine(work.Path, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Converted.Values) File.Copy(DocumentFixtures.File(file), Path.Combine(corpus, Path.GetFileName(file)));

        await using var converted = AssistantHost.Build(corpus, Path.Combine(work.Path, "converted-index"));
        var report = await converted.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, progress: null, ct);
        Assert.Equal(5, report.Added);
        Assert.Empty(report.Skipped);
        await using var text = AssistantHost.Build(TestPaths.Seeds, Path.Combine(work.Path, "text-index"));
        await text.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, rebuild: false, progress: null, ct);

        var convertedIndex = converted.GetRequiredService<IPassageIndex>();
        var questions = new List<GoldQuestion>();
        var mapped = new List<GoldQuestion>();
        foreach (var file in GoldFiles)
        {
            foreach (var question in (await GoldFileReader.ReadAsync(TestPaths.Gold(file), ct)).Questions)
            {
                questions.Add(question);
                mapped.Add(await MapAsync(question, convertedIndex, ct));
            }
        }

        var textRun = await RunAsync(text, questions, ct);
        var convertedRun = await RunAsync(converted, mapped, ct);

        Assert.Empty(textRun.Problems);
        Assert.Empty(convertedRun.Problems);
        output.WriteLine($"{questions.Count} questions ({textRun.Summary.Answerable} answerable) from {string.Join(", ", GoldFiles)}");
        output.WriteLine($".txt:      evidence {textRun.Summary.EvidenceRecall:P1}, correct abstentions {textRun.Summary.AbstentionRecall:P1}, exact citations {textRun.Summary.CitationExactness:P1}");
        output.WriteLine($"converted: evidence {convertedRun.Summary.EvidenceRecall:P1}, correct abstentions {convertedRun.Summary.AbstentionRecall:P1}, exact citations {convertedRun.Summary.CitationExactness:P1}");

        foreach (var (before, after) in textRun.Results.Zip(convertedRun.Results).Where(p => p.First.Passed != p.Second.Passed))
        {
            output.WriteLine($"{before.Gold.Id}: {(before.Passed ? "passed" : "failed")} on .txt, {(after.Passed ? "passed" : "failed")} converted ({string.Join("; ", before.Failures.Concat(after.Failures))}): {after.Answer.Text}");
        }

        Assert.Equal(1.0, convertedRun.Summary.CitationExactness);
        Assert.True(convertedRun.Summary.EvidenceRecall >= EvidenceFloor, $"evidence recall {convertedRun.Summary.EvidenceRecall:P1} below {EvidenceFloor:P0}");
        Assert.InRange(Hits(convertedRun), Hits(textRun) - AllowedDifference, int.MaxValue);
        Assert.InRange(Abstentions(convertedRun, answerable: false), Abstentions(textRun, answerable: false) - AllowedDifference, int.MaxValue);
        Assert.InRange(Abstentions(convertedRun, answerable: true), 0, Abstentions(textRun, answerable: true) + AllowedDifference);

        await foreach (var passage in convertedIndex.ListPassagesAsync(ct))
        {
            Assert.All(HtmlDocumentReaderTests.PageChrome, chrome => Assert.DoesNotContain(chrome, passage.Text));
        }
    }

    private static int Hits(EvaluationRun run) => run.Results.Count(r => r.EvidenceHit == true);

    private static int Abstentions(EvaluationRun run, bool answerable) => run.Results.Count(r => r.Gold.Answerable == answerable && r.Answer.Abstained);

    private static async Task<EvaluationRun> RunAsync(IServiceProvider services, IReadOnlyList<GoldQuestion> questions, CancellationToken ct)
    {
        var runner = new EvaluationRunner(
            services.GetRequiredService<IAnswerService>(), services.GetRequiredService<IPassageIndex>(),
            new QuestionScorer(services.GetRequiredService<ArabicTextAnalyzer>().Normalize), NullLogger<EvaluationRunner>.Instance);
        return await runner.RunAsync(new GoldSet(questions, []), new EvaluationSettings(TopK: 10, WarmUp: false), null, ct);
    }

    /// <summary>The question with its document renamed to the converted file and each evidence quote as the extracted text has it.</summary>
    private static async Task<GoldQuestion> MapAsync(GoldQuestion question, IPassageIndex index, CancellationToken ct)
    {
        if (question.DocumentId is null) return question;
        var documentId = Path.GetFileName(Converted[question.DocumentId]);
        var extracted = (await index.GetDocumentAsync(documentId, ct))!.Text;
        var evidence = question.Evidence.Select(quote =>
        {
            var words = quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
            var match = Regex.Match(extracted, string.Join(@"\s+", words));
            Assert.True(match.Success, $"{question.Id}: evidence «{quote}» is not in the text extracted from {documentId}");
            return match.Value;
        }).ToList();
        return question with { DocumentId = documentId, Evidence = evidence };
    }
}
