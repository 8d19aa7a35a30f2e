namespace Assistant.Answering.ShortAnswers;

/// <summary>A span of a cited quote that may answer the question, with how sure the cut is.</summary>
internal sealed record Phrase(CitedWords Quote, int First, int Last, double Score)
{
    public string Text => Quote.Text(First, Last);
}

/// <summary>
/// Cuts, from the cited quotes, the phrase each <see cref="AnswerShape"/> asks for. A phrase is made of words the
/// question does not already say, and the best one stands among the question's own words, in their sentence (the answer
/// is said of the question's subject): right after a word the question asks it after (<see cref="ShortAnswerAsk.Anchors"/>),
/// or between two of the question's words. A quote ranked lower weighs a little less. Nothing of the right shape: null,
/// and the caller falls back to the clause.
/// </summary>
internal static class PhraseCutter
{
    /// <summary>How far (in words) the question's words are looked for around a phrase.</summary>
    private const int Reach = 8;
    private const double RankPenalty = 0.5;
    private const double AnchorBonus = 6;
    private const double NeighbourBonus = 0.5;
    private const double FullDateBonus = 1;
    /// <summary>A run whose rarest word is in one retrieved passage only (a name) earns this much over one of common words.</summary>
    private const double RarityWeight = 0.5;
    private const int MaxPhraseWords = 6;
    private const int MaxListWords = 12;
    /// <summary>How many of the question's words may stand between an anchor and the answer («المبادرة الروسية الخاصة…»).</summary>
    private const int MaxLeadIn = 3;
    private const int MaxBoundWords = 8;
    private const int MaxReasonWords = 12;

    /// <summary>Words of time that name no particular day on their own: a date needs more than «اليوم» or «العام».</summary>
    private static readonly HashSet<string> VagueTimeWords = new(StringComparer.Ordinal)
    {
        "اليوم", "امس", "مساء", "صباح", "الليله", "غدا", "الماضي", "المقبل", "عام", "العام",
    };

    /// <summary>Prepositions that introduce a place, as separate words.</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "في", "الي", "نحو", "قرب", "داخل" };

    public static Phrase? Cut(AnswerShape shape, IReadOnlyList<CitedWords> quotes, IReadOnlySet<string> anchors) => shape switch
    {
        AnswerShape.Date => Best(quotes, Dates) ?? Best(quotes, Bounds),
        AnswerShape.Number => Best(quotes, Numbers),
        AnswerShape.Place => Best(quotes, q => Named(q, anchors, place: true)),
        AnswerShape.Person or AnswerShape.Thing => Best(quotes, q => Named(q, anchors, place: false)),
        AnswerShape.Reason => Best(quotes, Reasons),
        // «ماذا أبرم…», «ما الذي توقعه…»: what the text says right after the question's verb, or nothing to cut.
        AnswerShape.Clause => Best(quotes, q => Named(q, anchors, place: false).Where(s => s.Item3 >= AnchorBonus)),
        _ => null,
    };

