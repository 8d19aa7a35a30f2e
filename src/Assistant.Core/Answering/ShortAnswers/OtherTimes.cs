using Assistant.Answering.Llm.Facts;

namespace Assistant.Answering.ShortAnswers;

/// <summary>
/// The months a question names, and the sentences of a quote that are about another time: «أين التقى ترامب وبوتين… في
/// نوفمبر 2017؟» is not answered by «…آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز/ يوليو، 2017», which says
/// where they met in July, however many of the question's other words it says.
/// </summary>
internal static class OtherTimes
{
    /// <summary>The months (1–12) <paramref name="text"/> names, Levantine or not («تشرين الثاني», «نوفمبر»).</summary>
    public static HashSet<int> Months(string text, FactReader reader) =>
        reader.MonthWords(text).Select(w => w.Month!.Value).ToHashSet();

    /// <summary>
    /// The sentences of a quote (<paramref name="text"/>, cut into <paramref name="words"/>) that name a month and none of the
    /// <paramref name="asked"/> ones: they say what happened at another time. Empty when the question names no month.
    /// </summary>
    public static IReadOnlySet<int> Sentences(string text, IReadOnlyList<QuoteWord> words, IReadOnlySet<int> asked, FactReader reader)
    {
        if (asked.Count == 0) return Empty;
        var sentenceAt = words.ToDictionary(w => w.Start, w => w.Sentence);
        var (other, same) = (new HashSet<int>(), new HashSet<int>());
        foreach (var word in reader.MonthWords(text))
        {
            if (word.Month is not { } month || !sentenceAt.TryGetValue(word.Start, out var sentence)) continue;
            (asked.Contains(month) ? same : other).Add(sentence);
        }
        other.ExceptWith(same);
        return other;
    }

    private static readonly IReadOnlySet<int> Empty = new HashSet<int>();
}
