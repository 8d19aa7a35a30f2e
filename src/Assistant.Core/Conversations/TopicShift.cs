using System.Text.RegularExpressions;

namespace Assistant.Conversations;

/// <summary>
/// An opening that announces another subject («موضوع ثاني:», «سؤال آخر،», «بعيداً عن هذا،», «خلينا نغير الموضوع»):
/// what follows is a new question however short it is, and the opening itself asks nothing (its «ثاني» is no ordinal
/// the answer must contain).
/// </summary>
internal static partial class TopicShift
{
    /// <summary>The question without its topic-shift opening, or null when it has none (or nothing after it).</summary>
    public static string? Without(string question)
    {
        var match = Opening().Match(question);
        if (!match.Success) return null;
        var rest = question[match.Length..].Trim();
        return rest.Any(char.IsLetter) ? rest : null;
    }

    // An optional «طيب/طب/حسناً/تمام» and «و/ف/ب/في», then a noun of a subject or question with «another/second/new», or
    // «away from this», or «away from / leave aside» what the conversation was about, up to four words closed by a clause
    // mark («بعيداً عن تيلرسون:», «خلّينا من أستانا؛»), or «let us change the subject»; then the clause mark that ends the opening.
    [GeneratedRegex(@"^\s*(?:(?:طيب|طب|حسنا[ًً]?|تمام|ماشي|اوك|أوك|ok|okay)\s*[،,.!]?\s*)?(?:(?:و|ف)?(?:ب|في\s+)?(?:ال)?(?:موضوع|سؤال|شي|شيء|حاجة|نقطة|قصة|مسألة|مسالة|سالفة)\s+(?:ال)?(?:ثاني|تاني|ثانية|تانية|آخر|اخر|أخرى|اخرى|جديد|جديدة|مختلف|مختلفة)|(?:و|ف)?بعيد(?:اً|ًا|ا)?\s+عن\s+(?:هذا|ذلك|هيك|هاد|هالموضوع|(?:هذا\s+)?الموضوع)|(?:(?:و|ف)?بعيد(?:اً|ًا|ا)?\s+عن|(?:و|ف)?(?:خل[ّ]?ي?نا|دعنا|دعك|سيبك|سيبنا)\s+من)(?:\s+[^\s:،,؛؟?!.]+){1,4}(?=\s*[:،,;؛])|(?:(?:خل[ّ]?ينا|دعنا|بدي)\s+)?ل?ن?غي[ّ]?ر\s+(?:ال)?موضوع)\s*[:،,;؛.!؟?\-–—]*\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();
}
