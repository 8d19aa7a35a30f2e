using Assistant.Analysis;

namespace Assistant.Answering.ShortAnswers;

/// <summary>A span of a cited quote that may answer the question, with how sure the cut is.</summary>
/// <param name="Bonus">What the phrase earned by its place and its words (an anchor before it, a list …), apart from the
/// question's words around it.</param>
internal sealed record Phrase(CitedWords Quote, int First, int Last, double Score, double Bonus = 0)
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
    // The figures below were set by measuring short-answer accuracy over the development gold sets (docs/evaluation.md);
    // a phrase's score is: the question's words near it (weighed by rarity) + those of its sentence + the bonuses it earns
    // − the rank of its quote.

    /// <summary>How far (in words) the question's words are looked for around a phrase.</summary>
    private const int Reach = 8;
    /// <summary>Every question word near a phrase counts this much, plus its rarity (0–1): a common word still places it a little.</summary>
    internal const double AskedFloor = 0.25;
    /// <summary>Per different word of the question its whole sentence says: the answer is in the sentence that repeats the question.</summary>
    private const double SentenceWeight = 0.5;
    /// <summary>Per rank below the best-supported quote: the quote the answer was chosen by holds the answer most often.</summary>
    internal const double RankPenalty = 2;
    /// <summary>A sentence about another month than the question names says what happened then, not what is asked: as
    /// much as an anchor weighs.</summary>
    internal const double OtherTimePenalty = AnchorBonus;
    /// <summary>Right after the word the question names its answer after («أي مكتب» → «مكتب المتحدث الرسمي»): the strongest sign.</summary>
    private const double AnchorBonus = 6;
    /// <summary>A place said with the country the question names it by («مدينة ألمانية» → «هامبورغ بألمانيا»).</summary>
    private const double QualifierBonus = 2 * AnchorBonus;
    /// <summary>A place said with the place it lies in («فى دا نانغ بفيتنام»): it names where more closely than a country
    /// or a region alone («في فيتنام»), which the text also says of the same event.</summary>
    private const double WithinPlaceBonus = 3;
    /// <summary>How many words a place's name may have before «ب» + the place it lies in («دا نانغ»).</summary>
    private const int MaxPlaceNameWords = 2;
    /// <summary>A noun whose pronoun the question uses may name the answer after it, or may stand for something else.</summary>
    private const double ReferentBonus = 3;
    /// <summary>Per side of a phrase that touches one of the question's words.</summary>
    private const double NeighbourBonus = 0.5;
    private const double FullDateBonus = 1;
    /// <summary>A page's own date («التاريخ : 22 ديسمبر 2017»), kept only when the question asks when something was published
    /// (<see cref="CitedWords"/>): that is what it asks, over the dates of what the page reports («المذكرة الموقعة بتاريخ 4 أيار»).</summary>
    private const double PublishedBonus = AnchorBonus;
    /// <summary>A date over the event that bounds the time («حتى الهزيمة النهائية لداعش»), when both are said as near the question's words.</summary>
    private const double DateBonus = 2;
    /// <summary>A run whose rarest word is in one retrieved passage only (a name) earns this much over one of common words.</summary>
    private const double RarityWeight = 0.5;
    /// <summary>Per new word of a run, up to <see cref="MaxCountedWords"/>: a word squeezed between two of the question's
    /// («إمكانية» in «للبحث في إمكانية إنشاء آليات») is seldom what it asks; a name or a list is said in several.</summary>
    private const double LengthWeight = 1;
    private const int MaxCountedWords = 3;
    /// <summary>A list of several for a «من/ما + noun» question: a little over one member, less than an anchor.</summary>
    private const double ListBonus = 1.5;
    private const int MaxPhraseWords = 7;
    private const int MaxListWords = 12;
    /// <summary>How many of the question's words may stand between an anchor and the answer («المبادرة الروسية الخاصة…»).</summary>
    private const int MaxLeadIn = 3;
    /// <summary>How far before «بما في ذلك» the noun it lists the members of may stand («آليات مشتركة مع روسيا لضمان الاستقرار، بما في ذلك»).</summary>
    private const int MaxElaboratedReach = 6;
    private const int MaxBoundWords = 8;
    private const int MaxReasonWords = 12;

    /// <summary>Words of time that name no particular day on their own: a date needs more than «اليوم» or «العام».</summary>
    private static readonly HashSet<string> VagueTimeWords = new(StringComparer.Ordinal)
    {
        "اليوم", "امس", "مساء", "صباح", "الليله", "غدا", "الماضي", "المقبل", "عام", "العام",
    };

    /// <summary>«يوم» before a number, in matching form: the number is a day of the month.</summary>
    private static readonly HashSet<string> DayWords = new(StringComparer.Ordinal) { "يوم", "بيوم", "ويوم" };

    /// <summary>«الشهر» and the words that say which month by when it is said («الشهر الجاري», «الشهر الماضي»), in matching
    /// form: after a day's number they name its month.</summary>
    private const string MonthWord = "الشهر";
    private static readonly HashSet<string> RelativeMonths = new(StringComparer.Ordinal) { "الجاري", "الحالي", "الماضي", "المنصرم", "المقبل", "القادم" };

    /// <summary>Levantine months named in two words («تشرين الأول», «كانون الثاني»): the first word, then the second.</summary>
    private static readonly HashSet<string> TwoWordMonths = new(StringComparer.Ordinal) { "تشرين", "كانون" };
    private static readonly HashSet<string> MonthOrdinals = new(StringComparer.Ordinal) { "الاول", "الثاني" };

    /// <summary>
    /// Words that open the members of what was just named, in matching form: what follows fills the noun a «ما/أي»
    /// question asks with («آليات مشتركة…، بما في ذلك مناطق حظر الطيران», «بالإنجازات…، لا سيما هزيمة داعش»).
    /// </summary>
    private static readonly string[][] Elaborations =
    [
        ["بما", "في", "ذلك"], ["بما", "فيها"], ["بما", "فيهم"], ["بمن", "فيهم"], ["لا", "سيما"], ["ولا", "سيما"], ["لاسيما"], ["ولاسيما"],
        ["مثل"], ["منها"], ["ومنها"], ["من", "بينها"], ["وخاصه"], ["خاصه"], ["خصوصا"], ["وهي"], ["وهو"], ["وهم"],
    ];

    /// <summary>Pronouns that join a subject to what it is («المهم … هو تعزيز الاتفاق»).</summary>
    private static readonly HashSet<string> Copulas = new(StringComparer.Ordinal) { "هو", "هي", "هم" };

    /// <summary>Demonstratives that, before a copula, point back at what was just said («وهذا هو هدف…»), in matching form.</summary>
    private static readonly HashSet<string> Demonstratives = new(StringComparer.Ordinal) { "هذا", "وهذا", "فهذا", "هذه", "وهذه", "فهذه", "ذلك", "وذلك" };

    /// <summary>How many words before «وهذا هو…» are taken for what it points back at.</summary>
    private const int MaxReferredWords = 8;

    /// <summary>No verb keys: a referent anchors by its own terms only.</summary>
    private static readonly HashSet<string> EmptyKeys = [];

    /// <summary>Prepositions with a pronoun, in matching form: they end the phrase they complete.</summary>
    internal static readonly HashSet<string> PronounPrepositions = new(StringComparer.Ordinal)
    {
        "عليها", "عليه", "عليهم", "فيها", "فيه", "فيهم", "منها", "منه", "منهم", "بها", "به", "بهم", "لها", "له", "لهم", "عنها", "عنه", "عنهم", "اليها", "اليه", "اليهم",
    };

    /// <summary>Prepositions that introduce a place, as separate words.</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "في", "الي", "نحو", "قرب", "داخل" };

    public static Phrase? Cut(AnswerShape shape, IReadOnlyList<CitedWords> quotes, ShortAnswerAsk anchors) => shape switch
    {
        // A date is the fuller answer; the event that bounds the time answers when no date is said of the question's words.
        // «إلى متى…», «منذ متى…» ask for the bound their preposition names, which a date answers only without one.
        AnswerShape.Date when anchors.BoundOpeners is { } openers =>
            Best(quotes, q => Dates(q).Concat(Bounds(q).Select(s => (s.Item1, s.Item2, s.Item3 + (openers.Contains(q.Words[s.Item1].Form) ? AnchorBonus : 0))))),
        AnswerShape.Date => Best(quotes, q => Dates(q).Select(s => (s.Item1, s.Item2, s.Item3 + DateBonus)).Concat(Bounds(q))),
        AnswerShape.Number => Best(quotes, Numbers),
        // A place the gazetteer knows or a place noun introduces is what «أين» asks, or the name after the noun the question
        // asks with («تحرير الرقة» for «عملية تحرير أي مدينة»); any other name is no place, and the clause answers instead.
        // A country asked as who or what is named wherever the text says it, and its name is the surest sign of the answer;
        // the answer opens with that name («معتبراً أن "روسيا…» → «روسيا…») unless a place preposition introduces the phrase
        // («في عمان بالأردن»).
        AnswerShape.Place when anchors.AsksCountry => Best(quotes, q => Named(q, anchors, place: true, elaborated: false)
            .Select(s => FirstCountry(q, s.Item1, s.Item2) is { } country
                ? (PlacePrepositions.Contains(q.Words[s.Item1].Form) ? s.Item1 : country, s.Item2, s.Item3 + AnchorBonus) : s)
            .Where(s => NamesPlace(q, s.Item1, s.Item2) || FirstCountry(q, s.Item1, s.Item2) is not null || Anchored(q, s.Item1, anchors))),
        AnswerShape.Place => Best(quotes, q => Named(q, anchors, place: true, elaborated: false).Where(s => NamesPlace(q, s.Item1, s.Item2) || LiesBy(q, s.Item1, s.Item2) is not null || Anchored(q, s.Item1, anchors))),
        AnswerShape.Person => Best(quotes, q => Named(q, anchors, place: false, elaborated: true).Concat(BackReferences(q))),
        // Who is quoted, described before the name the question gives him by, is not what the question asks of what he said;
        // what a word of the asked kind introduces is that kind («خلال مؤتمر صحفي… أعلن بوتين أن…»).
        // «بأي صفة…», «في أي مناسبة…» are answered only by what a word of their kind introduces.
        AnswerShape.Thing when anchors.Introducers is { Count: > 0 } => Best(quotes, q => Named(q, anchors, place: false, elaborated: true).Where(s => AfterIntroducer(q, s.Item1, anchors))),
        AnswerShape.Thing => Best(quotes, q => Named(q, anchors, place: false, elaborated: true).Where(s => !Speaker(q, s.Item2) || AfterIntroducer(q, s.Item1, anchors)).Concat(BackReferences(q))),
        // A purpose may also be said before «وهذا هو هدف…», and why something must be done by what follows without it.
        AnswerShape.Reason => Best(quotes, q => Reasons(q).Concat(BackReferences(q)).Concat(WithoutIt(q))),
        // «ماذا أبرم…», «ما الذي توقعه…»: what the text says right after the question's verb, or nothing to cut.
        AnswerShape.Clause => Best(quotes, q => Named(q, anchors, place: false, elaborated: false).Where(s => (Anchored(q, s.Item1, anchors) || Parallel(q, s.Item1, s.Item2, anchors)) && !Speaker(q, s.Item2)).Concat(BackReferences(q))),
        _ => null,
    };

    /// <summary>The best-scoring span of any quote, by score, then the better-ranked quote, then the earlier span; null
    /// when none scores above 0. One pass: a phrase is made only for a span that leads so far.</summary>
    private static Phrase? Best(IReadOnlyList<CitedWords> quotes, Func<CitedWords, IEnumerable<(int First, int Last, double Bonus)>> spans)
    {
        Phrase? best = null;
        foreach (var q in quotes)
        {
            foreach (var s in spans(q))
            {
                var sentence = q.Words[s.First].Sentence;
                var score = q.WeighedAskedNear(s.First, s.Last, Reach, AskedFloor) + SentenceWeight * q.AskedInSentence(sentence) + s.Bonus - RankPenalty * q.Rank
                    - (q.OtherTimeSentences.Contains(sentence) ? OtherTimePenalty : 0);
                if (score > 0 && (best is null || Leads(score, q.Rank, s.First, best))) best = new Phrase(q, s.First, s.Last, score, s.Bonus);
            }
        }
        return best;

        static bool Leads(double score, int rank, int first, Phrase than) =>
            score != than.Score ? score > than.Score : rank != than.Quote.Rank ? rank < than.Quote.Rank : first < than.First;
    }

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
                // «تشرين الأول» is one month, whatever the question says of «الأول»: a date is never cut inside it.
                if (SecondWordOfMonth(quote, last + 1)) { last++; continue; }
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
            // «يوم 11 الشهر الجاري»: a number after «يوم» is a day of the month, and the word says so.
            var dayWord = first > 0 && !quote.BreakAfter(first - 1) && DayWords.Contains(words[first - 1].Form) && char.IsAsciiDigit(words[first].Form[0]);
            if (dayWord) first--;
            // «يوم 11 الشهر الجاري»: a day's number with the month named by when it is said is as whole a date as «11 نوفمبر».
            var ofMonth = char.IsAsciiDigit(words[end].Form[0]) && end + 2 < words.Count && !quote.BreakAfter(end) && !quote.BreakAfter(end + 1)
                && words[end + 1].Form == MonthWord && RelativeMonths.Contains(words[end + 2].Form);
            if (ofMonth) end += 2;
            var span = words.Skip(first).Take(end - first + 1).ToList();
            // A day's number or a number word alone («10», «الثلاثة») may count or number something: a date has a month, a weekday or a year.
            if (span.Any(w => !w.Asked && IsTime(w)) && (dayWord || ofMonth || span.Any(w => IsNamedTime(w) && !VagueTimeWords.Contains(w.Form))))
            {
                yield return (first, end, (ofMonth || span.Any(w => (w.Cues & CueKinds.Year) != 0 || w.Form.Length > 2 && char.IsDigit(w.Form[0])) || span.Count(IsTime) > 1 ? FullDateBonus : 0)
                    + (span.Any(w => (w.Cues & CueKinds.Published) != 0) ? PublishedBonus : 0));
            }
            i = last;
        }

        static bool IsTime(CitedWord word) => (word.Cues & (CueKinds.Time | CueKinds.Year)) != 0;
        static bool SecondWordOfMonth(CitedWords quote, int k) =>
            k > 0 && k < quote.Words.Count && !quote.BreakAfter(k - 1) && TwoWordMonths.Contains(quote.Words[k - 1].Form) && MonthOrdinals.Contains(quote.Words[k].Form);
        static bool IsNamedTime(CitedWord word) => (word.Cues & CueKinds.Year) != 0 || (word.Cues & (CueKinds.Time | CueKinds.Quantity)) == CueKinds.Time;
    }

    /// <summary>
    /// The event that bounds «متى»: a word of relative time and what it names («حتى الهزيمة النهائية لداعش»). When its
    /// sentence goes on to the date itself («قبل المؤتمر، وذلك بتاريخ 19-20 كانون الثاني/يناير 2018»), the bound runs on to
    /// that date and weighs as one: the date is what is asked, the bound what places it.
    /// </summary>
    private static IEnumerable<(int, int, double)> Bounds(CitedWords quote)
    {
        var words = quote.Words;
        List<(int First, int Last, double Bonus)>? dates = null;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if ((words[i].Cues & CueKinds.RelativeTime) == 0 || quote.BreakAfter(i) || words[i + 1].Asked) continue;
            var last = i + 1;
            while (last - i < MaxBoundWords && !quote.BreakAfter(last)) last++;
            dates ??= [.. Dates(quote)];
            var bound = last;
            var date = dates.FirstOrDefault(d => d.First > bound && d.First - bound <= MaxBoundToDate && words[d.First].Sentence == words[bound].Sentence);
            yield return date.Last > 0 ? (i, date.Last, date.Bonus + DateBonus) : (i, last, 0);
        }
    }

    /// <summary>How many words may stand between a bound and the date it runs on to («، وذلك بتاريخ»).</summary>
    private const int MaxBoundToDate = 4;

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
    /// <param name="elaborated">Whether the members after «بما في ذلك», «لا سيما» … fill what is asked: they name the members
    /// of a «ما/أي + noun» question's noun, not the object of a «ماذا» question's verb.</param>
    private static IEnumerable<(int, int, double)> Named(CitedWords quote, ShortAnswerAsk anchors, bool place, bool elaborated)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            // A run starts after a word that is no part of it, or after a word that introduces the asked kind of answer
            // («…القادم باعتبارها مبادرة…»).
            if (!Joins(words[i]) || (i > 0 && Joins(words[i - 1]) && !quote.BreakAfter(i - 1) && !anchors.Introduces(words[i - 1].Form))) continue;
            // The question's verb in another person («تلقى» for «تلقاه») is the anchor, not part of the answer after it.
            if (i + 1 < words.Count && !quote.BreakAfter(i) && Joins(words[i + 1]) && words[i].Word.VerbKey is { } key && anchors.VerbKeys.Contains(key)) i++;
            // So is a word that introduces the asked kind of answer («بوصفها ضامنا…» for «بأي صفة…»).
            else if (i + 1 < words.Count && !quote.BreakAfter(i) && Joins(words[i + 1]) && anchors.Introduces(words[i].Form)) i++;
            // And the last word of a listing connective («لا سيما هزيمة داعش»): the members follow it.
            else if (i + 1 < words.Count && !quote.BreakAfter(i) && Joins(words[i + 1]) && EndsElaboration(quote, i)) i++;
            var run = i;
            var last = RunEnd(quote, i);
            // A list goes on after a comma, with or without «و»: «تنظيم “القاعدة”، و حركة “طالبان”».
            // An item may repeat a word of the question («حركة “طالبان”» for «ما التنظيمات والحركات…»): the list is the answer.
            while (last - i < MaxListWords && quote.ListSeparatorAfter(last))
            {
                var next = last + 1 < words.Count && words[last + 1].Function && words[last + 1].Form == "و" ? last + 2 : last + 1;
                if (next >= words.Count || words[next].Function || (words[next].Cues & (CueKinds.Time | CueKinds.Year)) != 0) break;
                // A list of places goes on to the next place only («في سوتشي، لبحث الأزمة…» is a place and the purpose of going there).
                if (place && (words[next].Cues & CueKinds.Place) == 0) break;
                last = RunEnd(quote, next);
            }
            // «تنظيم “القاعدة”، و حركة “طالبان”، و “داعش”» for «…غير داعش؟»: the list ends before what the question sets aside.
            if (ExcludedItem(quote, i, last, anchors) is { } setAside) last = setAside;
            // A place is named in a few words: a run that names one ends with that name («في سوريا يقترب من نهايته…» →
            // «في سوريا»), unless a place preposition goes on to say where it lies («مدينة البوكمال قرب الحدود…»).
            if (place && PlaceNameEnd(quote, i, last) is { } placeEnd) last = placeEnd;
            // «البوكمال قرب الحدود مع العراق»: where a place lies is said by what it is near, ending with the country or city named.
            else if (place && LiesBy(quote, i, last) is { } near) last = near;
            // «التقى فيها الرئيسان في هامبورغ»: the words before the place's preposition say who or what, not where; the place
            // starts at its preposition, and the anchor before those words does not place it.
            if (place && PlaceAfterPreposition(quote, i, last) is { } placeStart) i = placeStart;
            var first = i;
            var (rarest, newWords) = NewWords(words, i, last);
            // «لرئيس جمهورية كازاخستان» for «من رئيس كازاخستان»: one word between two of the question's content words, in one
            // phrase with them, is a word of the question's own noun phrase that the question left out, not what it asks.
            // A word right after the noun the question asks with is the name it asks for («مدينة البوكمال قرب الحدود»).
            if (newWords == 1 && Inside(quote, i, last) && (!anchors.Anchors.ContainsAnyOf(quote.Words[i - 1].Terms) || InConstruct(quote, i)))
            {
                i = Math.Max(i, run);
                continue;
            }
            var bonus = Neighbours(quote, i, last) + RarityWeight * rarest + LengthWeight * Math.Min(MaxCountedWords, newWords);
            // «المنطقة الجنوبية الغربية من سوريا»: a place said as part of a country names where more closely than the country
            // alone («في سوريا»), which the text also says of the same thing.
            if (place && PartOf(quote, i, last) is { } whole)
            {
                last = whole;
                bonus += WithinPlaceBonus;
            }
            var before = i > 0 && !quote.BreakAfter(i - 1) ? i - 1 : -1;
            // A name may open with a short word the analyser keeps no term of («في دا نانغ»): it belongs to the place.
            if (place && before > 0 && words[before].Function && !PlacePrepositions.Contains(words[before].Form) && !quote.BreakAfter(before - 1)
                && PlacePrepositions.Contains(words[before - 1].Form))
            {
                i = before;
                before--;
            }
            // A list of several («المملكة الأردنية الهاشمية والاتحاد الروسي والولايات المتحدة») names the parties, members or
            // kinds a «من/ما + noun» question asks for; one member alone seldom answers it.
            if (elaborated && IsList(quote, i, last)) bonus += ListBonus;
            // «…و “داعش” و منظمات إرهابية أخرى بالشرق الأوسط»: what follows «X أخرى» is not an X the text names; the items
            // before «و X أخرى» are («تنظيم “القاعدة”، و حركة “طالبان”» for «ما المنظمات الإرهابية…»).
            // A run that opens with «آخر» («آخر بؤر الإرهاب») describes which, it names none: no anchor places it.
            if (elaborated && BeforeOthersOf(quote, last, anchors.Anchors)) bonus += AnchorBonus;
            var names = !Others.Contains(words[i].Form);
            // A copula says what something is («المهم الآن… هو تعزيز الاتفاق»), not where: it places no place.
            if (names && (AfterAnchor(quote, i, anchors.Anchors, anchors.Adjectives, anchors.VerbKeys, anchors.Governed) || anchors.Governed.Opens(quote, i) || (!place && AfterCopula(quote, i)) || AfterIntroducer(quote, i, anchors) || NamesInQuotes(quote, i, last) || ToWhom(quote, i, anchors))) bonus += AnchorBonus;
            else if (names && AfterAnchor(quote, i, anchors.Referents, anchors.Adjectives, EmptyKeys)) bonus += ReferentBonus;
            // Another of what the question sets aside, said as the text says that one: the surest sign, over any anchor.
            if (Parallel(quote, i, last, anchors)) bonus += ParallelBonus;
            // Members after «بما في ذلك» fill the question's noun when that noun is what they follow («آليات مشتركة…، بما في ذلك…»).
            if (elaborated && !anchors.OwnedByNoun && AfterElaboration(quote, i) is var connective and >= 0)
            {
                bonus += AnchorBonus;
                if (ElaboratesAnchor(quote, connective, anchors.Anchors)) bonus += AnchorBonus;
            }
            // «بمذكرة المبادئ» for «ما المذكرة…»: the noun the question asks with, in construct right before the run, is the
            // first word of the name it asks for.
            if (elaborated && KindInConstruct(quote, i - 1, anchors)) first = i - 1;
            if (place && before >= 0 && PlacePrepositions.Contains(words[before].Form))
            {
                first = before;
                bonus += NeighbourBonus;
                // The place it lies in closes the name of a place a preposition introduces; what follows is the rest of the
                // clause («في دا نانغ بفيتنام على تصميمهما…»).
                if (WithinPlace(quote, i, Math.Min(last, i + MaxPlaceNameWords)) is var within and >= 0)
                {
                    last = within;
                    bonus += WithinPlaceBonus;
                }
                if (!quote.BreakAfter(last) && words[last + 1].Form.StartsWith('ب') && !words[last + 1].Function && (words[last + 1].Cues & CueKinds.Time) == 0)
                {
                    last++;
                    // The country the question names the place by («في أي مدينة ألمانية» → «في هامبورغ بألمانيا»): surer than
                    // the place noun alone («مدينة سوتشي الروسية»), since it tells the place asked for from the others.
                    if (anchors.Qualifiers is { } qualifiers && qualifiers.ContainsAnyOf(words[last].Terms)) bonus += QualifierBonus;
                }
            }
            yield return (first, last, bonus);
            i = Math.Max(i, run);
        }
    }

    /// <summary>
    /// The last word of the first place named in words <paramref name="first"/>..<paramref name="last"/> (a word the
    /// gazetteer knows after «في», or the name after a place noun) with the places and adjectives of origin after it
    /// («سوتشي الروسية»); null when the words name no place or a place preposition follows its name.
    /// </summary>
    private static int? PlaceNameEnd(CitedWords quote, int first, int last)
    {
        var words = quote.Words;
        var end = first;
        while (end <= last && !(words[end].New && (words[end].Cues & CueKinds.Place) != 0)) end++;
        if (end > last) return null;
        while (end < last && !quote.BreakAfter(end) && words[end + 1].New && ((words[end + 1].Cues & CueKinds.Place) != 0 || QuestionVocabulary.IsNisba(words[end + 1].Form))) end++;
        return end < last && PlacePrepositions.Contains(words[end + 1].Form) ? null : end;
    }

    /// <summary>How rare among the retrieved passages a word must be to name a venue («قمة آبيك», «مركز المتابعة»): a common
    /// one («الرئيسان») is who the passages speak of.</summary>
    private const double NamedRarity = 0.5;

    /// <summary>The first word of a place named after a place preposition inside words <paramref name="first"/>..<paramref name="last"/>
    /// when the words before that preposition name no place and are common (<see cref="NamedRarity"/>): they say who, not
    /// where («الرئيسان | في هامبورغ بألمانيا»); null otherwise.</summary>
    private static int? PlaceAfterPreposition(CitedWords quote, int first, int last)
    {
        var words = quote.Words;
        for (var k = first + 2; k <= last; k++)
        {
            if (!words[k - 1].Function || !PlacePrepositions.Contains(words[k - 1].Form)) continue;
            return NamesPlace(quote, k, last) && !NamesPlace(quote, first, k - 2) && NewWords(words, first, k - 2).Rarest < NamedRarity ? k : null;
        }
        return null;
    }

    /// <summary>Where, in words <paramref name="first"/>..<paramref name="last"/>, a place is followed by «ب» + the place it
    /// lies in («دا نانغ بفيتنام»); -1 without one.</summary>
    private static int WithinPlace(CitedWords quote, int first, int last)
    {
        for (var k = first + 1; k <= last && k < quote.Words.Count; k++)
        {
            if (quote.Words[k].Form[0] == 'ب' && (quote.Words[k].Cues & CueKinds.Place) != 0 && quote.Words[k - 1].New && !quote.BreakAfter(k - 1)) return k;
        }
        return -1;
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/> is an indefinite noun inside a construct of the question's words
    /// («لرئيس جمهورية كازاخستان» for «من هو رئيس كازاخستان»): part of the noun phrase the question left out, not the name
    /// it asks for. A name has the article («مدينة البوكمال»); an indefinite adjective in «ي» qualifies the noun before it
    /// («حل عسكري للصراع»); a word followed by an adjective of origin (<see cref="QuestionVocabulary.IsNisba"/>) is what
    /// that adjective describes.
    /// </summary>
    private static bool InConstruct(CitedWords quote, int i) =>
        !quote.Words[i].Form.StartsWith("ال", StringComparison.Ordinal) && !quote.Words[i].Form.EndsWith('ي') && !QuestionVocabulary.IsNisba(quote.Words[i + 1].Form);

    /// <summary>
    /// Whether word <paramref name="k"/> is the noun the question names its answer's kind by («المذكرة» in «ما المذكرة…»),
    /// without the article or a pronoun, so in construct with what follows it («بمذكرة المبادئ»): it opens that name. Not
    /// the verb «من/ما الذي» asks with («وتابع وزيرا خارجية البلدين» for «من تابع…»): it is no part of the answer.
    /// </summary>
    private static bool KindInConstruct(CitedWords quote, int k, ShortAnswerAsk ask) =>
        ask.KindIsNoun && k >= 0 && !quote.BreakAfter(k) && quote.Words[k] is { Function: false } word && ask.Kinds.ContainsAnyOf(word.Terms)
        && !Constituent.Definite(word.Form) && !Constituent.OwnsPronoun(word.Form);

    /// <summary>Whether words <paramref name="first"/>..<paramref name="last"/> stand between two content words of the question, with no break.</summary>
    private static bool Inside(CitedWords quote, int first, int last) =>
        first > 0 && !quote.BreakAfter(first - 1) && quote.Words[first - 1].Asked && !quote.Words[first - 1].Function
        && !quote.BreakAfter(last) && quote.Words[last + 1].Asked && !quote.Words[last + 1].Function;

    /// <summary>"Other" (and «آخر», also "last"), in matching form: «منظمات أخرى», «الدول الأخرى», «أطراف آخرين», «آخر بؤر».</summary>
    private static readonly HashSet<string> Others = new(StringComparer.Ordinal) { "اخري", "الاخري", "اخر", "الاخر", "اخرين", "الاخرين", "اخريات", "الاخريات" };

    /// <summary>
    /// Whether «و» + the question's noun + "other" follows word <paramref name="last"/> («“طالبان”، و “داعش” و منظمات إرهابية
    /// أخرى»): the run before it names members of that noun, the rest of them left unnamed.
    /// </summary>
    private static bool BeforeOthersOf(CitedWords quote, int last, IReadOnlySet<string> anchors)
    {
        var words = quote.Words;
        var j = last + 1;
        if (quote.BreakAfter(last) && !quote.QuotesOnlyAfter(last)) return false;
        if (j < words.Count && words[j].Form == "و" && !quote.BreakAfter(j)) j++;
        else if (!(j < words.Count && words[j].Form.Length > 3 && words[j].Form[0] == 'و')) return false;
        if (j >= words.Count || !anchors.ContainsAnyOf(words[j].Terms)) return false;
        for (var k = j + 1; k < words.Count && k - j <= MaxLeadIn && !quote.BreakAfter(k - 1); k++)
        {
            if (Others.Contains(words[k].Form)) return true;
            if (!words[k].Asked) return false;
        }
        return false;
    }

    /// <summary>
    /// What «وهذا هو» + the question's words points back at: the words said right before it, back to the clause's start or
    /// an earlier copula («…وخلق الظروف الملائمة للبدء بالعملية السياسية وهذا هو هدف الإعلان المشترك» for «ما هدف الإعلان؟»).
    /// </summary>
    private static IEnumerable<(int, int, double)> BackReferences(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 1; i + 2 < words.Count; i++)
        {
            if (!Demonstratives.Contains(words[i].Form) || quote.BreakAfter(i) || !Copulas.Contains(words[i + 1].Form) || quote.BreakAfter(i + 1) || !words[i + 2].Asked) continue;
            var last = i - 1;
            var first = last;
            while (first > 0 && last - first + 1 < MaxReferredWords && !quote.BreakAfter(first - 1) && !Copulas.Contains(words[first - 1].Form)) first--;
            while (first < last && words[first].Function) first++;
            if (words.Skip(first).Take(last - first + 1).Any(w => w.New)) yield return (first, last, AnchorBonus);
        }
    }

    /// <summary>
    /// Whether an anchor comes right before word <paramref name="i"/>, or before the question's own words and
    /// prepositions that lead up to it («على مدينة البوكمال», «المبادرة الروسية الخاصة بعقد…» for «ما المبادرة الروسية»).
    /// </summary>
    /// <param name="adjectives">Words that share an anchor's term but are its adjective («الدولي» for «الدول»): no anchor.</param>
    /// <param name="verbKeys">The anchors as <see cref="AnswerShapes.VerbKey"/>s: a verb said in another person anchors too.</param>
    /// <param name="governed">The preposition the question fronts with its verb: it anchors only after that verb.</param>
    private static bool AfterAnchor(CitedWords quote, int i, IReadOnlySet<string> anchors, IReadOnlySet<string> adjectives, IReadOnlySet<string> verbKeys, GovernedPreposition? governed = null)
    {
        var pastQuestionWord = false;
        for (var j = i - 1; j >= 0 && i - j <= MaxLeadIn; j--)
        {
            // A quoted name goes on the noun right before it («تنظيم “القاعدة”»): that noun anchors it, nothing before it. What
            // a verb or a preposition is followed by in quotation marks is what was said, not its object («يجب "أولاً…"»).
            var quoted = quote.BreakAfter(j);
            var word = quote.Words[j];
            if (quoted && !(j == i - 1 && quote.QuotesOnlyAfter(j) && !word.Function && !(word.Word.VerbKey is { } said && verbKeys.Contains(said)))) break;
            // A preposition anchors only what follows it directly («في سوريا ومناقشة…» is not what «في أي جزء» asks).
            if ((anchors.ContainsAnyOf(word.Terms) && !adjectives.Contains(word.Word.Bare)) || (anchors.Contains(word.Form) && !(word.Function && pastQuestionWord) && governed?.Places(quote, j) != false)
                || (!word.Function && word.Word.VerbKey is { } key && verbKeys.Contains(key))) return true;
            if (quoted || (!word.Asked && !word.Function)) return false;
            pastQuestionWord |= word.Asked;
        }
        return false;
    }

    /// <summary>Words that open what someone said, in matching form («قال … إنه يجب…», «أكد بأن…»).</summary>
    private static readonly HashSet<string> Complementizers = new(StringComparer.Ordinal) { "ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها" };

    /// <summary>
    /// Whether a run ending at word <paramref name="last"/> describes the speaker the question names: the question's own
    /// words follow it, then what he said («قال وزير الخارجية الأميركي ريكس | تيلرسون | إنه يجب…»).
    /// </summary>
    internal static bool Speaker(CitedWords quote, int last)
    {
        var words = quote.Words;
        var named = false;
        for (var j = last + 1; j < words.Count && j - last <= MaxLeadIn && !quote.BreakAfter(j - 1); j++)
        {
            if (Complementizers.Contains(words[j].Form)) return named;
            if (!words[j].Asked) return false;
            named = true;
        }
        return false;
    }

    /// <summary>
    /// The first word of what a speaker the question names said, in words <paramref name="from"/> to <paramref name="to"/>:
    /// the word after the first «أن/إن…» that follows one of the question's words; null without one.
    /// </summary>
    internal static int? SaidAfter(CitedWords quote, int from, int to)
    {
        for (var j = from + 1; j < to; j++)
        {
            if (Complementizers.Contains(quote.Words[j].Form) && quote.Words[j - 1].Asked) return j + 1;
        }
        return null;
    }

    /// <summary>Whether the span names a place the question does not: a word of it is one the gazetteer knows after «في»
    /// or a word for a place («مدينة البوكمال»), or it ends in the country the place is in («دا نانغ بفيتنام»).</summary>
    private static bool NamesPlace(CitedWords quote, int first, int last)
    {
        // A loop, not Skip/Take/Any: this runs for every run of new words of every quote a place question weighs.
        for (var i = Math.Max(0, first); i <= last && i < quote.Words.Count; i++)
        {
            if (quote.Words[i].New && (quote.Words[i].Cues & CueKinds.Place) != 0) return true;
        }
        return last > first && quote.Words[last].Form[0] == 'ب' && (quote.Words[last].Cues & CueKinds.Place) != 0;
    }

    /// <summary>The word after «من» + a country or place named right after a place in words <paramref name="first"/>..<paramref
    /// name="last"/> that ends them («الجنوبية الغربية | من سوريا»); null otherwise.</summary>
    private static int? PartOf(CitedWords quote, int first, int last)
    {
        var words = quote.Words;
        if (last + 2 >= words.Count || quote.BreakAfter(last) || quote.BreakAfter(last + 1) || words[last + 1].Form != PartitiveWord || !words[last + 2].New) return null;
        var places = CueKinds.Place | CueKinds.Country | CueKinds.CountryName;
        return (words[last + 2].Cues & places) != 0 && NamesPlace(quote, first, last) ? last + 2 : null;
    }

    /// <summary>«من», in matching form: after a place, what it is part of.</summary>
    private const string PartitiveWord = "من";

    /// <summary>Words that say where something lies by what it is near or within, in matching form («قرب الحدود مع العراق»).</summary>
    private static readonly HashSet<string> SpatialWords = new(StringComparer.Ordinal) { "قرب", "بالقرب", "داخل", "خارج", "شمال", "جنوب", "شرق", "غرب" };

    /// <summary>The first country or city named in words <paramref name="first"/>..<paramref name="last"/> when the first of
    /// them says where something lies (<see cref="SpatialWords"/>): the phrase names a place by it; null otherwise.</summary>
    private static int? LiesBy(CitedWords quote, int first, int last)
    {
        if (!SpatialWords.Contains(quote.Words[first].Form)) return null;
        for (var i = first + 1; i <= last && !quote.BreakAfter(i - 1); i++)
        {
            if (quote.Words[i].New && (quote.Words[i].Cues & (CueKinds.Place | CueKinds.CountryName | CueKinds.City)) != 0) return i;
        }
        return null;
    }

    /// <summary>The first word of the span that is a country's name the question does not say, after «في» or anywhere; null without one.</summary>
    private static int? FirstCountry(CitedWords quote, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (quote.Words[i].New && (quote.Words[i].Cues & (CueKinds.Country | CueKinds.CountryName)) != 0) return i;
        }
        return null;
    }

    /// <summary>Where the <see cref="Elaborations"/> connective right before word <paramref name="i"/> starts; -1 without one.</summary>
    private static int AfterElaboration(CitedWords quote, int i)
    {
        // Loops, not LINQ: this runs for every run of new words of every cited quote.
        foreach (var connective in Elaborations)
        {
            var start = i - connective.Length;
            if (start < 0) continue;
            var k = 0;
            while (k < connective.Length && quote.Words[start + k].Form == connective[k] && (start + k == i - 1 || !quote.BreakAfter(start + k))) k++;
            if (k == connective.Length) return start;
        }
        return -1;
    }

    /// <summary>Whether an <see cref="Elaborations"/> connective of more than one word ends at word <paramref name="i"/> («لا سيما»).</summary>
    private static bool EndsElaboration(CitedWords quote, int i)
    {
        foreach (var connective in Elaborations)
        {
            var start = i - connective.Length + 1;
            if (connective.Length < 2 || start < 0) continue;
            var k = 0;
            while (k < connective.Length && quote.Words[start + k].Form == connective[k] && (k == 0 || !quote.BreakAfter(start + k - 1))) k++;
            if (k == connective.Length) return true;
        }
        return false;
    }

    /// <summary>Whether an <see cref="Elaborations"/> connective opens at word <paramref name="i"/> («، وخاصة روسيا،»).</summary>
    internal static bool OpensElaboration(CitedWords quote, int i)
    {
        foreach (var connective in Elaborations)
        {
            var k = 0;
            while (k < connective.Length && i + k < quote.Words.Count && quote.Words[i + k].Form == connective[k] && (k == 0 || !quote.BreakAfter(i + k - 1))) k++;
            if (k == connective.Length) return true;
        }
        return false;
    }

    /// <summary>The rarity of the rarest new word of words <paramref name="first"/>..<paramref name="last"/>, and how many new words they hold.</summary>
    private static (double Rarest, int Count) NewWords(List<CitedWord> words, int first, int last)
    {
        var (rarest, count) = (double.MinValue, 0);
        for (var w = first; w <= last; w++)
        {
            if (!words[w].New) continue;
            rarest = Math.Max(rarest, words[w].Rarity);
            count++;
        }
        return (rarest, count);
    }

    /// <summary>Another of what the question sets aside, where the text says that one (<see cref="Parallel"/>): it tells the
    /// asked thing from the one set aside, surer than an anchor, which places both.</summary>
    private const double ParallelBonus = 2 * AnchorBonus;

    /// <summary>How many words may stand between what the question sets aside and another item of its list («المجتمع الدولي،
    /// وخاصة روسيا»: one).</summary>
    private const int MaxListGap = 3;

    /// <summary>
    /// Whether words <paramref name="first"/>..<paramref name="last"/> stand where the text says what the question sets aside
    /// (<see cref="ShortAnswerAsk.Excluded"/>), as another of its kind: after the same preposition in the same sentence
    /// («تحدثنا عن سوريا… كما تحدثنا أيضاً عن كوريا الشمالية» for «عن أي بلد غير سوريا…؟»), or as another item of its list
    /// («المجتمع الدولي، وخاصة روسيا» for «…إلى جانب المجتمع الدولي؟», «بأوكرانيا، وكوريا الشمالية» for «…غير كوريا الشمالية؟»).
    /// </summary>
    public static bool Parallel(Phrase phrase, ShortAnswerAsk ask) => Parallel(phrase.Quote, phrase.First, phrase.Last, ask);

    private static bool Parallel(CitedWords quote, int first, int last, ShortAnswerAsk ask)
    {
        var excluded = ask.Excluded;
        if (excluded.Count == 0) return false;
        var words = quote.Words;
        for (var j = 0; j < words.Count; j++)
        {
            // The thing itself, not an adjective of origin made from it («الأزمة السورية» for «غير سوريا»).
            if (words[j].Function || !excluded.ContainsAnyOf(words[j].Terms) || QuestionVocabulary.IsNisba(words[j].Form)
                || words[j].Sentence != words[first].Sentence || (j >= first && j <= last)) continue;
            // The same preposition before both, not «و» (it joins clauses as often as items), after the same word («تحدثنا»).
            if (j > 1 && first > 1 && words[j - 1].Function && words[j - 1].Form != "و" && words[j - 1].Form == words[first - 1].Form
                && !quote.BreakAfter(j - 1) && !quote.BreakAfter(first - 1) && SameGovernor(quote, j - 1, first - 1)) return true;
            // An item of a list is said as the question says it («بسوريا» is another word's complement). What is set aside
            // may be named in several words («المجتمع الدولي»): the list goes on after the last.
            if (!ask.SaysAsSetAside(words[j].Form)) continue;
            var end = j;
            while (end + 1 < first && !quote.BreakAfter(end) && excluded.ContainsAnyOf(words[end + 1].Terms)) end++;
            if ((end < first && first - end <= MaxListGap && ListedWith(quote, end, first)) || (last < j && j - last <= MaxListGap && ListedWith(quote, last, j))) return true;
        }
        return false;
    }

    /// <summary>Whether a content word of the same terms stands within <see cref="MaxLeadIn"/> words before each of the two
    /// prepositions at <paramref name="a"/> and <paramref name="b"/>, in their clauses: one verb or noun governs both.</summary>
    private static bool SameGovernor(CitedWords quote, int a, int b)
    {
        var words = quote.Words;
        for (var g = a - 1; g >= 0 && a - g <= MaxLeadIn && !quote.BreakAfter(g); g--)
        {
            if (words[g].Function) continue;
            for (var h = b - 1; h >= 0 && b - h <= MaxLeadIn && !quote.BreakAfter(h); h--)
            {
                if (h != g && !words[h].Function && words[h].Terms.Any(words[g].Terms.Contains)) return true;
            }
        }
        return false;
    }

    /// <summary>Whether word <paramref name="b"/> is the next item of a list after word <paramref name="a"/>: only a comma,
    /// «و» or a listing connective («وخاصة») stands between them, and «و» or the connective does (a comma alone parts clauses
    /// as often: «…برقم 2254، بالتوافق مع…»). Any other word between them
    /// («سوريا، وهذا مهم…»), or a demonstrative after them, opens a clause, not an item.</summary>
    private static bool ListedWith(CitedWords quote, int a, int b)
    {
        var words = quote.Words;
        if (Demonstratives.Contains(words[b].Form)) return false;
        var joined = words[b].Form.Length > 3 && words[b].Form[0] == 'و';
        for (var k = a; k < b; k++)
        {
            if (quote.BreakAfter(k) && !quote.ListSeparatorAfter(k) && !quote.QuotesOnlyAfter(k)) return false;
            if (k == a) continue;
            if (!(words[k].Form == "و" || OpensElaboration(quote, k) || EndsElaboration(quote, k))) return false;
            joined = true;
        }
        return joined;
    }

    /// <summary>The last word before the first item of words <paramref name="first"/>..<paramref name="last"/> that the question
    /// sets aside, when that item is listed after the run's own; null without one.</summary>
    private static int? ExcludedItem(CitedWords quote, int first, int last, ShortAnswerAsk ask)
    {
        if (ask.Excluded.Count == 0) return null;
        var words = quote.Words;
        for (var j = first + 1; j <= last; j++)
        {
            if (words[j].Function || !ask.Excluded.ContainsAnyOf(words[j].Terms) || !ask.SaysAsSetAside(words[j].Form)) continue;
            var end = j - 1;
            while (end > first && words[end].Function) end--;
            return ListedWith(quote, end, j) ? end : null;
        }
        return null;
    }

    /// <summary>Whether word <paramref name="i"/> follows a word the question names its answer after, or a copula after the question's words.</summary>
    private static bool Anchored(CitedWords quote, int i, ShortAnswerAsk ask) =>
        AfterIntroducer(quote, i, ask) || AfterAnchor(quote, i, ask.Anchors, ask.Adjectives, ask.VerbKeys, ask.Governed) || ask.Governed.Opens(quote, i) || AfterAnchor(quote, i, ask.Referents, ask.Adjectives, EmptyKeys) || AfterCopula(quote, i);

    /// <summary>
    /// Whether words <paramref name="first"/>..<paramref name="last"/> stand in quotation marks right after a content word
    /// of the question: the name or the members of what the question names («القمة الثلاثية ” التركية – الروسية – الإيرانية “»).
    /// </summary>
    private static bool NamesInQuotes(CitedWords quote, int first, int last) =>
        first > 0 && quote.Words[first - 1].Asked && !quote.Words[first - 1].Function && quote.QuoteMarkOnlyAfter(first - 1) && quote.QuoteMarkAfter(last);

    /// <summary>Whether word <paramref name="i"/> says to whom, as «لمن» asks: it opens with «ل» right after one of the question's
    /// words («تعرب عن خالص امتنانها لرئيس جمهورية كازاخستان» for «لمن عبّرت… عن امتنانها»).</summary>
    private static bool ToWhom(CitedWords quote, int i, ShortAnswerAsk ask) =>
        ask.ToWhom && i > 0 && quote.Words[i].Form.Length > 3 && quote.Words[i].Form[0] == 'ل' && quote.Words[i - 1].Asked && !quote.BreakAfter(i - 1);

    /// <summary>Whether a word that introduces the asked kind of answer comes right before word <paramref name="i"/> («بصفتها ضامني…»).</summary>
    private static bool AfterIntroducer(CitedWords quote, int i, ShortAnswerAsk ask) => i > 0 && !quote.BreakAfter(i - 1) && ask.Introduces(quote.Words[i - 1].Form);

    /// <summary>
    /// Whether «هو/هي» right before word <paramref name="i"/> follows the question's words: what the question asks about is
    /// said first and its value after the copula («المهم الآن بعد اختتام هذا العمل هو تعزيز الاتفاق…» for «ما المهم بعد…»).
    /// </summary>
    private static bool AfterCopula(CitedWords quote, int i)
    {
        if (i < 2 || quote.BreakAfter(i - 1) || !Copulas.Contains(quote.Words[i - 1].Form)) return false;
        for (var j = i - 2; j >= 0 && i - 1 - j <= MaxLeadIn + 1 && !quote.BreakAfter(j); j--)
        {
            if (quote.Words[j].Asked) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a phrase for a «ما/أي + noun» question is a sure cut: it follows an anchor, a copula or a listing connective
    /// (its bonus holds <see cref="AnchorBonus"/>), or it lists several items, as a plural noun asks. Otherwise the question's
    /// words around it alone placed it («التنفيذ الناجح» before what the sentence says of them), and the whole clause that
    /// says most of the question answers surer.
    /// </summary>
    public static bool Sure(Phrase phrase) => Anchored(phrase) || IsList(phrase.Quote, phrase.First, phrase.Last);

    /// <summary>Whether the phrase follows an anchor, a copula or a listing connective: its bonus holds <see cref="AnchorBonus"/>.</summary>
    public static bool Anchored(Phrase phrase) => phrase.Bonus >= AnchorBonus;

    /// <summary>Whether the span joins several items: a comma or a dash between two of its words, or a word that opens with «و».</summary>
    private static bool IsList(CitedWords quote, int first, int last)
    {
        // Loops, not Range/Skip/Take/Any: this runs for every run of new words of every quote a «من/ما + noun» question weighs.
        for (var i = first; i < last; i++)
        {
            if (quote.ListSeparatorAfter(i)) return true;
        }
        for (var i = Math.Max(0, first + 1); i <= last && i < quote.Words.Count; i++)
        {
            var form = quote.Words[i].Form;
            if (form.Length > 3 && form[0] == 'و' && quote.Words[i].New) return true;
        }
        return false;
    }

    /// <summary>Whether the question's noun is said in the few words before the connective at <paramref name="connective"/>: the members are its members.</summary>
    private static bool ElaboratesAnchor(CitedWords quote, int connective, IReadOnlySet<string> anchors)
    {
        for (var j = connective - 1; j >= 0 && connective - j <= MaxElaboratedReach && quote.Words[j].Sentence == quote.Words[connective].Sentence; j--)
        {
            if (anchors.ContainsAnyOf(quote.Words[j].Terms)) return true;
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

    /// <summary>The shortest word that is «ل» + a verbal noun: «لبحث», «لدعم», «لمنع» (a verbal noun of three letters); shorter
    /// ones are particles («لقد», «لكن»).</summary>
    private const int MinPurposeLength = 4;

    /// <summary>«ل» before a verbal noun states a purpose («لبناء الثقة», «لتعزيز», «لبحث الأزمة»); «لا» and «لدى» are other words.</summary>
    private static bool IsPurpose(CitedWord word) =>
        word.New && word.Form.Length >= MinPurposeLength && word.Form[0] == 'ل' && word.Form[1] is not ('ا' or 'ل') && (word.Cues & CueKinds.Time) == 0;

    /// <summary>A stated purpose or cause and the rest of its clause («لضمان سلامة القوات», «لأنها تؤكد…»).</summary>
    private static IEnumerable<(int, int, double)> Reasons(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 0; i < words.Count; i++)
        {
            // «في ضوء ما حدث»: a causal preposition of two words opens with its first.
            var causal = CausalPrepositionAt(quote, i);
            if (!(IsReason(words[i]) || IsPurpose(words[i]) || causal) || words[i].Asked) continue;
            var last = i;
            while (last - i < MaxReasonWords && !quote.BreakAfter(last)) last++;
            // «…أنها مهمة لأنها تؤكد…»: a reason said right after one of the question's words is the reason for it.
            yield return (i, last, i > 0 && !quote.BreakAfter(i - 1) && words[i - 1].Asked ? ReasonAfterAskedBonus : 0);
            if (causal) i++;
        }
    }

    /// <summary>A reason right after the question's words gives the cause of what they say; one before them, of something
    /// else the sentence says («…أنها مهمة لأنها تؤكد… وهذا في غاية الأهمية | في ضوء ما حدث»): more than a neighbour weighs.</summary>
    private const double ReasonAfterAskedBonus = 2 * NeighbourBonus;

    /// <summary>Prepositions that give a cause, in matching form: one word («نظراً لـ», «بفضل», «جراء», «إثر», «بحكم») or
    /// a preposition and the noun it governs («في ضوء», «على ضوء», «على خلفية»).</summary>
    private static readonly string[][] CausalPrepositions =
    [
        ["نظرا"], ["بفضل"], ["جراء"], ["اثر"], ["بحكم"], ["في", "ضوء"], ["علي", "ضوء"], ["علي", "خلفيه"],
    ];

    /// <summary>Whether a <see cref="CausalPrepositions"/> entry opens at word <paramref name="i"/>, with a word after it.</summary>
    private static bool CausalPrepositionAt(CitedWords quote, int i)
    {
        foreach (var preposition in CausalPrepositions)
        {
            var k = 0;
            while (k < preposition.Length && i + k < quote.Words.Count && quote.Words[i + k].Form == preposition[k] && !quote.BreakAfter(i + k)) k++;
            if (k == preposition.Length) return true;
        }
        return false;
    }

    /// <summary>
    /// Why something must be done, said as what follows when it is not («يجب ضمان الاستقرار على الأرض وإذا لم نحقق الاستقرار
    /// هناك، فإن تقدمنا في هزيمة داعش قد يتراجع»): the clause a negated condition of the same sentence leads to, from the
    /// word after its opener («فإن») to its clause's end.
    /// </summary>
    private static IEnumerable<(int, int, double)> WithoutIt(CitedWords quote)
    {
        var words = quote.Words;
        for (var i = 1; i + 1 < words.Count; i++)
        {
            if (!AnswerShapes.ConsequenceOpeners.Contains(words[i].Form) || quote.BreakAfter(i)) continue;
            var condition = words.FindLastIndex(i - 1, w => w.Sentence == words[i].Sentence && AnswerShapes.Conditions.Contains(w.Form));
            if (condition < 0 || !AnswerShapes.NegatesCondition(words.Skip(condition).Take(i - condition).Select(w => w.Form).ToList())) continue;
            var last = i + 1;
            while (last - i < MaxReasonWords && !quote.BreakAfter(last)) last++;
            yield return (words[i].Function ? i + 1 : i, last, 0);
        }
    }

    /// <summary>The last word of the run of new words starting at <paramref name="first"/> (a preposition between two of them
    /// included), each item at most <see cref="MaxPhraseWords"/> long: a word joined by «و» opens the next item of a list
    /// («جمهورية إيران الإسلامية والاتحاد الروسي وجمهورية تركيا»), up to <see cref="MaxListWords"/> in all.</summary>
    private static int RunEnd(CitedWords quote, int first)
    {
        var words = quote.Words;
        var last = first;
        var item = first;
        while (last - item + 1 < MaxPhraseWords && last - first + 1 < MaxListWords && Joined(last))
        {
            if (Joins(words[last + 1]))
            {
                last++;
                if (Conjoined(words[last])) item = last;
            }
            // A preposition or a word the question says, between two new words: «الاستمرار في مكافحة», «المملكة الأردنية الهاشمية».
            else if (last - item + 2 < MaxPhraseWords && (words[last + 1].Function || words[last + 1].Asked) && Joined(last + 1) && last + 2 < words.Count && Joins(words[last + 2])) last += 2;
            else break;
        }
        // A preposition with a pronoun completes the phrase before it («حدود جغرافية متفق عليها»).
        if (!quote.BreakAfter(last) && PronounPrepositions.Contains(words[last + 1].Form)) last++;
        return last;

        bool Joined(int i) => !quote.BreakAfter(i) || quote.QuotesOnlyAfter(i);
    }

    /// <summary>A new word joined to what precedes by «و» («وجمهورية»): the next item of a list.</summary>
    private static bool Conjoined(CitedWord word) => Joins(word) && word.Form.Length > 3 && word.Form[0] == 'و';

    /// <summary>A new word that can be part of a name: not a date («في عمان بالأردن في 8 تشرين الثاني», «ستعقد اليوم في سوتشي»).</summary>
    private static bool Joins(CitedWord word) => word.New && (word.Cues & (CueKinds.Time | CueKinds.Year)) == 0;
}