    private static Phrase? Best(IReadOnlyList<CitedWords> quotes, Func<CitedWords, IEnumerable<(int First, int Last, double Bonus)>> spans) =>
        quotes.SelectMany(q => spans(q).Select(s => new Phrase(q, s.First, s.Last, q.AskedNear(s.First, s.Last, Reach) + s.Bonus - RankPenalty * q.Rank)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Quote.Rank).ThenBy(p => p.First)
            .FirstOrDefault();

    /// <summary>
    /// Runs of date words («7 تموز/ يوليو، 2017», «الأربعاء», «عشرين نوفمبر», «النصف الثاني من شباط/فبراير 2018») that
    /// the question does not give itself; one with a month or a year is the fuller answer.
    /// </summary>
    private static IEnumerable<(int, int, double)> Dates(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsTime(words[i])) continue;
            var last = i;
            // A date runs on across its own punctuation («7 تموز/ يوليو، 2017») and a word or two of its own («النصف الثاني من شباط»).
            while (true)
            {
                var next = last + 1;
                while (next < words.Count && next - last <= 3 && !IsTime(words[next]) && !words[next].Asked && !quote.BreakAfter(next - 1)) next++;
                // Across other words, only to a month, a weekday or a year, not to a number that may count something («بين الدول الثلاث»).
                // Right after, only across a comma («يوليو، 2017»), not into the next sentence or list item.
                var adjacent = next == last + 1 && (!quote.BreakAfter(last) || quote.CommaAfter(last));
                if (next < words.Count && IsTime(words[next]) && (adjacent || (next > last + 1 && !quote.BreakAfter(next - 1) && (words[next].Cues & CueKinds.Quantity) == 0))) last = next;
                else break;
            }
            var first = i;
            // «اليوم في 11 تشرين الثاني»: a vague word of time at the edge adds nothing to the date.
            while (first < last && (VagueTimeWords.Contains(words[first].Form) || words[first].Function)) first++;
            var end = last;
            while (end > first && (VagueTimeWords.Contains(words[end].Form) || words[end].Function)) end--;
            var span = words.Skip(first).Take(end - first + 1).ToList();
            // A day's number or a number word alone («10», «الثلاثة») may count or number something: a date has a month, a weekday or a year.
            if (span.Any(w => !w.Asked && IsTime(w)) && span.Any(w => IsNamedTime(w) && !VagueTimeWords.Contains(w.Form)))
            {
                yield return (first, end, span.Any(w => (w.Cues & CueKinds.Year) != 0 || w.Form.Length > 2 && char.IsDigit(w.Form[0])) || span.Count(IsTime) > 1 ? FullDateBonus : 0);
            }
            i = last;
        }

