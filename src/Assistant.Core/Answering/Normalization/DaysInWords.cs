namespace Assistant.Answering.Normalization;

/// <summary>
/// A day of the month written in words before its month («يوم عشرين نوفمبر», «خمسة وعشرين ديسمبر») is read as its
/// digits («20 نوفمبر»), the way the documents write dates, so the question names the day as a number: a span dated
/// another day is then about another day. Number words elsewhere («الدول الثلاث») are left as they are.
/// </summary>
internal static class DaysInWords
{
    // Matching forms (normalised, unstemmed), each with and without the feminine ending.
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["واحد"] = 1, ["واحده"] = 1, ["اثنين"] = 2, ["اثنان"] = 2, ["ثلاث"] = 3, ["ثلاثه"] = 3, ["اربع"] = 4, ["اربعه"] = 4,
        ["خمس"] = 5, ["خمسه"] = 5, ["ست"] = 6, ["سته"] = 6, ["سبع"] = 7, ["سبعه"] = 7, ["ثمان"] = 8, ["ثماني"] = 8, ["ثمانيه"] = 8,
        ["تسع"] = 9, ["تسعه"] = 9, ["عشر"] = 10, ["عشره"] = 10,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["عشرين"] = 20, ["عشرون"] = 20, ["ثلاثين"] = 30, ["ثلاثون"] = 30,
    };

    /// <summary>
    /// The day that <paramref name="words"/> from <paramref name="at"/> write in words right before a month, and how many
    /// words it takes («عشرين» → 20, 1; «خمسة وعشرين» → 25, 2); null when they do not.
    /// </summary>
    public static (int Day, int Length)? At(IReadOnlyList<Word> words, int at)
    {
        if (at >= words.Count) return null;
        var form = words[at].Form;
        (int Day, int Length)? day = Tens.TryGetValue(form, out var tens) ? (tens, 1)
            : Units.TryGetValue(form, out var unit) ? at + 1 < words.Count && WithoutAnd(words[at + 1].Form) is { } next && Tens.TryGetValue(next, out var tensAfter) ? (unit + tensAfter, 2) : (unit, 1)
            : null;
        return day is { } found && at + found.Length < words.Count && AnswerCues.IsMonth(words[at + found.Length].Form) && found.Day <= 31 ? found : null;
    }

    private static string? WithoutAnd(string word) => word.Length > 2 && word[0] == 'و' ? word[1..] : null;
}
