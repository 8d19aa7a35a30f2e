using System.Globalization;
using Assistant.Analysis;
using static Assistant.Answering.Llm.Facts.FactVocabulary;

namespace Assistant.Answering.Llm.Facts;

/// <summary>A word of a claim or a span with the facts it carries.</summary>
/// <param name="Form">The normalised word, stop words included (negation particles are stop words to the analyser).</param>
/// <param name="Terms">Its analysed terms; empty for a stop word.</param>
/// <param name="Start">Offset of the word in the text it was read from.</param>
internal sealed class FactWord(string form, string[] terms, int start, int end)
{
    public string Form { get; } = form;
    public string[] Terms { get; } = terms;

    /// <summary>Its terms and their rough roots («دامت» meets «دام», «يعتمد» «اعتمد»), what words are matched by.</summary>
    /// <remarks>Made when first asked for: only the claim checks match by them.</remarks>
    public HashSet<string> Keys => field ??= Facts.FactVocabulary.KeysOf(Terms);
    public int Start { get; } = start;
    public int End { get; } = end;

    /// <summary>A negation particle stands before it in its clause («لا يوجد حل عسكري»: «يوجد», «حل» and «عسكري»).</summary>
    public bool Negated { get; set; }

    /// <summary>The word a negation particle negates: the first with content after it («يوجد» in «لا يوجد حل»).</summary>
    public bool NegationHead { get; set; }

    /// <summary>Its value when it is a number, a number word or an ordinal.</summary>
    public double? Number { get; set; }

    /// <summary>The number is part of a date (a day before a month, a year).</summary>
    public bool InDate { get; set; }

    public int? Month { get; set; }
    public int? Weekday { get; set; }

    /// <summary>+1 for a word of increase, -1 for one of decrease, 0 otherwise.</summary>
    public int Direction { get; set; }

    /// <summary>The terms of what a word of increase or decrease applies to (the next content word).</summary>
    public string[] Changed { get; set; } = [];

    /// <summary>A negation particle itself.</summary>
    public bool IsNegator { get; set; }

    /// <summary>A word that must be found in the span: it has terms and is neither framing nor a number, month or weekday (checked as such).</summary>
    public bool IsContent => Terms.Length > 0 && !IsNegator && Number is null && Month is null && Weekday is null && !Terms.Any(Framing.Contains);

    public bool IsName => Terms.Any(Names.Contains) || Form.Any(char.IsAsciiLetter);
}

/// <summary>Reads the words of a text with the facts each carries: numbers and dates, negation, direction of change.</summary>
internal sealed class FactReader(ArabicTextAnalyzer analyzer)
{
    /// <summary>Content words a negation reaches: «لا يوجد حل عسكري للصراع» negates «يوجد حل عسكري».</summary>
    private const int NegationReach = 3;

    /// <summary>Characters that end a clause, and with it a negation's reach.</summary>
    private const string ClauseBreaks = ".،,؛;:!?؟«»\"“”()\n";

    public IReadOnlyList<FactWord> Read(string text, int start, int end)
    {
        var words = new List<FactWord>();
        var breaks = new List<bool>();
        var previousEnd = start;
        analyzer.ForEachWord(text, start, end, (form, wordStart, wordEnd) =>
        {
            var terms = analyzer.Analyze(text, wordStart, wordEnd).Select(t => t.Term).Distinct().ToArray();
            words.Add(new FactWord(form.ToString(), terms, wordStart, wordEnd));
            breaks.Add(text.AsSpan(previousEnd, wordStart - previousEnd).IndexOfAny(ClauseBreaks) >= 0);
            previousEnd = wordEnd;
        });
        MarkDates(words);
        MarkNegation(words, breaks);
        MarkDirections(words, breaks);
        return words;
    }

