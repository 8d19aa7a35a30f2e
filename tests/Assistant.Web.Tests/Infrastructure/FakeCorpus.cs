using Assistant.Answering;
using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>Two small Arabic documents and citations cut from them exactly as the core does (quote == text[start..end]).</summary>
public static class FakeCorpus
{
    public static readonly SourceDocument Treaty = Document("news/treaty.txt",
        "معاهدة السلام\n\nوقّعت الدولتان معاهدة السلام في العاصمة عام 1979. ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات.\nوأُنشئت لجنة مشتركة لمتابعة التنفيذ.");

    public static readonly SourceDocument Water = Document("water.txt",
        "تقرير المياه\n\nيعتمد البلد على النهر في تسعين في المئة من مياهه. وتراجع منسوب النهر في السنوات الأخيرة.");

    public static IReadOnlyList<SourceDocument> Documents { get; } = [Treaty, Water];

    public static Citation Cite(int marker, SourceDocument document, string quote)
    {
        var start = document.Text.IndexOf(quote, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"'{quote}' is not in {document.DocumentId}");
        }
        return new Citation(marker, document.DocumentId, document.Title, start, start + quote.Length, quote, $"{document.DocumentId}#0");
    }

    public static Answer AnswerWith(string question, string text, params Citation[] citations) =>
        new(question, text, Abstained: false, citations, [], new AnswerTimings(1, 1));

    /// <summary>One passage per document (the whole text after the title line).</summary>
    public static IEnumerable<Passage> Passages() => Documents.Select(d =>
    {
        var start = d.Text.IndexOf('\n') + 2;
        return new Passage($"{d.DocumentId}#0", d.DocumentId, d.Title, start, d.Text.Length, d.Text[start..], 0);
    });

    private static SourceDocument Document(string id, string text) =>
        new(id, text[..text.IndexOf('\n')], text, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
}
