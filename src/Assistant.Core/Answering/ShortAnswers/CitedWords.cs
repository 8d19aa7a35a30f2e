using Assistant.Analysis;

namespace Assistant.Answering.ShortAnswers;

/// <param name="Start">Where the word starts in its quote.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Form">The word in matching form (normalised, unstemmed).</param>
/// <param name="Terms">The terms it analyses to (a stem and its variants).</param>
/// <param name="Asked">The question says it (one of its analysed terms is a term of the question's words).</param>
/// <param name="Function">A stop word (a preposition, a conjunction, a pronoun): no analysed term.</param>
/// <param name="Cues">What the word can answer (a date, a quantity, a reason …).</param>
/// <param name="Clause">Which clause of the quote it is in: clauses end at punctuation (، ؛ : . ؟ ! quotes) and line breaks.</param>
/// <param name="Sentence">Which sentence of the quote it is in: sentences end at . ! ? ؟ ؛ and line breaks.</param>
/// <param name="Rarity">How rare the word is among the retrieved passages: 1 in one of them, near 0 in all.</param>
internal sealed record CitedWord(int Start, int End, string Form, string[] Terms, bool Asked, bool Function, CueKinds Cues, int Clause, int Sentence, double Rarity)
{
    /// <summary>A content word the question does not say: what an answer is made of.</summary>
    public bool New => !Asked && !Function;
}

/// <summary>One cited quote cut into words, each marked with whether the question says it and what it can answer.</summary>
internal sealed class CitedWords
{
    /// <summary>Characters that end a clause: what follows is said apart from what precedes.</summary>
    private const string ClauseBreaks = "،,؛;:.!?؟«»\"“”\n";

    private const string SentenceBreaks = ".!?؟؛\n";

    public CitedWords(Citation citation, int rank, ISet<string> questionTerms, IReadOnlySet<string> questionWords, Func<string[], double> rarity, ArabicTextAnalyzer analyzer)
    {
        Citation = citation;
        Rank = rank;
        var quote = citation.Quote;
        var terms = analyzer.Analyze(quote).ToLookup(t => t.Start, t => t.Term);
        var cues = AnswerCues.Find(quote, 0, quote.Length, analyzer).ToDictionary(c => c.Start, c => c.Kinds);
        var clause = 0;
        var sentence = 0;
        var previousEnd = 0;
        analyzer.ForEachWord(quote, 0, quote.Length, (word, start, end) =>
        {
            var gap = Unwrapped(quote.AsSpan(previousEnd, start - previousEnd));
            if (Words.Count > 0 && gap.IndexOfAny(ClauseBreaks) >= 0) clause++;
            if (Words.Count > 0 && gap.IndexOfAny(SentenceBreaks) >= 0) sentence++;
            previousEnd = end;
            var wordTerms = terms[start].ToArray();
            var form = word.ToString();
            var asked = wordTerms.Length > 0 && (wordTerms.Any(questionTerms.Contains) || questionWords.Contains(form));
            Words.Add(new CitedWord(start, end, form, wordTerms, asked, wordTerms.Length == 0, cues.GetValueOrDefault(start), clause, sentence, rarity(wordTerms)));
        });
    }

    /// <summary>The gap between two words with a wrapped line's break read as a space: a line that ends in spaces goes on on the next («بتاريخ 4  \nأيار/مايو 2017»).</summary>
    private static ReadOnlySpan<char> Unwrapped(ReadOnlySpan<char> gap)
    {
        var end = gap.IndexOf('\n');
        return end > 0 && gap[end - 1] is ' ' or '\t' && gap[(end + 1)..].IndexOf('\n') < 0 ? gap.ToString().Replace('\n', ' ') : gap;
    }

    public Citation Citation { get; }

    /// <summary>0 for the best-supported quote, then 1, 2 …</summary>
    public int Rank { get; }

    public List<CitedWord> Words { get; } = [];

    /// <summary>The quote from word <paramref name="first"/> to word <paramref name="last"/>, on one line.</summary>
    public string Text(int first, int last) => DisplayText.OneLine(Citation.Quote[Words[first].Start..Words[last].End]);

    /// <summary>Whether only a comma (and quotation marks) separates word <paramref name="i"/> from the next: the next item of a list.</summary>
    public bool CommaAfter(int i)
    {
        if (i + 1 >= Words.Count) return false;
        var gap = Citation.Quote.AsSpan(Words[i].End, Words[i + 1].Start - Words[i].End);
        return gap.IndexOfAny("،,") >= 0 && gap.IndexOfAnyExcept(" \t،,«»\"“”'") < 0;
    }

    /// <summary>Whether a comma or a dash (and quotation marks) alone separates word <paramref name="i"/> from the next: the
    /// next item of a list («القاعدة”، و حركة», «التركية – الروسية»).</summary>
    public bool ListSeparatorAfter(int i)
    {
        if (i + 1 >= Words.Count) return false;
        var gap = Citation.Quote.AsSpan(Words[i].End, Words[i + 1].Start - Words[i].End);
        return gap.IndexOfAny(ListSeparators) >= 0 && gap.IndexOfAnyExcept(" \t«»\"“”'" + ListSeparators) < 0;
    }

    private const string ListSeparators = "،,–-";

    /// <summary>Whether only quotation marks separate word <paramref name="i"/> from the next: a quoted name goes on
    /// its phrase («تنظيم “القاعدة”»).</summary>
    public bool QuotesOnlyAfter(int i)
    {
        if (i + 1 >= Words.Count) return false;
        var gap = Citation.Quote.AsSpan(Words[i].End, Words[i + 1].Start - Words[i].End);
        return gap.IndexOfAnyExcept(" \t«»\"“”'") < 0;
    }

    /// <summary>Whether punctuation or a line break separates word <paramref name="i"/> from the next.</summary>
    public bool BreakAfter(int i) => i + 1 >= Words.Count || Words[i + 1].Clause != Words[i].Clause;

    /// <summary>How many different words of the question sentence <paramref name="sentence"/> says.</summary>
    public int AskedInSentence(int sentence) =>
        Words.Where(w => w.Asked && w.Sentence == sentence).Select(w => w.Terms[0]).Distinct(StringComparer.Ordinal).Count();

    /// <summary>How many different words of the question its sentence says within <paramref name="reach"/> words of the span.</summary>
    public int AskedNear(int first, int last, int reach) => AskedTermsNear(first, last, reach).Count;

    /// <summary>
    /// The different words of the question its sentence says within <paramref name="reach"/> words of the span, each
    /// weighed by how rare it is among the retrieved passages (plus <paramref name="floor"/>): «مسبق» or «الآليات» places
    /// the answer, «بوتين» or «سوريا», said in most passages, hardly.
    /// </summary>
    public double WeighedAskedNear(int first, int last, int reach, double floor) =>
        AskedTermsNear(first, last, reach).Values.Sum(rarity => floor + rarity);

    private Dictionary<string, double> AskedTermsNear(int first, int last, int reach)
    {
        var seen = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = Math.Max(0, first - reach); i <= Math.Min(Words.Count - 1, last + reach); i++)
        {
            if (Words[i].Asked && Words[i].Sentence >= Words[first].Sentence && Words[i].Sentence <= Words[last].Sentence) seen.TryAdd(Words[i].Terms[0], Words[i].Rarity);
        }
        return seen;
    }
}
