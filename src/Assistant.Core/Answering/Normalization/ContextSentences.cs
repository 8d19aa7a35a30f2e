using Assistant.Analysis;

namespace Assistant.Answering.Normalization;

/// <summary>
/// What an asker says around the question about themselves or their work («أنا صحفي وأعد تقريراً عن…»، «أعمل على ورقة
/// بحثية حول…»): in a message that asks in one sentence and tells in another, the telling sentences are context, and
/// their words would otherwise weigh as much as the question's. They are dropped only when the question stands on its
/// own: it names enough of what it asks and does not point back at the context («ما اسم هذه المدينة؟» keeps it). A
/// message typed without question marks («عم حضّر ملخص عن البيان / الرئيسين شو طلبوا من الدول») asks in the sentences
/// that hold an interrogative.
/// </summary>
internal static class ContextSentences
{
    /// <summary>A question with fewer content terms than this leans on the sentences around it («لماذا؟»، «ومتى حدث؟»).</summary>
    private const int MinStandaloneTerms = 3;

    /// <summary>Words that point back at something said before, in matching form (dialect forms included).</summary>
    private static readonly HashSet<string> BackReferences = new(StringComparer.Ordinal)
    {
        "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولءك", "اولاءك", "هذان", "هاتان", "ذاك", "هذي", "هاد", "هادا", "هاي", "هادي", "ده", "دي", "دا", "هذاك", "المذكور", "المذكوره", "المذكورين",
    };

    /// <summary>The words (indexes) of the context sentences to drop; empty when every sentence stays.</summary>
    public static IReadOnlyList<(int First, int Last)> Find(string text, IReadOnlyList<Word> words, ArabicTextAnalyzer analyzer)
    {
        var sentences = Sentences(text, words).ToList();
        if (sentences.Count < 2) return [];
        if (!sentences.Any(s => s.Asks)) sentences = sentences.Select(s => s with { Asks = HoldsInterrogative(words, s) }).ToList();
        var questions = sentences.Where(s => s.Asks).ToList();
        var context = sentences.Where(s => !s.Asks).Select(s => (s.First, s.Last)).ToList();
        if (questions.Count == 0 || context.Count == 0) return [];
        var asked = string.Join(' ', questions.Select(q => text[words[q.First].Start..words[q.Last].End]));
        var pointsBack = questions.Any(q => Enumerable.Range(q.First, q.Last - q.First + 1).Any(i => BackReferences.Contains(words[i].Form)));
        return pointsBack || analyzer.Terms(asked).Count < MinStandaloneTerms ? [] : context;
    }

    /// <summary>
    /// «من» and «ما» are also a preposition, a negation and a relative («صحفي من الأردن»), so without a question mark they
    /// ask only opening the sentence; every other interrogative, Modern Standard or dialect («شو»، «باي»), asks anywhere.
    /// </summary>
    private static bool HoldsInterrogative(IReadOnlyList<Word> words, Sentence sentence)
    {
        for (var i = sentence.First; i <= sentence.Last; i++)
        {
            var bare = QuestionReader.WithoutProclitics(words[i].Form);
            if (Asks(words[i].Form, bare) && (i == sentence.First || bare is not ("من" or "ما"))) return true;
        }
        return false;
    }

    /// <summary>Whether the words from <paramref name="at"/> open a question: an interrogative first, or second after a preposition («إلى متى»، «في أي»).</summary>
    private static bool OpensQuestion(IReadOnlyList<Word> words, int at)
    {
        for (var i = at; i < Math.Min(words.Count, at + 2); i++)
        {
            var bare = QuestionReader.WithoutProclitics(words[i].Form);
            if (Asks(words[i].Form, bare)) return true;
            if (!QuestionVocabulary.FunctionWords.Contains(bare)) return false;
        }
        return false;
    }

    /// <summary>Whether a word (in matching form, and without its proclitics) is an interrogative, Modern Standard or dialect.</summary>
    private static bool Asks(string form, string bare) => QuestionVocabulary.Interrogatives.Contains(bare) || DialectWords.Asks(form);

    /// <param name="Asks">The sentence ends with a question mark (or, in a message without one, holds an interrogative).</param>
    private readonly record struct Sentence(int First, int Last, bool Asks);

    /// <summary>
    /// Sentences as ranges of word indexes, split after a full stop, an exclamation or question mark, a colon that ends a
    /// line, and, in a message without a question mark, a line break (with one, a line break may fall inside the question).
    /// </summary>
    private static IEnumerable<Sentence> Sentences(string text, IReadOnlyList<Word> words)
    {
        var byLines = text.AsSpan().IndexOfAny('؟', '?') < 0;
        var first = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1].Start : text.Length;
            var between = text.AsSpan(words[i].End, next - words[i].End);
            var asks = between.IndexOfAny('؟', '?') >= 0;
            // A colon at a line's end introduces what the next line says («… من نقطة واحدة:» / «ما هي الأطراف…؟»), and a
            // line that opens with an interrogative starts a question of its own («… كما نقله موقع الوقت،» / «إلى متى…؟»).
            var newLine = between.Contains('\n');
            var introduces = newLine && (between.Contains(':') || OpensQuestion(words, i + 1));
            if (i + 1 == words.Count || asks || between.IndexOfAny(".!…") >= 0 || introduces || (byLines && newLine))
            {
                yield return new Sentence(first, i, asks);
                first = i + 1;
            }
        }
    }
}
