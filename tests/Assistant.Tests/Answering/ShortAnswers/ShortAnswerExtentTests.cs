using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Assistant.Storage;

namespace Assistant.Tests.Answering.ShortAnswers;

/// <summary>
/// Where a short answer is cut: a bound of time runs on to the date its sentence gives after it, and a question word
/// the documents say in other words places the answer as the question's own word would.
/// </summary>
public sealed class ShortAnswerExtentTests
{
    private static readonly ArabicTextAnalyzer Analyzer = new();
    private readonly ShortAnswerWriter _writer = new(Analyzer, new PassageTermCache(Analyzer));

    private string Short(string question, params string[] quotes)
    {
        var citations = quotes.Select((q, i) => new Citation(i + 1, $"d{i}.txt", "وثيقة", 0, q.Length, q, $"p{i}")).ToList();
        var text = string.Join("\n\n", citations.Select(c => $"«{c.Quote}» [{c.Marker}]"));
        var passages = citations.Select(c => new ScoredPassage(new Passage(c.PassageId, c.DocumentId, c.Title, c.Start, c.End, c.Quote, 0), 1, 1, 1)).ToList();
        // Each term counted in the quotes it is in, as the index counts it in the documents.
        var frequency = quotes.SelectMany(q => Analyzer.Terms(q).Distinct()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var request = new AnswerRequest(question, Analyzer.Terms(question), passages, new TermStatistics(passages.Count, frequency));
        var shortAnswer = Assert.IsType<string>(_writer.Lead(new GeneratedAnswer(text, false, citations), request).ShortAnswer);
        Assert.InRange(Analyzer.Normalize(shortAnswer).Split(' ').Length, 1, ShortAnswerWriter.MaxWords);
        return shortAnswer;
    }

    [Fact]
    public void A_bound_of_time_runs_on_to_the_date_its_sentence_gives()
    {
        var shortAnswer = Short("متى سيعقد الضامنون الاجتماع التحضيري في سوتشي؟",
            "ولتحقيق هذا الهدف، سيعقد الضامنون الثلاثة اجتماعاً تحضيرياً خاصاً في سوتشي قبل المؤتمر، وذلك بتاريخ 19-20 كانون الثاني/يناير 2018.");
        Assert.StartsWith("قبل المؤتمر", shortAnswer, StringComparison.Ordinal);
        Assert.EndsWith("19-20 كانون الثاني/يناير 2018", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_word_the_documents_say_otherwise_places_the_answer_as_its_own_would()
    {
        // «مظلة» is in no document; «رعاية» names the same thing, and the answer follows it.
        var shortAnswer = Short("تحت مظلة أي جهة سيمضي الحل السياسي بعد إزالة التهديد الإرهابي وفق بوتين؟",
            "وتابع بوتين: أكدنا على سيادة سورية واستقلالها ووحدة أراضيها واتفقنا أنه سيتم بعد التخلص من الخطر الإرهابي على السير في طريق التسوية السياسية للأزمة فيها تحت رعاية الأمم المتحدة.",
            "وتؤكد على ضرورة اتخاذ الخطوات الدولية العاجلة لأجل مساعدة السوريين في استعادة وحدة البلاد، والوصول إلى حلٍ سياسيٍّ للأزمة وفقاً لأحكام قرار مجلس الأمن 2254 من خلال عملية شاملة تفضي إلى دستور وانتخابات حرة تحت إشراف مناسب للأمم المتحدة.");
        Assert.Contains("الأمم المتحدة", shortAnswer, StringComparison.Ordinal);
    }
}
