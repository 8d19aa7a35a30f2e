using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Chunking;

namespace Assistant.Tests.Answering;

public sealed class PassageTermCacheTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    private static Passage Passage(string text) => new("doc#0", "doc.txt", "وثيقة", 0, text.Length, text, 0);

    [Fact]
    public void A_passage_gives_the_numbers_of_the_distinct_terms_its_text_analyses_to()
    {
        using var cache = new PassageTermCache(_analyzer);
        const string text = "وقّعت الحكومة المعاهدة، ثم صادقت الحكومة على المعاهدة في البرلمان.";

        var terms = cache.DistinctTermIds(Passage(text));

        Assert.Equal(_analyzer.Terms(text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), terms.Select(TermIds.Term).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_passage_retrieved_again_is_not_analysed_again()
    {
        using var cache = new PassageTermCache(_analyzer);
        const string text = "انعقد المؤتمر في القاهرة يوم الخميس.";

        var first = cache.DistinctTermIds(Passage(text));
        var again = cache.DistinctTermIds(Passage(new string(text.AsSpan()))); // equal text, another string

        Assert.Same(first, again);
    }

    [Fact]
    public void A_passage_whose_text_changed_is_analysed_anew()
    {
        using var cache = new PassageTermCache(_analyzer);

        var before = cache.DistinctTermIds(Passage("انعقد المؤتمر في القاهرة."));
        var after = cache.DistinctTermIds(Passage("انعقد المؤتمر في بغداد."));

        Assert.NotEqual(before.Order(), after.Order());
        Assert.Equal(_analyzer.Terms("انعقد المؤتمر في بغداد.").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), after.Select(TermIds.Term).Order(StringComparer.Ordinal));
    }
}
