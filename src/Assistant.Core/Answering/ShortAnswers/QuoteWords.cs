using Assistant.Analysis;

namespace Assistant.Answering.ShortAnswers;

/// <param name="Start">Where the word starts in its quote.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Form">The word in matching form (normalised, unstemmed).</param>
/// <param name="Terms">The terms it analyses to (a stem and its variants).</param>
/// <param name="Cues">What the word can answer (a date, a quantity, a reason …).</param>
/// <param name="Clause">Which clause of the quote it is in.</param>
/// <param name="Sentence">Which sentence of the quote it is in.</param>
/// <param name="TermIds">Its terms' numbers (<see cref="Analysis.TermIds"/>): the question's words and the passages that
/// have them are told by number.</param>
/// <param name="FormId">The number of its form (<see cref="Analysis.TermIds"/>): different words of the question are counted by it.</param>
/// <param name="VerbKey">Its form as a verb of any person (<see cref="AnswerShapes.VerbKey"/>), null when it cannot be one.</param>
/// <param name="Bare">Its form without the article (<see cref="AnswerShapes.Bare"/>).</param>
internal sealed record QuoteWord(int Start, int End, string Form, string[] Terms, CueKinds Cues, int Clause, int Sentence, int[] TermIds, int FormId, string? VerbKey, string Bare);

/// <summary>
/// A quote cut into analysed words: what depends on the quote alone, not on the question, so it is computed once per
/// quote text (<see cref="PassageTermCache.QuoteWords"/>) and marked against each question by <see cref="CitedWords"/>.
/// </summary>
internal static class QuoteWords
{
    /// <summary>Characters that end a clause: what follows is said apart from what precedes.</summary>
    private const string ClauseBreaks = "،,؛;:.!?؟«»\"“”\n";

    private const string SentenceBreaks = ".!?؟؛\n";

    /// <summary>Decimal and thousands separators, Latin and Arabic: between two digits they are part of one number.</summary>
    private const string NumberSeparators = ".,٫٬";

    /// <summary>Clauses end at punctuation (، ؛ : . ؟ ! quotes) and line breaks; sentences at . ! ? ؟ ؛ and line breaks.</summary>
    public static QuoteWord[] Of(string quote, ArabicTextAnalyzer analyzer)
    {
        var terms = analyzer.Analyze(quote).ToLookup(t => t.Start, t => t.Term);
        var cues = AnswerCues.Find(quote, 0, quote.Length, analyzer).ToDictionary(c => c.Start, c => c.Kinds);
        var words = new List<QuoteWord>();
        var clause = 0;
        var sentence = 0;
        var previousEnd = 0;
        analyzer.ForEachWord(quote, 0, quote.Length, (word, start, end) =>
        {
            var gap = Unwrapped(quote.AsSpan(previousEnd, start - previousEnd));
            // «3.5», «1,200»: a point or a comma between digits is inside the number, no break.
            var inNumber = words.Count > 0 && gap.Length == 1 && NumberSeparators.Contains(gap[0]) && char.IsDigit(quote[start]) && char.IsDigit(quote[previousEnd - 1]);
            if (words.Count > 0 && !inNumber && gap.IndexOfAny(ClauseBreaks) >= 0) clause++;
            if (words.Count > 0 && !inNumber && gap.IndexOfAny(SentenceBreaks) >= 0) sentence++;
            previousEnd = end;
            var wordTerms = terms[start].ToArray();
            var form = word.ToString();
            words.Add(new QuoteWord(start, end, form, wordTerms, cues.GetValueOrDefault(start), clause, sentence, Array.ConvertAll(wordTerms, TermIds.Intern),
                TermIds.Intern(form), AnswerShapes.VerbKey(form), AnswerShapes.Bare(form)));
        });
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (NumbersItem(quote, words, i)) words[i] = words[i] with { Terms = [], TermIds = [], Cues = CueKinds.None };
        }
        return [.. words];
    }

    /// <summary>Whether word <paramref name="i"/> is the number of a numbered item (<see cref="ItemNumbers"/>).</summary>
    private static bool NumbersItem(string quote, List<QuoteWord> words, int i)
    {
        var (word, next) = (words[i], words[i + 1]);
        if (!word.Form.All(char.IsDigit)) return false;
        var previousEnd = i == 0 ? 0 : words[i - 1].End;
        return ItemNumbers.Numbers(i == 0, quote.AsSpan(previousEnd, word.Start - previousEnd), quote.AsSpan(word.End, next.Start - word.End), next.Form[0]);
    }

    /// <summary>The gap between two words with a wrapped line's break read as a space: a line that ends in spaces goes on on the next («بتاريخ 4  \nأيار/مايو 2017»).</summary>
    private static ReadOnlySpan<char> Unwrapped(ReadOnlySpan<char> gap)
    {
        var end = gap.IndexOf('\n');
        return end > 0 && gap[end - 1] is ' ' or '\t' && gap[(end + 1)..].IndexOf('\n') < 0 ? gap.ToString().Replace('\n', ' ') : gap;
    }
}