    /// <summary>
    /// The words of <paramref name="text"/> that name a month, as <see cref="Read"/> marks them: a month is told by the
    /// words' forms alone, so they are not analysed.
    /// </summary>
    public IEnumerable<FactWord> MonthWords(string text)
    {
        // Most texts name no month: told by the words' endings, without a fact word or a string per word.
        if (!MayNameMonth(text)) return [];
        var words = new List<FactWord>();
        analyzer.ForEachWord(text, 0, text.Length, (form, wordStart, wordEnd) => words.Add(new FactWord(form.ToString(), [], wordStart, wordEnd)));
        MarkMonths(words);
        return words.Where(w => w.Month is not null);
    }

    /// <summary>
    /// Whether a word of <paramref name="text"/> ends with a month's name or the first word of a two-word one: every form
    /// <see cref="MarkMonths"/> looks up (the word, without its conjunction, proclitic or article) ends the word, so a
    /// text with none names no month.
    /// </summary>
    private bool MayNameMonth(string text)
    {
        var found = false;
        analyzer.ForEachWord(text, 0, text.Length, (form, _, _) =>
        {
            foreach (var length in MonthEndingLengths)
            {
                if (found) return;
                if (length <= form.Length && MonthEndingsBySpan.Contains(form[^length..])) found = true;
            }
        });
        return found;
    }

    private static void MarkDates(List<FactWord> words)
    {
        MarkMonths(words);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Month is not null) continue;
            if (TryGet(Weekdays, word.Form, out var weekday))
            {
                word.Weekday = weekday;
            }
            else if (word.Form.All(char.IsAsciiDigit))
            {
                word.Number = double.Parse(word.Form, CultureInfo.InvariantCulture);
            }
            else if (TryGet(NumberWords, word.Form, out var value))
            {
                word.Number = value;
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Number is not { } number || !IsDigits(words, i)) continue;
            var year = number is >= 1900 and <= 2100;
            var besideMonth = (i + 1 < words.Count && words[i + 1].Month is not null) || (i > 0 && words[i - 1].Month is not null);
            var afterYearWord = i > 0 && Bare(words[i - 1].Form) is "عام" or "سنه";
            words[i].InDate = year || besideMonth || afterYearWord;
        }
    }

    private static void MarkMonths(List<FactWord> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i + 1 < words.Count && TwoWordMonths.TryGetValue((Bare(word.Form), words[i + 1].Form), out var levantine))
            {
                // «تشرين الثاني» is November, not an ordinal: the second word is part of the month.
                word.Month = words[i + 1].Month = levantine;
                i++;
                continue;
            }
            if (TryGet(Months, word.Form, out var month) && (!AmbiguousMonths.Contains(Bare(word.Form)) || IsDigits(words, i - 1) || IsDigits(words, i + 1)))
            {
                word.Month = month;
            }
        }
    }

    private static bool IsDigits(List<FactWord> words, int i) => i >= 0 && i < words.Count && words[i].Form.All(char.IsAsciiDigit);

    private static void MarkNegation(List<FactWord> words, List<bool> breaks)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!Contains(Negators, words[i].Form)) continue;
            words[i].IsNegator = true;
            if (i + 1 < words.Count && Contains(NotNegated, words[i + 1].Form)) continue;
            var reached = 0;
            for (var j = i + 1; j < words.Count && reached < NegationReach; j++)
            {
                if (breaks[j] || Contains(NegationEnds, words[j].Form) || Contains(Negators, words[j].Form)) break;
                if (words[j].Terms.Length == 0) continue;
                words[j].Negated = true;
                words[j].NegationHead = reached == 0;
                reached++;
            }
        }
    }

    private static void MarkDirections(List<FactWord> words, List<bool> breaks)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            word.Direction = word.Terms.Any(Increase.Contains) ? 1
                : word.Terms.Any(Decrease.Contains) ? -1
                : Bare(word.Form) == Limit && i + 1 < words.Count && words[i + 1].Form == "من" ? -1
                : 0;
            if (word.Direction == 0) continue;
            // What changes is the next word with content of its own, in the same clause («زيادة مساهمتها», «خفض التصعيد»).
            for (var j = i + 1; j < words.Count && j <= i + 3 && !breaks[j]; j++)
            {
                if (words[j].Terms.Length == 0 || words[j].IsNegator) continue;
                word.Changed = words[j].Terms;
                break;
            }
        }
    }
}
