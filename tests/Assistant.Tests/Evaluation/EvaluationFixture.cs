using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Evaluation;
using Assistant.Storage;
using Xunit;

namespace Assistant.Tests.Evaluation;

/// <summary>
/// A two-document corpus and six gold questions with scripted answers whose metrics are worked out by hand in
/// <see cref="EvaluationMetricsTests"/>.
/// </summary>
internal static class EvaluationFixture
{
    /// <summary>The core's analyser: answer terms are matched in its normalised form.</summary>
    public static readonly ArabicTextAnalyzer Analyzer = new();

    public const string DocA = "a.txt";
    public const string DocB = "b.txt";

    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        [DocA] = "البيان المشترك\nصدر البيان في 11 تشرين الثاني 2017. وأكد الرئيسان أن الانتخابات ستجرى تحت إشراف الأمم المتحدة. ولا يوجد حل عسكري للصراع.",
        [DocB] = "زيارة الوزير\nوصل الوزير إلى العاصمة يوم السبت. وناقش مع نظيره فتح قنوات اتصال لتفادي الحوادث الخطيرة.",
    };

    public const string GoldJsonLines = """
        {"id":"q1","question":"تحت إشراف من تجرى الانتخابات؟","doc":"a.txt","evidence":["تحت إشراف الأمم المتحدة"],"answer_terms":["الأمم المتحدة"]}
        {"id":"q2","question":"متى صدر البيان؟","doc":"a.txt","evidence":["11 تشرين الثاني 2017"],"answer_terms":["2017"]}
        {"id":"q3","question":"متى وصل الوزير؟","doc":"b.txt","evidence":["يوم السبت"],"answer_terms":["السبت"]}
        {"id":"q4","question":"لماذا فتحت قنوات الاتصال؟","doc":"b.txt","evidence":["لتفادي الحوادث الخطيرة"],"answer_terms":["الحوادث"]}
        {"id":"q5","question":"ما هو أطول نهر في العالم؟","doc":null,"evidence":[],"answer_terms":[]}
        {"id":"q6","question":"من كتب رواية مئة عام من العزلة؟","doc":null,"evidence":[],"answer_terms":[]}
        """;

    /// <summary>Scripted answers, keyed by question text.</summary>
    public static IReadOnlyDictionary<string, Answer> Answers()
    {
        var a1 = Sentence(DocA, "وأكد الرئيسان أن الانتخابات ستجرى تحت إشراف الأمم المتحدة.");
        var a0 = Sentence(DocA, "صدر البيان في 11 تشرين الثاني 2017.");
        var a2 = Sentence(DocA, "ولا يوجد حل عسكري للصراع.");
        var b0 = Sentence(DocB, "وصل الوزير إلى العاصمة يوم السبت.");
        var b1 = Sentence(DocB, "وناقش مع نظيره فتح قنوات اتصال لتفادي الحوادث الخطيرة.");
        return new Dictionary<string, Answer>
        {
            // Passes; the answer spells الأمم without hamza, so the term only matches after normalisation.
            ["تحت إشراف من تجرى الانتخابات؟"] = Answered("ستجرى تحت إشراف الامم المتحدة [1]", [Cite(1, DocA, "تحت إشراف الأمم المتحدة")], b1, a1),
            // Cites an exact but wrong sentence; the evidence passage is retrieved second.
            ["متى صدر البيان؟"] = Answered("لا يوجد حل عسكري [1]", [Cite(1, DocA, "ولا يوجد حل عسكري للصراع.")], a2, a0),
            // Overlaps the evidence, but the quote is not what the document says at those offsets.
            ["متى وصل الوزير؟"] = Answered("وصل يوم السبت [1]", [Cite(1, DocB, "وصل الوزير إلى العاصمة يوم السبت.") with { Quote = "وصل الوزير يوم السبت." }], b0),
            // Abstains although document b answers it.
            ["لماذا فتحت قنوات الاتصال؟"] = Abstained("لماذا فتحت قنوات الاتصال؟"),
            // Abstains correctly.
            ["ما هو أطول نهر في العالم؟"] = Abstained("ما هو أطول نهر في العالم؟"),
            // Answers a question the corpus does not answer.
            ["من كتب رواية مئة عام من العزلة؟"] = Answered("صدر البيان [1]", [Cite(1, DocA, "صدر البيان في 11 تشرين الثاني 2017.")], a0),
        };

        Answer Answered(string text, IReadOnlyList<Citation> citations, params PassageReference[] passages) =>
            new("?", text, false, citations, passages, new AnswerTimings(0, 0));

        Answer Abstained(string question) =>
            new(question, "لا تجيب الوثائق عن هذا السؤال.", true, [], [], new AnswerTimings(0, 0)) { AbstainReason = AbstainReasons.AnswerKindMissing };
    }

    public static Citation Cite(int marker, string documentId, string quote)
    {
        var start = Texts[documentId].IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"fixture quote not in {documentId}: {quote}");
        return new Citation(marker, documentId, documentId, start, start + quote.Length, quote, $"{documentId}#{start}");
    }

    private static PassageReference Sentence(string documentId, string sentence)
    {
        var citation = Cite(0, documentId, sentence);
        return new PassageReference(citation.PassageId, documentId, citation.Start, citation.End, 1);
    }

    public static async Task<GoldSet> GoldAsync(string jsonLines = GoldJsonLines) =>
        await GoldFileReader.ReadAsync(new StringReader(jsonLines), TestContext.Current.CancellationToken);

    public static EvaluationRunner Runner(ScriptedAnswerService answers) =>
        new(answers, new DocumentOnlyIndex(Texts), new QuestionScorer(Analyzer.Normalize), Microsoft.Extensions.Logging.Abstractions.NullLogger<EvaluationRunner>.Instance);

    public static async Task<EvaluationRun> RunAsync()
    {
        var gold = await GoldAsync();
        return await Runner(new ScriptedAnswerService(Answers())).RunAsync(gold, new EvaluationSettings(TopK: 10, WarmUp: false), null, TestContext.Current.CancellationToken);
    }
}

/// <summary>An answer service that replays scripted answers and records what it was asked.</summary>
internal sealed class ScriptedAnswerService(IReadOnlyDictionary<string, Answer> answers) : IAnswerService
{
    public List<Question> Asked { get; } = [];

    public Task<Answer> AskAsync(Question question, CancellationToken cancellationToken)
    {
        Asked.Add(question);
        return Task.FromResult(answers[question.Text]);
    }
}

/// <summary>
/// An index that only serves document texts, its status and its vocabulary (each text counted as one passage) — all
/// that `eval` and the offline follow-up resolver read from it.
/// </summary>
internal sealed class DocumentOnlyIndex(IReadOnlyDictionary<string, string> texts) : IPassageIndex
{
    public string Name => "DocumentsOnly";

    public Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(texts.TryGetValue(documentId, out var text) ? new SourceDocument(documentId, documentId, text, "") : null);

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new IndexStatus(true, texts.Count, texts.Count, "fixture"));

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var analyzer = new ArabicTextAnalyzer();
        var vocabularies = texts.Values.Select(text => analyzer.Terms(text).ToHashSet(StringComparer.Ordinal)).ToList();
        var frequencies = terms.ToDictionary(t => t, t => vocabularies.Count(v => v.Contains(t)), StringComparer.Ordinal);
        return Task.FromResult(new TermStatistics(texts.Count, frequencies));
    }

    public IAsyncEnumerable<Passage> ListPassagesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
