namespace Assistant.Answering.ShortAnswers;

/// <summary>A span of a cited quote that may answer the question, with how sure the cut is.</summary>
internal sealed record Phrase(CitedWords Quote, int First, int Last, double Score)
{
    public string Text => Quote.Text(First, Last);
}

/// <summary>
/// Cuts, from the cited quotes, the phrase each <see cref="AnswerShape"/> asks for. A phrase is made of words the
/// question does not already say, and the best one stands among the question's own words (the answer is said of the
/// question's subject); a quote ranked lower weighs a little less. Nothing of the right shape: null, and the caller
/// falls back to the clause.
/// </summary>
internal static class PhraseCutter
{
    /// <summary>How far (in words) the question's words are looked for around a phrase.</summary>
    private const int Reach = 8;
    private const double RankPenalty = 0.5;
    private const int MaxPhraseWords = 6;
    private const int MaxBoundWords = 8;
    private const int MaxReasonWords = 12;

    /// <summary>Words of time that name no particular day on their own: a date needs more than «اليوم» or «العام».</summary>
    private static readonly HashSet<string> VagueTimeWords = new(StringComparer.Ordinal)
    {
        "اليوم", "امس", "مساء", "صباح", "الليله", "غدا", "الماضي", "المقبل", "عام", "العام",
    };

    /// <summary>Prepositions that introduce a place, as separate words.</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "في", "الي", "نحو", "قرب", "داخل", "من" };

    public static Phrase? Cut(AnswerShape shape, IReadOnlyList<CitedWords> quotes, IReadOnlySet<string> kindNoun) => shape switch
    {
        AnswerShape.Date => Best(quotes, Dates).Or(Best(quotes, Bounds)),
        AnswerShape.Number => Best(quotes, Numbers),
        AnswerShape.Place => Best(quotes, q => Places(q)).Or(Best(quotes, q => Named(q, kindNoun))),
        AnswerShape.Person or AnswerShape.Thing => Best(quotes, q => Named(q, kindNoun)),
        AnswerShape.Reason => Best(quotes, Reasons),
        _ => null,
    };

    private static Phrase? Or(this Phrase? phrase, Phrase? other) => phrase ?? other;

    private static Phrase? Best(IReadOnlyList<CitedWords> quotes, Func<CitedWords, IEnumerable<(int First, int Last, double Bonus)>> spans) =>
        quotes.SelectMany(q => spans(q).Select(s => new Phrase(q, s.First, s.Last, q.AskedNear(s.First, s.Last, Reach) + s.Bonus - RankPenalty * q.Rank)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Quote.Rank).ThenBy(p => p.First)
            .FirstOrDefault();

    /// <summary>Runs of date words («7 تموز/ يوليو، 2017», «الأربعاء», «عشرين نوفمبر») that the question does not give itself.</summary>
    private static IEnumerable<(int, int, double)> Dates(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsTime(words[i])) continue;
            var last = i;
            // A date runs on across its own punctuation («7 تموز/ يوليو، 2017»).
            while (last + 1 < words.Count && IsTime(words[last + 1])) last++;
            var span = words.Skip(i).Take(last - i + 1).ToList();
            if (span.Any(w => !w.Asked) && span.Any(w => !VagueTimeWords.Contains(w.Form))) yield return (i, last, 0);
            i = last;
        }

        static bool IsTime(CitedWord word) => (word.Cues & (CueKinds.Time | CueKinds.Year)) != 0;
    }

    /// <summary>The event that bounds «متى»: a word of relative time and what it names («حتى الهزيمة النهائية لداعش»).</summary>
    private static IEnumerable<(int, int, double)> Bounds(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if ((words[i].Cues & CueKinds.RelativeTime) == 0 || quote.BreakAfter(i) || words[i + 1].Asked) continue;
            var last = i + 1;
            while (last - i < MaxBoundWords && !quote.BreakAfter(last)) last++;
            yield return (i, last, 0);
        }
    }

    /// <summary>A number the question does not give, with the word it counts («ساعة», «آلاف الأرواح», «5623»).</summary>
    private static IEnumerable<(int, int, double)> Numbers(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsQuantity(words[i]) || words[i].Asked) continue;
            var last = i;
            while (last + 1 < words.Count && !quote.BreakAfter(last) && IsQuantity(words[last + 1])) last++;
            // The counted noun right after the number («آلاف الأرواح»), when the number does not end its clause.
            if (!quote.BreakAfter(last) && words[last + 1].New && (words[last].Cues & CueKinds.Quantity) != 0) last++;
            yield return (i, last, 0);
            i = last;
        }

        static bool IsQuantity(CitedWord word) => (word.Cues & CueKinds.Quantity) != 0 && (word.Cues & CueKinds.Year) == 0;
    }

    /// <summary>A preposition and the new words it introduces («في هامبورغ بألمانيا», «إلى فلوريدا»).</summary>
    private static IEnumerable<(int, int, double)> Places(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!PlacePrepositions.Contains(words[i].Form) || quote.BreakAfter(i) || !words[i + 1].New) continue;
            var last = NewRunEnd(quote, i + 1);
            // The country after the city, joined by ب: «في هامبورغ بألمانيا».
            if (!quote.BreakAfter(last) && words[last + 1].Form.StartsWith('ب') && !words[last + 1].Function && (words[last + 1].Cues & CueKinds.Time) == 0) last++;
            yield return (i, last, 0);
        }
    }

    /// <summary>
    /// New words beside the question's words: the name that follows a described role («الرئيس الكازاخستاني نور سلطان
    /// نازرباييف»), the object that follows a verb. A run right after the noun that names what is asked («مؤتمر جنيف»
    /// for «أي مؤتمر») is preferred.
    /// </summary>
    private static IEnumerable<(int, int, double)> Named(CitedWords quote, IReadOnlySet<string> kindNoun)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].New || (i > 0 && words[i - 1].New && !quote.BreakAfter(i - 1))) continue;
            var last = NewRunEnd(quote, i);
            var afterKind = i > 0 && !quote.BreakAfter(i - 1) && words[i - 1].Terms.Any(kindNoun.Contains) ? 1.0 : 0;
            yield return (i, last, afterKind);
        }
    }

    /// <summary>A stated purpose or cause and the rest of its clause («لضمان سلامة القوات»).</summary>
    private static IEnumerable<(int, int, double)> Reasons(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if ((words[i].Cues & CueKinds.Reason) == 0 || words[i].Asked) continue;
            var last = i;
            while (last - i < MaxReasonWords && !quote.BreakAfter(last)) last++;
            yield return (i, last, 0);
        }
    }

    /// <summary>The last word of the run of new words starting at <paramref name="first"/>, at most <see cref="MaxPhraseWords"/> long.</summary>
    private static int NewRunEnd(CitedWords quote, int first)
    {
        var last = first;
        while (last - first + 1 < MaxPhraseWords && !quote.BreakAfter(last) && quote.Words[last + 1].New) last++;
        return last;
    }
}
