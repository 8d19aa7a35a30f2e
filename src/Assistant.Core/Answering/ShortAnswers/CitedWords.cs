using Assistant.Analysis;

namespace Assistant.Answering.ShortAnswers;

/// <summary>A word of a cited quote (<see cref="QuoteWord"/>) as one question reads it.</summary>
/// <param name="Word">The word as analysed once for every question that cites its quote.</param>
/// <param name="Asked">The question says it (one of its analysed terms is a term of the question's words).</param>
/// <param name="Cues">What the word can answer (a date, a quantity, a reason …), for this question.</param>
/// <param name="RarityOf">How rare a word of these term numbers is among the retrieved passages (see <see cref="Rarity"/>).</param>
/// <param name="Attributed">The question says it only to name whom the answer is according to («بحسب تيلرسون»): it is no
/// answer, but it does not place one either; the answering sentence need not say who said it, a headline does.</param>
/// <param name="Offered">The question offers it as one answer to choose from («دائمة أم مؤقتة؟»): it says which clause
/// answers, as any word of the question, and it is what the answer says, as a word the question does not say.</param>
internal sealed record CitedWord(QuoteWord Word, bool Asked, CueKinds Cues, Func<int[], double> RarityOf, bool Attributed = false, bool Offered = false)
{
    private double? _rarity;

    /// <summary>Where the word starts in its quote.</summary>
    public int Start => Word.Start;

    /// <summary>Where it ends (exclusive).</summary>
    public int End => Word.End;

    /// <summary>The word in matching form (normalised, unstemmed).</summary>
    public string Form => Word.Form;

    /// <summary>The terms it analyses to (a stem and its variants).</summary>
    public string[] Terms => Word.Terms;

    /// <summary>Which clause of the quote it is in: clauses end at punctuation (، ؛ : . ؟ ! quotes) and line breaks.</summary>
    public int Clause => Word.Clause;

    /// <summary>Which sentence of the quote it is in: sentences end at . ! ? ؟ ؛ and line breaks.</summary>
    public int Sentence => Word.Sentence;

    /// <summary>A stop word (a preposition, a conjunction, a pronoun): no analysed term.</summary>
    public bool Function => Word.Terms.Length == 0;

    /// <summary>How rare the word is among the retrieved passages: 1 in one of them, near 0 in all. Counted when first
    /// asked for: only the words near a phrase are weighed.</summary>
    public double Rarity => _rarity ??= RarityOf(Word.TermIds);

    /// <summary>A content word the question does not say, or offers to choose: what an answer is made of.</summary>
    public bool New => (!Asked || Offered) && !Function;

    /// <summary>A word of the question that places the answer: asked, and not only whom the answer is according to.</summary>
    public bool Places => Asked && !Attributed;
}

