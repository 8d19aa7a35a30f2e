using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>Whether a span contains what an interrogative asks for: a date or time, a quantity, or a stated reason.</summary>
internal static class AnswerCues
{
    // Matching forms (normalised, unstemmed).
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
        "اليوم", "امس", "مساء", "صباح", "الليله", "غدا", "الماضي", "المقبل", "عام", "العام",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "واحد", "اثنان", "اثنين", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه",
        "ثمان", "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "مئه", "مائه", "الف", "مليون", "مليار", "نصف", "ربع", "عدد",
        "عشرات", "مئات", "الاف", "الوف", "ملايين",
    };

    private static readonly HashSet<string> ReasonWords = new(StringComparer.Ordinal)
    {
        "لتفادي", "لضمان", "لتحقيق", "بهدف", "بسبب", "لان", "لانه", "كي", "لكي", "بغيه", "اجل", "للمساعده", "لتجنب", "لمنع", "نتيجه",
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

    /// <summary>The words of <c>text[start..end)</c> that can answer some interrogative, with what they can answer.</summary>
    public static IReadOnlyList<Cue> Find(string text, int start, int end, ArabicTextAnalyzer analyzer)
    {
        var cues = new List<Cue>();
        var previousWasDay = false;
        var previousWasLatin = false;
        analyzer.ForEachWord(text, start, end, (word, _, _) =>
        {
            var w = word.ToString();
            // A number after a Latin word is part of a name ("G 20", "F16"), not a count or a date.
            var namePart = previousWasLatin && char.IsAsciiDigit(w[0]);
            previousWasLatin = char.IsAsciiLetter(w[0]);
            if (namePart)
            {
                previousWasDay = false;
                return;
            }
            var bare = Bare(w);
            var kinds = CueKinds.None;
            var isDay = IsDayOfMonth(w) || NumberWords.Contains(w) || NumberWords.Contains(bare);
            // A year, or a day before its month ("8 تشرين الثاني", "عشرين نوفمبر"), dates something rather than counts it.
            var isMonth = MonthWords.Contains(w) || MonthWords.Contains(bare);
            if (isMonth && previousWasDay) cues[^1] = cues[^1] with { Kinds = CueKinds.Time };
            if (IsYear(w) || isDay || isMonth || TimeWords.Contains(w) || TimeWords.Contains(bare)) kinds |= CueKinds.Time;
            if (!IsYear(w) && (char.IsAsciiDigit(w[0]) || NumberWords.Contains(w) || NumberWords.Contains(bare))) kinds |= CueKinds.Quantity;
            if (RelativeTimeWords.Contains(w) || RelativeTimeWords.Contains(bare)) kinds |= CueKinds.RelativeTime;
            if (ReasonWords.Contains(w) || ReasonWords.Contains(bare)) kinds |= CueKinds.Reason;
            if (kinds != CueKinds.None) cues.Add(new Cue(w, kinds));
            previousWasDay = isDay && kinds != CueKinds.None;
        });
        return cues;
    }

    /// <summary>Whether any cue answers <paramref name="kind"/>.</summary>
    /// <param name="questionWords">Matching forms of the question's own words: what the question already says is no answer.</param>
    public static bool Answers(AnswerKind kind, IReadOnlyList<Cue> cues, IReadOnlySet<string> questionWords)
    {
        var wanted = kind switch
        {
            AnswerKind.Time => CueKinds.Time | CueKinds.RelativeTime,
            AnswerKind.Date => CueKinds.Time,
            AnswerKind.Quantity => CueKinds.Quantity,
            AnswerKind.Reason => CueKinds.Reason,
            _ => CueKinds.None,
        };
        foreach (var cue in cues)
        {
            if ((cue.Kinds & wanted) != 0 && !questionWords.Contains(cue.Word)) return true;
        }
        return false;
    }

    /// <summary>The word without a leading و/ف and article ("والأربع" → "اربع"), as the cue lists spell them.</summary>
    private static string Bare(string word)
    {
        if (word.Length > 3 && word[0] is 'و' or 'ف') word = word[1..];
        return word.Length > 4 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;
    }

    // "يوم 11 الشهر الجاري", "19-20 كانون الثاني": a small number can be a day.
    private static bool IsDayOfMonth(string word) => word.Length <= 2 && int.TryParse(word, out var day) && day is >= 1 and <= 31;

    private static bool IsYear(string word) => word.Length == 4 && int.TryParse(word, out var year) && year is >= 1800 and <= 2200;
}

[Flags]
internal enum CueKinds { None = 0, Time = 1, Quantity = 2, Reason = 4, RelativeTime = 8 }

/// <param name="Word">The word in matching form.</param>
internal readonly record struct Cue(string Word, CueKinds Kinds);
