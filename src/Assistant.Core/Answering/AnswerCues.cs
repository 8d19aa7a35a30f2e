using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>Whether a span contains what an interrogative asks for: a date or time, a quantity, or a stated reason.</summary>
internal static class AnswerCues
{
    // Matching forms (normalised, unstemmed).
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
        "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
        "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
        "اليوم", "امس", "مساء", "صباح", "الليله", "غدا", "الماضي", "المقبل", "عام", "العام",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "واحد", "اثنان", "اثنين", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه",
        "ثمان", "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عشرون", "مئه", "مائه", "الف", "مليون", "نصف", "ربع", "عدد",
    };

    private static readonly HashSet<string> ReasonWords = new(StringComparer.Ordinal)
    {
        "لتفادي", "لضمان", "لتحقيق", "بهدف", "بسبب", "لان", "لانه", "كي", "لكي", "بغيه", "اجل", "للمساعده", "لتجنب", "لمنع", "نتيجه",
    };

    /// <summary>The words of <c>text[start..end)</c> that can answer some interrogative, with what they can answer.</summary>
    public static IReadOnlyList<Cue> Find(string text, int start, int end, ArabicTextAnalyzer analyzer)
    {
        var cues = new List<Cue>();
        analyzer.ForEachWord(text, start, end, (word, _, _) =>
        {
            var w = word.ToString();
            var bare = w.Length > 3 && w[0] is 'و' or 'ف' ? w[1..] : w;
            var kinds = CueKinds.None;
            if (IsYear(w) || TimeWords.Contains(w) || TimeWords.Contains(bare)) kinds |= CueKinds.Time;
            if (char.IsAsciiDigit(w[0]) || NumberWords.Contains(w) || NumberWords.Contains(bare)) kinds |= CueKinds.Quantity;
            if (ReasonWords.Contains(w) || ReasonWords.Contains(bare)) kinds |= CueKinds.Reason;
            if (kinds != CueKinds.None) cues.Add(new Cue(w, kinds));
        });
        return cues;
    }

    /// <summary>Whether any cue answers <paramref name="kind"/>.</summary>
    /// <param name="questionWords">Matching forms of the question's own words: what the question already says is no answer.</param>
    public static bool Answers(AnswerKind kind, IReadOnlyList<Cue> cues, IReadOnlySet<string> questionWords)
    {
        var wanted = kind switch
        {
            AnswerKind.Time => CueKinds.Time,
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

    private static bool IsYear(string word) => word.Length == 4 && int.TryParse(word, out var year) && year is >= 1800 and <= 2200;
}

[Flags]
internal enum CueKinds { None = 0, Time = 1, Quantity = 2, Reason = 4 }

/// <param name="Word">The word in matching form.</param>
internal readonly record struct Cue(string Word, CueKinds Kinds);