/// <summary>One cited quote cut into words, each marked with whether the question says it and what it can answer.</summary>
internal sealed class CitedWords
{
    /// <param name="words">The quote's analysed words (<see cref="QuoteWords.Of"/>), shared by every question that cites it.</param>
    /// <param name="questionTerms">The numbers of the question's terms (<see cref="TermIds"/>).</param>
    /// <param name="questionWords">The numbers of the question's words in matching form.</param>
    /// <param name="attributionTerms">The numbers of the terms the question says only after «بحسب/وفق…» (<see cref="CitedWord.Attributed"/>).</param>
    /// <param name="offeredTerms">The numbers of the terms of the words the question offers to choose from (<see cref="CitedWord.Offered"/>).</param>
    public CitedWords(Citation citation, int rank, IReadOnlyList<QuoteWord> words, HashSet<int> questionTerms, HashSet<int> questionWords, bool asksPublication, Func<int[], double> rarity, HashSet<int> attributionTerms, HashSet<int>? offeredTerms = null)
    {
        Citation = citation;
        Rank = rank;
        Words = new List<CitedWord>(words.Count);
        // Indexed, not enumerated: no boxed enumerator for every quote of every ask.
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var asked = word.Terms.Length > 0 && (questionTerms.ContainsAnyOf(word.TermIds) || questionWords.Contains(word.FormId));
            // A page's own date («التاريخ : 22 ديسمبر 2017») answers only when it was published, as in span selection.
            var cues = word.Cues.HasFlag(CueKinds.Published) && !asksPublication ? CueKinds.None : word.Cues;
            var attributed = asked && attributionTerms.Count > 0 && attributionTerms.ContainsAnyOf(word.TermIds);
            var offered = asked && offeredTerms is { Count: > 0 } && offeredTerms.ContainsAnyOf(word.TermIds);
            Words.Add(new CitedWord(word, asked, cues, rarity, attributed, offered));
        }
    }

    public Citation Citation { get; }

    /// <summary>The sentences that say what happened at another time than the question names (<see cref="OtherTimes"/>).</summary>
    public IReadOnlySet<int> OtherTimeSentences { get; init; } = NoSentences;

    /// <summary>No sentence: shared, not a set made for every quote of every ask only to be replaced.</summary>
    private static readonly IReadOnlySet<int> NoSentences = new HashSet<int>();

    /// <summary>0 for the best-supported quote, then 1, 2 …</summary>
    public int Rank { get; }

    public List<CitedWord> Words { get; }

    /// <summary>The quote from word <paramref name="first"/> to word <paramref name="last"/>, on one line; a number that
    /// ends it keeps the sign written right after it («45%»): without it the number says another thing.</summary>
    public string Text(int first, int last) => DisplayText.OneLine(Citation.Quote[Words[first].Start..UnitEnd(last)]);

    /// <summary>Signs that belong to the number before them.</summary>
    private const string NumberSigns = "%٪‰";

    /// <summary>Where word <paramref name="i"/> ends, with a percent sign written right after it (or after one space) when it is a number.</summary>
    private int UnitEnd(int i)
    {
        var (quote, end) = (Citation.Quote, Words[i].End);
        if (!char.IsDigit(quote[end - 1])) return end;
        var at = end < quote.Length && quote[end] == ' ' ? end + 1 : end;
        return at < quote.Length && NumberSigns.Contains(quote[at]) ? at + 1 : end;
    }

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

    /// <summary>Whether a quotation mark separates word <paramref name="i"/> from the next, with nothing else but spaces and
    /// other quotation marks.</summary>
    public bool QuoteMarkOnlyAfter(int i) =>
        QuotesOnlyAfter(i) && Citation.Quote.AsSpan(Words[i].End, Words[i + 1].Start - Words[i].End).IndexOfAny(QuoteMarks) >= 0;

    /// <summary>Whether a quotation mark follows word <paramref name="i"/> before the next word (or the quote's end).</summary>
    public bool QuoteMarkAfter(int i)
    {
        var end = i + 1 < Words.Count ? Words[i + 1].Start : Citation.Quote.Length;
        return Citation.Quote.AsSpan(Words[i].End, end - Words[i].End).IndexOfAny(QuoteMarks) >= 0;
    }

    private const string QuoteMarks = "«»\"“”";

    /// <summary>Whether punctuation or a line break separates word <paramref name="i"/> from the next.</summary>
    public bool BreakAfter(int i) => i + 1 >= Words.Count || Words[i + 1].Clause != Words[i].Clause;

    /// <summary>How many different words of the question sentence <paramref name="sentence"/> says.</summary>
    public int AskedInSentence(int sentence)
    {
        // Asked for every phrase a cutter scores, and the answer depends on the sentence alone: counted once per sentence.
        _askedInSentence ??= new int?[Words.Count == 0 ? 0 : Words[^1].Sentence + 1];
        return _askedInSentence[sentence] ??= CountAsked(0, Words.Count - 1, sentence, byForm: false);
    }

    private int?[]? _askedInSentence;

    /// <summary>How many of words <paramref name="first"/>..<paramref name="last"/> (to the quote's end at most) are new (<see cref="CitedWord.New"/>).</summary>
    public int NewIn(int first, int last)
    {
        var count = 0;
        for (var i = first; i <= Math.Min(last, Words.Count - 1); i++)
        {
            if (Words[i].New) count++;
        }
        return count;
    }

    /// <summary>How many different words of the question words <paramref name="first"/> to <paramref name="last"/> say, told apart by form.</summary>
    public int AskedFormsIn(int first, int last) => CountAsked(first, last, sentence: null, byForm: true);

    /// <summary>Different words told apart by their first term's number or their form's (<see cref="TermIds"/>): a loop
    /// over numbers, as this runs for every clause and phrase of every cited quote.</summary>
    private int CountAsked(int first, int last, int? sentence, bool byForm)
    {
        var seen = _scratch;
        seen.Clear();
        for (var i = first; i <= last; i++)
        {
            var word = Words[i];
            if (!word.Places || (sentence is not null && word.Sentence != sentence)) continue;
            var key = byForm ? word.Word.FormId : word.Word.TermIds[0];
            if (!seen.Contains(key)) seen.Add(key);
        }
        return seen.Count;
    }

    /// <summary>How many different words of the question its sentence says within <paramref name="reach"/> words of the span.</summary>
    public int AskedNear(int first, int last, int reach)
    {
        AskedTermsNear(first, last, reach);
        return _scratch.Count;
    }

    /// <summary>
    /// The different words of the question its sentence says within <paramref name="reach"/> words of the span, each
    /// weighed by how rare it is among the retrieved passages (plus <paramref name="floor"/>): «مسبق» or «الآليات» places
    /// the answer, «بوتين» or «سوريا», said in most passages, hardly.
    /// </summary>
    public double WeighedAskedNear(int first, int last, int reach, double floor)
    {
        AskedTermsNear(first, last, reach);
        var sum = 0.0;
        foreach (var rarity in _scratchRarities) sum += floor + rarity;
        return sum;
    }

    /// <summary>Fills <see cref="_scratch"/> with the different terms, first seen first, and <see cref="_scratchRarities"/> with their rarities.</summary>
    private void AskedTermsNear(int first, int last, int reach)
    {
        _scratch.Clear();
        _scratchRarities.Clear();
        for (var i = Reached(first, -reach); i <= Reached(last, reach); i++)
        {
            if (Words[i].Places && Words[i].Sentence >= Words[first].Sentence && Words[i].Sentence <= Words[last].Sentence && !_scratch.Contains(Words[i].Word.TermIds[0]))
            {
                _scratch.Add(Words[i].Word.TermIds[0]);
                _scratchRarities.Add(Words[i].Rarity);
            }
        }
    }

    /// <summary>The word <paramref name="reach"/> words from word <paramref name="from"/> (before it when negative), not counting
    /// the words of a date on the way: a date is said beside what it dates («المبرمة في عمان في 8 تشرين الثاني / نوفمبر 2017
    /// بين المملكة…»), and does not set a phrase apart from the question's words it stands between.</summary>
    private int Reached(int from, int reach)
    {
        var step = Math.Sign(reach);
        var at = from;
        for (var left = Math.Abs(reach); left > 0 && at + step >= 0 && at + step < Words.Count;)
        {
            at += step;
            if ((Words[at].Cues & DateCues) == 0) left--;
        }
        return at;
    }

    private const CueKinds DateCues = CueKinds.Time | CueKinds.Year;

    // Reused by the counts above: they run for every span a cutter scores, and a quote is read by one question on one thread.
    private readonly List<int> _scratch = [];
    private readonly List<double> _scratchRarities = [];
}