        static bool IsTime(CitedWord word) => (word.Cues & (CueKinds.Time | CueKinds.Year)) != 0;
        static bool IsNamedTime(CitedWord word) => (word.Cues & CueKinds.Year) != 0 || (word.Cues & (CueKinds.Time | CueKinds.Quantity)) == CueKinds.Time;
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
            while (last + 1 < words.Count && !quote.BreakAfter(last))
            {
                if (IsQuantity(words[last + 1])) last++;
                // «ساعة و نصف الساعة»: an amount goes on after «و».
                else if (words[last + 1].Form == "و" && last + 2 < words.Count && !quote.BreakAfter(last + 1) && IsQuantity(words[last + 2])) last += 2;
                else break;
            }
            // The counted noun right after the number («آلاف الأرواح»), when the number does not end its clause.
            if (!quote.BreakAfter(last) && words[last + 1].New) last++;
            yield return (i, last, Neighbours(quote, i, last));
            i = last;
        }

        static bool IsQuantity(CitedWord word) => (word.Cues & CueKinds.Quantity) != 0 && (word.Cues & CueKinds.Year) == 0;
    }

    /// <summary>
    /// Runs of new words beside the question's: the name after a described role («الرئيس الكازاخستاني نور سلطان
    /// نازرباييف»), the object after a verb, what follows an anchor («بين استخبارات البلدين»). A run may hold a
    /// preposition between two new words («الاستمرار في مكافحة الإرهاب»). A place introduced by a preposition keeps it,
    /// and the country joined by ب after the city («في هامبورغ بألمانيا»).
    /// </summary>
    private static IEnumerable<(int, int, double)> Named(CitedWords quote, IReadOnlySet<string> anchors, bool place)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!Joins(words[i]) || (i > 0 && Joins(words[i - 1]) && !quote.BreakAfter(i - 1))) continue;
            var last = RunEnd(quote, i);
            // A list goes on after a comma, with or without «و»: «تنظيم “القاعدة”، و حركة “طالبان”».
            while (last - i < MaxListWords && quote.CommaAfter(last))
            {
                var next = last + 1 < words.Count && words[last + 1].Function && words[last + 1].Form == "و" ? last + 2 : last + 1;
                if (next >= words.Count || !Joins(words[next])) break;
                last = RunEnd(quote, next);
            }
            var first = i;
            var bonus = Neighbours(quote, i, last) + RarityWeight * words.Skip(i).Take(last - i + 1).Where(w => w.New).Max(w => w.Rarity);
            var before = i > 0 && !quote.BreakAfter(i - 1) ? i - 1 : -1;
            if (AfterAnchor(quote, i, anchors)) bonus += AnchorBonus;
            if (place && before >= 0 && PlacePrepositions.Contains(words[before].Form))
            {
                first = before;
                bonus += NeighbourBonus;
                if (!quote.BreakAfter(last) && words[last + 1].Form.StartsWith('ب') && !words[last + 1].Function && (words[last + 1].Cues & CueKinds.Time) == 0) last++;
            }
            yield return (first, last, bonus);
        }
    }

    /// <summary>
    /// Whether an anchor comes right before word <paramref name="i"/>, or before the question's own words and
    /// prepositions that lead up to it («على مدينة البوكمال», «المبادرة الروسية الخاصة بعقد…» for «ما المبادرة الروسية»).
    /// </summary>
    private static bool AfterAnchor(CitedWords quote, int i, IReadOnlySet<string> anchors)
    {
        var pastQuestionWord = false;
        for (var j = i - 1; j >= 0 && i - j <= MaxLeadIn && !quote.BreakAfter(j); j--)
        {
            var word = quote.Words[j];
            // A preposition anchors only what follows it directly («في سوريا ومناقشة…» is not what «في أي جزء» asks).
            if (word.Terms.Any(anchors.Contains) || (anchors.Contains(word.Form) && !(word.Function && pastQuestionWord))) return true;
            if (!word.Asked && !word.Function) return false;
            pastQuestionWord |= word.Asked;
        }
        return false;
    }

    /// <summary>Half a point for each side of the span that touches one of the question's words: the answer is said of them.</summary>
    private static double Neighbours(CitedWords quote, int first, int last)
    {
        var words = quote.Words;
        var bonus = 0.0;
        if (first > 0 && !quote.BreakAfter(first - 1) && (words[first - 1].Asked || (first > 1 && words[first - 1].Function && words[first - 2].Asked))) bonus += NeighbourBonus;
        if (!quote.BreakAfter(last) && (words[last + 1].Asked || (last + 2 < words.Count && words[last + 1].Function && !quote.BreakAfter(last + 1) && words[last + 2].Asked))) bonus += NeighbourBonus;
        return bonus;
    }

    private static bool IsReason(CitedWord word) => (word.Cues & CueKinds.Reason) != 0 || word.Form.StartsWith("لان", StringComparison.Ordinal);

    /// <summary>«ل» before a verbal noun states a purpose («لبناء الثقة», «لتعزيز»); «لا» and «لدى» are other words.</summary>
    private static bool IsPurpose(CitedWord word) =>
        word.New && word.Form.Length >= 5 && word.Form[0] == 'ل' && word.Form[1] is not ('ا' or 'ل') && (word.Cues & CueKinds.Time) == 0;

    /// <summary>A stated purpose or cause and the rest of its clause («لضمان سلامة القوات», «لأنها تؤكد…»).</summary>
    private static IEnumerable<(int, int, double)> Reasons(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!(IsReason(words[i]) || IsPurpose(words[i])) || words[i].Asked) continue;
            var last = i;
            while (last - i < MaxReasonWords && !quote.BreakAfter(last)) last++;
            yield return (i, last, 0);
        }
    }

    /// <summary>The last word of the run of new words starting at <paramref name="first"/> (a preposition between two of them included), at most <see cref="MaxPhraseWords"/> long.</summary>
    private static int RunEnd(CitedWords quote, int first)
    {
        var words = quote.Words;
        var last = first;
        while (last - first + 1 < MaxPhraseWords && !quote.BreakAfter(last))
        {
            if (Joins(words[last + 1])) last++;
            else if (last - first + 2 < MaxPhraseWords && words[last + 1].Function && !quote.BreakAfter(last + 1) && last + 2 < words.Count && Joins(words[last + 2])) last += 2;
            else break;
        }
        return last;
    }

    /// <summary>A new word that can be part of a name: not a date («في عمان بالأردن في 8 تشرين الثاني», «ستعقد اليوم في سوتشي»).</summary>
    private static bool Joins(CitedWord word) => word.New && (word.Cues & (CueKinds.Time | CueKinds.Year)) == 0;
}
