using Assistant.Answering.Llm;
using Assistant.Chunking;
using Assistant.Storage;

namespace Assistant.Tests.Llm;

/// <summary>Two small documents and three retrieved passages cut from them with exact offsets, as the index would return them.</summary>
internal static class LlmTestPassages
{
    public const string AstanaId = "astana.txt";
    public const string ResolutionId = "resolution.txt";

    public const string AstanaText =
        "مؤتمر أستانا\n\n" +
        "عُقد مؤتمر أستانا للسلام في كانون الثاني/يناير 2017 في عاصمة كازاخستان. " +
        "وشاركت فيه روسيا وتركيا وإيران بصفتها دولاً ضامنة لوقف إطلاق النار. " +
        "واتفق المشاركون على آلية ثلاثية لمراقبة الهدنة في سوريا.";

    public const string ResolutionText =
        "قرار مجلس الأمن\n\n" +
        "اعتمد مجلس الأمن الدولي القرار 2254 بالإجماع في كانون الأول/ديسمبر 2015. " +
        "ويدعو القرار إلى عملية سياسية بقيادة سورية تيسّرها الأمم المتحدة.";

    public static string? DocumentText(string documentId) => documentId switch
    {
        AstanaId => AstanaText,
        ResolutionId => ResolutionText,
        _ => null,
    };

    /// <summary>Marker n in a prompt means element n-1: [1] Astana (first two sentences), [2] the resolution, [3] Astana (last two sentences).</summary>
    public static IReadOnlyList<ScoredPassage> Retrieved { get; } =
    [
        Slice(AstanaId, "مؤتمر أستانا", AstanaText, "عُقد مؤتمر", "ضامنة لوقف إطلاق النار.", 0),
        Slice(ResolutionId, "قرار مجلس الأمن", ResolutionText, "اعتمد مجلس", "الأمم المتحدة.", 0),
        Slice(AstanaId, "مؤتمر أستانا", AstanaText, "وشاركت فيه", "الهدنة في سوريا.", 1),
    ];

    /// <summary>The retrieved passages as the prompt numbers them: [1] Astana (passages 1 and 3 overlap: one block), [2] the resolution.</summary>
    public static IReadOnlyList<PromptSource> Sources { get; } = PromptSource.From(Retrieved, p => p.Title);

    /// <summary>The span of a sentence of a document, found by its exact text.</summary>
    public static (int Start, int End) SpanOf(string documentText, string sentence)
    {
        var start = documentText.IndexOf(sentence, StringComparison.Ordinal);
        Assert.True(start >= 0, $"test data: «{sentence}» is not in the document");
        return (start, start + sentence.Length);
    }

    private static ScoredPassage Slice(string documentId, string title, string text, string from, string to, int ordinal)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, StringComparison.Ordinal) + to.Length;
        var passage = new Passage($"{documentId}#{ordinal}", documentId, title, start, end, text[start..end], ordinal);
        return new ScoredPassage(passage, 1.0 / (ordinal + 1), ordinal + 1, ordinal + 1);
    }
}
