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

    public static bool Has(AnswerKind kind, ReadOnlySpan<char> span, ArabicTextAnalyzer analyzer)
    {
        var text = span.ToString();
        var found = false;
        analyzer.ForEachWord(text, 0, text.Length, (word, _, _) =>
        {
            if (found) return;
            var isNumber = char.IsAsciiDigit(word[0]);
            var w = word.ToString();
            var bare = w.Length > 3 && w[0] is 'و' or 'ف' ? w[1..] : w;
            found = kind switch
            {
                AnswerKind.Time => isNumber || TimeWords.Contains(w) || TimeWords.Contains(bare),
                AnswerKind.Quantity => isNumber || NumberWords.Contains(w) || NumberWords.Contains(bare),
                AnswerKind.Reason => ReasonWords.Contains(w) || ReasonWords.Contains(bare),
                _ => false,
            };
        });
        return found;
    }
}
