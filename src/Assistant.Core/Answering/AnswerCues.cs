using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>Whether a span contains what an interrogative asks for: a date or time, a quantity, a stated reason; whether it speaks of the future, and of the next or an earlier one of a series.</summary>
internal static class AnswerCues
{
    // Matching forms (normalised, unstemmed).
    /// <summary>Weekdays: they name a day (<see cref="CueKinds.Day"/>), as a day of the month does.</summary>
    private static readonly HashSet<string> WeekdayWords = new(StringComparer.Ordinal)
    {
        "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
    };

    private static readonly HashSet<string> TimeWords = new(
        [.. WeekdayWords, "اليوم", "امس", "مساء", "صباح", "الليله", "غدا", "الماضي", "المقبل", "عام", "العام"], StringComparer.Ordinal);

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "واحد", "اثنان", "اثنين", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه",
        "ثمان", "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "مئه", "مائه", "الف", "مليون", "مليار", "نصف", "ربع", "عدد",
        "عشرات", "مئات", "الاف", "الوف", "ملايين",
    };

    /// <summary>Units of time that are an amount on their own ("استغرق ساعة", "يومين"); with the article ("الأشهر المقبلة") they are not.</summary>
    private static readonly HashSet<string> DurationUnits = new(StringComparer.Ordinal)
    {
        "ساعه", "ساعات", "ساعتين", "ساعتان", "دقيقه", "دقايق", "دقاءق", "دقيقتين", "ايام", "يومين", "يومان", "اسابيع", "اسبوعين",
        "اشهر", "شهور", "شهرين", "سنوات", "سنتين", "اعوام", "عامين",
    };

    private static readonly HashSet<string> ReasonWords = new(StringComparer.Ordinal)
    {
        "لتفادي", "لضمان", "لتحقيق", "بهدف", "بسبب", "لان", "لانه", "كي", "لكي", "بغيه", "اجل", "للمساعده", "لتجنب", "لمنع", "نتيجه",
    };

    /// <summary>
    /// Words that put an event in the future: an announced meeting ("ستُعقد اليوم", "قريباً", "القادم") or one being
    /// prepared ("التحضير لمؤتمر…") has had no results yet. The verbs are those that schedule an event, in the future tense.
    /// </summary>
    private static readonly HashSet<string> FutureWords = new(StringComparer.Ordinal)
    {
        "قريبا", "مقبل", "مقبله", "قادم", "قادمه", "مرتقب", "مرتقبه", "سوف", "غدا",
        "ستعقد", "سيعقد", "ستنعقد", "سينعقد", "ستجري", "سيجري", "ستبدا", "سيبدا", "ستنطلق", "سينطلق", "سيلتقي", "ستلتقي",
        "سيستضيف", "ستستضيف", "تحضير", "للتحضير", "تحضيري", "تحضيريا", "تحضيريه",
        "سيتم", "ستتم", "سيكون", "ستكون", "سيستمر", "ستستمر",
    };

    /// <summary>
    /// The same scheduling verbs in the past tense («متى انعقدت…», «أين عُقدت…»): a question that asks when or where an
    /// event took place is not answered by a sentence that announces it («سيعقد … بتاريخ 19-20 كانون الثاني»). «عقد» is
    /// left out, being as often the verbal noun («تنوي عقد مؤتمر…»), and «بدأ», which in matching form is «بدا نانغ».
    /// </summary>
    private static readonly HashSet<string> PastWords = new(StringComparer.Ordinal)
    {
        "عقدت", "انعقد", "انعقدت", "جري", "جرت", "انطلق", "انطلقت", "التقي", "التقت", "التقيا",
        "اجتمع", "اجتمعت", "اجتمعا", "استضاف", "استضافت", "تم", "تمت",
    };

    /// <summary>
    /// Words that make an event the next of a series («الاجتماع التالي», «الجولة المقبلة»): a date said of it is not the
    /// date of the one before, which a question without them asks about.
    /// </summary>
    private static readonly HashSet<string> NextWords = new(StringComparer.Ordinal)
    {
        "تالي", "تاليه", "مقبل", "مقبله", "قادم", "قادمه", "لاحق", "لاحقه",
    };

    /// <summary>
    /// Words that make an event an earlier one of a series («الاجتماع السابق», «في آخر مرة التقى فيها…» with
    /// <see cref="LastWord"/> before «مرة»): what is said of it is not of the one a question without them asks about.
    /// </summary>
    private static readonly HashSet<string> PreviousWords = new(StringComparer.Ordinal) { "سابق", "سابقه" };

    /// <summary>«آخر» («آخر مرة», «آخر لقاء»): the last one before.</summary>
    private const string LastWord = "اخر";

    /// <summary>«مرة» (occasion): after <see cref="LastWord"/>, the earlier meeting.</summary>
    private const string OccasionWord = "مره";

    /// <summary>«الساعة», before the number of a time of day.</summary>
    private const string ClockWord = "الساعه";

    /// <summary>Digits, a colon and digits («10:30»), read as one word or as the hour before the colon.</summary>
    private static bool IsClockTime(string text, int wordStart, int wordEnd, int end)
    {
        var colon = text.IndexOf(':', wordStart, Math.Min(end, wordEnd + 1) - wordStart);
        return char.IsAsciiDigit(text[wordStart]) && colon > wordStart && char.IsAsciiDigit(text[colon - 1]) && colon + 1 < end && char.IsAsciiDigit(text[colon + 1]);
    }

    /// <summary>An ordinal as written («العاشرة», «الثامن»): its stem without the article and the feminine ending.</summary>
    private static bool IsOrdinalWord(ReadOnlySpan<char> word)
    {
        if (word.StartsWith("ال")) word = word[2..];
        if (word.EndsWith("ه")) word = word[..^1];
        return Ordinals.IsOrdinal(word.ToString());
    }

    /// <summary>«قبل» and the stem of «سبق» (preceded): a question that has them asks of an earlier one.</summary>
    private const string BeforeWord = "قبل";
    private const string PrecededStem = "سبق";

    /// <summary>Spans of time: «next» after one («الأشهر المقبلة») says when, not which of a series.</summary>
    private static readonly HashSet<string> TimeSpans = new(StringComparer.Ordinal)
    {
        "يوم", "ايام", "اسبوع", "اسابيع", "شهر", "اشهر", "شهور", "عام", "اعوام", "سنه", "سنوات", "فتره", "مرحله", "ساعات", "عقود",
    };

    /// <summary>Months: a number next to one is part of a date, not a quantity.</summary>
    private static readonly HashSet<string> MonthWords = new(StringComparer.Ordinal)
    {
        "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
        "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
    };

    /// <summary>Words that place an event relative to another ("حتى القضاء على…", "بعد التخلص من…"): an answer to متى, not a date.</summary>
    private static readonly HashSet<string> RelativeTimeWords = new(StringComparer.Ordinal)
    {
        "حتي", "بعد", "قبل", "منذ", "عند", "عندما", "حين", "حينما", "فور", "اثناء", "خلال", "لحين", "ريثما",
    };

    /// <summary>Of those, the words that end a span of time («حتى تحقيق الهزيمة…», «لحين…»): what «إلى متى» asks for.</summary>
    private static readonly HashSet<string> BoundWords = new(StringComparer.Ordinal) { "حتي", "لحين", "ريثما", "لغايه" };

    private static readonly ArabicTextAnalyzer GazetteerAnalyzer = new();

    /// <summary>At most this many words between «في» and «بـ» + a country name make a place («في دا نانغ بفيتنام»): a name, not a clause.</summary>
    private const int MaxNamedBeforeCountry = 2;

    // Places in matching form, without the article, built from the gazetteer as Arabic is written. A name of two words
    // («دير الزور», «إسلام آباد») is matched as both words, never by its first word alone («إسلام», «نور»).
    private static readonly HashSet<string> PlaceNames = Matching(Places.Names.Where(name => !name.Contains(' ')));
    private static readonly HashSet<string> PlaceNouns = Matching(Places.Nouns);
    // «عمان» and «الجزائر» name a city as well as a country: only a name that is never a city is a country alone.
    private static readonly HashSet<string> CountryOnlyNames = [.. Matching(Places.Countries.Where(name => !name.Contains(' '))).Except(Matching(Places.Cities))];
    private static readonly HashSet<string> CityOnlyNames = [.. Matching(Places.Cities.Where(name => !name.Contains(' '))).Except(Matching(Places.Countries))];
    private static readonly Dictionary<string, HashSet<string>> PlacePairs = Pairs(Places.Names.Where(name => name.Contains(' ')));

    private static HashSet<string> Matching(IEnumerable<string> words) => words.Select(MatchingForms).Select(forms => forms[0]).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, HashSet<string>> Pairs(IEnumerable<string> names)
    {
        var pairs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var forms in names.Select(MatchingForms))
        {
            if (!pairs.TryGetValue(forms[0], out var seconds)) pairs[forms[0]] = seconds = new HashSet<string>(StringComparer.Ordinal);
            seconds.Add(forms[1]);
        }
        return pairs;
    }

    /// <summary>The words of a gazetteer entry in matching form, each without the article.</summary>
    private static string[] MatchingForms(string name) =>
        [.. GazetteerAnalyzer.Normalize(name).Split(' ').Select(form => form.StartsWith("ال", StringComparison.Ordinal) && form.Length > 4 ? form[2..] : form)];

    /// <summary>Labels of a page's date field («التاريخ : …»), in matching form.</summary>
    private static readonly HashSet<string> DateLabelWords = new(StringComparer.Ordinal) { "التاريخ", "تاريخ", "النشر" };

    /// <summary>Words that ask when something was published, in matching form: a page's own date answers only them.</summary>
    private static readonly HashSet<string> PublishingWords = new(StringComparer.Ordinal)
    {
        "نشر", "نشرت", "ينشر", "نشره", "نشرها", "صدر", "صدرت", "يصدر", "اصدر", "اصدرت", "صدوره", "صدورها", "كتب", "كتبت",
        "اتنشر", "اتنشرت", "اتكتب", "اتكتبت", // the Egyptian passive
        // Their participles: «التاريخ المكتوب على البيان», «بأي تاريخ منشور».
        "مكتوب", "المكتوب", "مكتوبه", "المكتوبه", "منشور", "المنشور", "منشوره", "المنشوره",
    };

    /// <summary>
    /// Words after which a bare day number dates something («يوم 11 الشهر الجاري», «في 8 …»). Without one, and without a
    /// month after it, a number is no date: «أستانا 8» names a round.
    /// </summary>
    private static readonly HashSet<string> DayIntroWords = new(StringComparer.Ordinal) { "يوم", "اليوم", "ويوم", "في", "وفي", "بتاريخ", "تاريخ", "منذ", "حتي" };

    /// <summary>Nouns whose following number is an identifier ("رقم 2254", "القرار 2254", "المرقم 2254"), not a quantity.</summary>
    private static readonly HashSet<string> NumberingWords = new(StringComparer.Ordinal) { "رقم", "الرقم", "مرقم", "المرقم", "قرار", "القرار" };

    /// <summary>
    /// Words that may name who issued what is numbered between it and its number («قرار مجلس الأمن الدولي 2254»): the
    /// number still identifies it.
    /// </summary>
    private const int MaxIssuerWords = 3;

    // Span lookups into the lists (declared after them: static initialisers run in order), so that a sentence's words
    // are looked up without a string each; only cues become strings.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Time = TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays = WeekdayWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DayIntro = DayIntroWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Numbers = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Months = MonthWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativeTime = RelativeTimeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Bound = BoundWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Durations = DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Future = FutureWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Past = PastWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Next = NextWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Spans = TimeSpans.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Previous = PreviousWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Numbering = NumberingWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateLabels = DateLabelWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Reasons = ReasonWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNameLookup = PlaceNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNounLookup = PlaceNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CountryLookup = CountryOnlyNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CityLookup = CityOnlyNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words of <c>text[start..end)</c> that can answer some interrogative, with what they can answer.</summary>
    public static IReadOnlyList<Cue> Find(string text, int start, int end, ArabicTextAnalyzer analyzer)
    {
        var cues = new List<Cue>();
        var previousWasDay = false;
        var previousIntroducesDay = false;
        var previousWasLatin = false;
        // Words since a numbering noun («رقم»، «القرار»), «int.MaxValue» when none is open.
        var sinceNumbering = int.MaxValue;
        var previousPlaceNoun = false;
        var previousIn = false;
        var previousEnd = start;
        var previousWasDateLabel = false;
        var previousWasClock = false;
        var published = false;
        var previousTimeSpan = false;
        var previousLast = false;
        string? pairStart = null;
        // The words after the last «في», up to MaxNamedBeforeCountry: «في دا نانغ بفيتنام» names the city through its country.
        var afterIn = new List<(string Word, int Start, int End)>();
        analyzer.ForEachWord(text, start, end, (word, wordStart, wordEnd) =>
        {
            // Where something happened is said with «في» or «بـ» before a place («في هامبورغ», «بفيتنام») or with a place
            // noun before its name («مدينة البوكمال»); a country named as a subject («سوريا» in «الحرب في سوريا» aside) is not.
            var withBa = word.Length > 3 && word[0] == 'ب' && IsPlaceName(word[1..]);
            var previousPlaceNounHere = previousPlaceNoun;
            var isPlace = previousPlaceNoun || (previousIn && IsPlaceName(word)) || withBa
                || (pairStart is not null && PlacePairs[pairStart].Contains(Bare(word).ToString()));
            pairStart = PairStart(word, previousIn);
            var namedThroughCountry = withBa && afterIn.Count is > 0 and <= MaxNamedBeforeCountry && !previousIn;
            // «في دا نانغ بفيتنام» is one place: each of its words carries the terms of all (Cue.Whole), so a question that
            // takes either as its point of reference («قبل قمة فيتنام», «قبل دا نانغ») is not answered by it.
            var wholePlace = namedThroughCountry ? analyzer.Terms(text[afterIn[0].Start..wordEnd]) : [];
            if (namedThroughCountry)
            {
                foreach (var (named, namedStart, namedEnd) in afterIn)
                {
                    var at = cues.FindIndex(c => c.Start == namedStart);
                    if (at < 0) cues.Add(new Cue(named, CueKinds.Place, namedStart, analyzer.Terms(text[namedStart..namedEnd])) { Whole = wholePlace });
                    else cues[at] = cues[at] with { Kinds = cues[at].Kinds | CueKinds.Place, Whole = wholePlace };
                }
            }
            if (word is "في" or "وفي") afterIn.Clear();
            else if (afterIn.Count <= MaxNamedBeforeCountry && (previousIn || afterIn.Count > 0)) afterIn.Add((word.ToString(), wordStart, wordEnd));
            previousPlaceNoun = In(PlaceNounLookup, word, Bare(word)) || (word.Length > 3 && word[0] is 'ب' or 'ل' && In(PlaceNounLookup, word[1..], Bare(word[1..])));
            previousIn = word is "في" or "وفي";
            // A number after a Latin word is part of a name ("G 20", "F16"), and one after "رقم" or "قرار" numbers a
            // resolution ("القرار رقم 2254"): neither is a count or a date.
            // «9-تعرب عن…»: an item's number counts nothing.
            var namePart = char.IsAsciiDigit(word[0]) && (previousWasLatin || sinceNumbering <= MaxIssuerWords || ItemNumbers.Numbers(text, start, previousEnd, wordStart, wordEnd, end));
            previousWasLatin = char.IsAsciiLetter(word[0]);
            sinceNumbering = In(Numbering, word, Bare(word)) || (word.Length > 3 && word[0] is 'ب' or 'ل' && In(Numbering, word[1..], Bare(word[1..]))) ? 0
                // A function word («بعد», «أن», «في») ends the issuer's name: «القرار بعد أن انتشر 900 جندي» counts.
                : char.IsAsciiDigit(word[0]) || sinceNumbering >= MaxIssuerWords || analyzer.Terms(word.ToString()).Count == 0 ? int.MaxValue : sinceNumbering + 1;
            if (namePart)
            {
                previousWasDay = false;
                previousIntroducesDay = false;
                previousWasDateLabel = false;
                previousEnd = wordEnd;
                return;
            }
            var bare = Bare(word);
            var kinds = CueKinds.None;
            // «الساعة العاشرة», «الساعة 10», «10:30»: a time of day.
            if ((previousWasClock && (char.IsAsciiDigit(word[0]) || In(Numbers, word, bare) || IsOrdinalWord(bare)))
                || IsClockTime(text, wordStart, wordEnd, end)) kinds |= CueKinds.Hour | CueKinds.Time;
            previousWasClock = WithoutConjunction(word).SequenceEqual(ClockWord);
            var isYear = IsYear(word);
            var dayOfMonth = IsDayOfMonth(word);
            var isDay = dayOfMonth || In(Numbers, word, bare);
            // A year, or a day before its month ("8 تشرين الثاني", "عشرين نوفمبر"), dates something rather than counts it.
            var isMonth = In(Months, word, bare);
            // «التاريخ : 22 ديسمبر 2017»: a date given as a field of the page dates the page, not what it reports.
            published = (isDay || isMonth || isYear) && (published || (previousWasDateLabel && text.AsSpan(previousEnd, wordStart - previousEnd).Contains(':')));
            previousWasDateLabel = In(DateLabels, word, bare);
            previousEnd = wordEnd;
            if (published) kinds |= CueKinds.Published;
            if (isMonth && previousWasDay)
            {
                cues[^1] = cues[^1] with { Kinds = CueKinds.Time | CueKinds.Day | (cues[^1].Kinds & CueKinds.Published) };
                // «21-22 كانون الأول»: the first day of a range is as much a date as the second.
                if (cues.Count > 1 && IsDayOfMonth(cues[^2].Word) && text.AsSpan(cues[^2].Start, cues[^1].Start - cues[^2].Start).TrimStart(cues[^2].Word).Trim() is "-" or "–")
                {
                    cues[^2] = cues[^2] with { Kinds = CueKinds.Time | CueKinds.Day | (cues[^2].Kinds & CueKinds.Published) };
                }
            }
            // A day of the month in digits after a word that introduces one, or a weekday, names a day; a month or a year
            // alone does not. (A day before its month was made a date above, at the month.)
            var introduced = previousIntroducesDay;
            previousIntroducesDay = In(DayIntro, word, bare);
            if ((dayOfMonth && introduced) || In(Weekdays, word, bare)) kinds |= CueKinds.Day;
            if (isYear) kinds |= CueKinds.Year;
            if (isYear || (isDay && introduced) || isMonth || In(Time, word, bare)) kinds |= CueKinds.Time;
            if (!isYear && (char.IsAsciiDigit(word[0]) || In(Numbers, word, bare) || Durations.Contains(WithoutConjunction(word)))) kinds |= CueKinds.Quantity;
            if (In(RelativeTime, word, bare)) kinds |= CueKinds.RelativeTime;
            if (In(Bound, word, bare)) kinds |= CueKinds.Bound;
            if (In(Reasons, word, bare)) kinds |= CueKinds.Reason;
            if (In(Future, word, bare)) kinds |= CueKinds.Future;
            if (In(Next, word, bare)) kinds |= previousTimeSpan ? CueKinds.Future : CueKinds.Future | CueKinds.Next;
            if ((In(Previous, word, bare) && !previousTimeSpan) || (previousLast && bare.SequenceEqual(OccasionWord))) kinds |= CueKinds.Earlier;
            previousTimeSpan = In(Spans, word, bare);
            previousLast = bare.SequenceEqual(LastWord);
            if (isPlace) kinds |= CueKinds.Place;
            // A country named on its own («بسوريا», «في روسيا»), not through a place noun before it, is not a city.
            if (isPlace && !previousPlaceNounHere && (In(CountryLookup, word, bare) || (withBa && In(CountryLookup, word[1..], Bare(word[1..]))))) kinds |= CueKinds.Country;
            // A city's name anywhere («تحرير الرقة») answers «أي مدينة», though not «أين» (it may be the subject, «موسكو ترحب»).
            if (!isPlace && In(CityLookup, word, bare)) kinds |= CueKinds.City;
            // So does a country's name anywhere («روسيا تتحمل…», «عن كوريا الشمالية») answer «أي دولة», though not «أين».
            if (!isPlace && In(CountryLookup, word, bare)) kinds |= CueKinds.CountryName;
            // A place is also compared by its analysed terms: «فيتنام» is what «مدينة فيتنامية» already says.
            if (kinds != CueKinds.None)
            {
                var terms = isPlace || kinds.HasFlag(CueKinds.City) ? analyzer.Terms(text[wordStart..wordEnd]) : [];
                cues.Add(new Cue(word.ToString(), kinds, wordStart, terms) { Whole = namedThroughCountry ? wholePlace : terms });
            }
            previousWasDay = isDay && kinds != CueKinds.None;
        });
        // A place named through its country was added after the words it names.
        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        return cues;
    }

    /// <summary>
    /// When the text puts what it speaks of, in one pass that only looks each word up in the lists, without building
    /// cues. Future: a future or next event, as <see cref="Find"/> would mark it <see cref="CueKinds.Future"/> (no word of
    /// those lists is a number or a day of the month, so no cue of them is ever rewritten as a date). Next: the next of a
    /// series («القمة المقبلة»). Past: an event that took place, in a past-tense scheduling verb («متى انعقدت…»).
    /// </summary>
    public static (bool Future, bool Next, bool Past) SpeakOfTense(string text, ArabicTextAnalyzer analyzer)
    {
        var spoken = Spoken(text, analyzer);
        return (spoken.Future, spoken.Next, spoken.Past);
    }

    /// <summary>
    /// Which of a series the text asks of, in one pass over its words. Earlier: «السابق», «آخر» («آخر لقاء»), «قبل», «الذي
    /// سبقه». Previous, the one before by name: «السابق», or «آخر» before a word for an occasion («آخر لقاء», «آخر مرة»);
    /// not something before another event («قبل المكالمة»), nor «آخر» as the last of things («آخر بؤر الإرهاب») or
    /// another one («سؤال آخر»).
    /// </summary>
    public static (bool Earlier, bool Previous) SpeakOfSeries(string text, ArabicTextAnalyzer analyzer)
    {
        var spoken = Spoken(text, analyzer);
        return (spoken.Earlier, spoken.Previous);
    }

    private static SpokenTime Spoken(string text, ArabicTextAnalyzer analyzer)
    {
        var spoken = new SpokenTime();
        analyzer.ForEachWord(text, 0, text.Length, (word, _, _) => spoken.Read(word));
        return spoken;
    }

    /// <summary>
    /// What a text speaks of (<see cref="SpeakOfTense"/> and <see cref="SpeakOfSeries"/>), read word by word in a pass
    /// over its words in matching form that the caller makes anyway: the question reader reads every question once.
    /// </summary>
    internal sealed class SpokenTime
    {
        private bool _afterLast;

        public bool Future { get; private set; }
        public bool Next { get; private set; }
        public bool Past { get; private set; }
        public bool Earlier { get; private set; }
        public bool Previous { get; private set; }

        /// <summary>The text's next word, in matching form.</summary>
        public void Read(ReadOnlySpan<char> word)
        {
            var bare = Bare(word);
            Next |= In(AnswerCues.Next, word, bare);
            Future |= Next || In(AnswerCues.Future, word, bare);
            Past |= In(AnswerCues.Past, word, bare);
            var before = In(AnswerCues.Previous, word, bare);
            Previous |= before || (_afterLast && Occasions.Contains(bare));
            _afterLast = bare.SequenceEqual(LastWord);
            Earlier |= before || _afterLast || bare.SequenceEqual(BeforeWord) || bare.StartsWith(PrecededStem);
        }
    }

    /// <summary>Words for an occasion of a series, after «آخر»: «آخر لقاء», «آخر مرة», «آخر جولة».</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Occasions = new HashSet<string>(StringComparer.Ordinal)
    {
        "لقاء", "اجتماع", "قمه", "جوله", "مره", "اتصال", "مكالمه", "زياره", "محادثات", "مباحثات", "لقاءاتهما", "اجتماعاتهما",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a word in matching form is a month's name.</summary>
    public static bool IsMonth(string word) => MonthWords.Contains(word);

    private static bool In(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> list, ReadOnlySpan<char> word, ReadOnlySpan<char> bare) =>
        list.Contains(word) || list.Contains(bare);

    /// <summary>Whether any cue answers <paramref name="kind"/>.</summary>
    public static bool Answers(AnswerKind kind, IReadOnlyList<Cue> cues, QuestionIntent intent)
    {
        // Indexed rather than foreach: an enumerator of the interface is an allocation per sentence of every question.
        for (var c = 0; c < cues.Count; c++)
        {
            if (Answers(kind, cues[c], intent)) return true;
        }
        return false;
    }

    /// <summary>Whether this cue answers <paramref name="kind"/>: what the question already says (its word, or a place among its terms) is no answer.</summary>
    public static bool Answers(AnswerKind kind, Cue cue, QuestionIntent intent)
    {
        var wanted = kind switch
        {
            AnswerKind.Time => CueKinds.Time | CueKinds.RelativeTime,
            AnswerKind.Date => intent.AsksHour ? CueKinds.Hour : intent.AsksDay ? CueKinds.Day : CueKinds.Time,
            AnswerKind.Year => CueKinds.Year,
            AnswerKind.Quantity => CueKinds.Quantity,
            AnswerKind.Reason => CueKinds.Reason,
            AnswerKind.Place => intent.AsksSettlement ? CueKinds.Place | CueKinds.City : CueKinds.Place,
            _ => CueKinds.None,
        };
        // What the question says is not its answer: «8» in «أستانا 8» for «الجولة الثامنة», whose terms hold the digit.
        return (cue.Kinds & wanted) != 0 && !intent.Words.Contains(cue.Word) && !intent.Terms.Contains(cue.Word) && !SaysAny(intent.Terms, cue.Terms)
            && !(cue.Kinds.HasFlag(CueKinds.Published) && !intent.AsksPublication)
            && !(kind == AnswerKind.Place && (cue.Whole.Any(intent.ReferenceTerms.Contains) || (intent.AsksSettlement && cue.Kinds.HasFlag(CueKinds.Country))));
    }

    /// <summary>Whether the question asks when something was published: only then does a page's own date answer it.</summary>
    public static bool AsksPublication(IReadOnlySet<string> questionWords) => questionWords.Overlaps(PublishingWords);

    // A loop rather than LINQ with a delegate: this runs for every cue of every retrieved sentence.
    private static bool SaysAny(IReadOnlySet<string> terms, IReadOnlyList<string> cueTerms)
    {
        for (var i = 0; i < cueTerms.Count; i++)
        {
            if (terms.Contains(cueTerms[i])) return true;
        }
        return false;
    }

    private static bool IsPlaceName(ReadOnlySpan<char> word) => In(PlaceNameLookup, word, Bare(word));

    /// <summary>Whether a word in matching form names a country or a city of the gazetteer («عمان», «بسوريا»).</summary>
    public static bool NamesPlace(string word) => IsPlaceName(word) || (word.Length > 3 && word[0] is 'ب' or 'ل' or 'و' && IsPlaceName(word.AsSpan(1)));

    /// <summary>The first word of a two-word gazetteer name after «في» or with «بـ» («في دير», «بدير»), in matching form; null otherwise.</summary>
    private static string? PairStart(ReadOnlySpan<char> word, bool afterIn)
    {
        var first = afterIn ? Bare(word) : word.Length > 3 && word[0] == 'ب' ? Bare(word[1..]) : [];
        return first.Length > 0 && PlacePairs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(first, out var actual, out _) ? actual : null;
    }

    /// <summary>The word without a leading و/ف and article ("والأربع" → "اربع"), as the cue lists spell them.</summary>
    private static ReadOnlySpan<char> Bare(ReadOnlySpan<char> word)
    {
        word = WithoutConjunction(word);
        return word.Length > 4 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;
    }

    private static ReadOnlySpan<char> WithoutConjunction(ReadOnlySpan<char> word) => word.Length > 3 && word[0] is 'و' or 'ف' ? word[1..] : word;

    // "يوم 11 الشهر الجاري", "19-20 كانون الثاني": a small number can be a day.
    private static bool IsDayOfMonth(ReadOnlySpan<char> word) => word.Length <= 2 && int.TryParse(word, out var day) && day is >= 1 and <= 31;

    private static bool IsYear(ReadOnlySpan<char> word) => word.Length == 4 && int.TryParse(word, out var year) && year is >= 1800 and <= 2200;
}

[Flags]
internal enum CueKinds { None = 0, Time = 1, Quantity = 2, Reason = 4, RelativeTime = 8, Year = 16, Future = 32, Place = 64, Next = 128, Earlier = 256, Country = 512, City = 1024, Published = 2048, Day = 4096, Hour = 8192, CountryName = 16384, Bound = 32768 }

/// <param name="Word">The word in matching form.</param>
/// <param name="Start">Where the word starts in the text.</param>
/// <param name="Terms">A place's analysed terms; empty for other cues.</param>
internal readonly record struct Cue(string Word, CueKinds Kinds, int Start, IReadOnlyList<string> Terms)
{
    /// <summary>The terms of the whole place the word names («دا نانغ بفيتنام» for each of its words); <see cref="Terms"/> when it names it alone.</summary>
    public IReadOnlyList<string> Whole { get; init; } = Terms;
}
