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

    /// <param name="questionWords">Matching forms of the question's own words: what the question already says is no answer.</param>
    public static bool Has(AnswerKind kind, ReadOnlySpan<char> span, ArabicTextAnalyzer analyzer, IReadOnlySet<string> questionWords)
    {
        var text = span.ToString();
        var found = false;
        analyzer.ForEachWord(text, 0, text.Length, (word, _, _) =>
        {
            if (found) return;
            var w = word.ToString();
            if (questionWords.Contains(w)) return;
            var isNumber = char.IsAsciiDigit(word[0]);
            var bare = w.Length > 3 && w[0] is 'و' or 'ف' ? w[1..] : w;
            found = kind switch
            {
                AnswerKind.Time => IsYear(w) || TimeWords.Contains(w) || TimeWords.Contains(bare),
                AnswerKind.Quantity => isNumber || NumberWords.Contains(w) || NumberWords.Contains(bare),
                AnswerKind.Reason => ReasonWords.Contains(w) || ReasonWords.Contains(bare),
                _ => false,
            };
        });
        return found;
    }

    private static bool IsYear(string word) => word.Length == 4 && int.TryParse(word, out var year) && year is >= 1800 and <= 2200;
}
