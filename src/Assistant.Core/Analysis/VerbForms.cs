namespace Assistant.Analysis;

/// <summary>
/// The three root letters of a verb or verbal noun of a derived form, read off its pattern: «اجتماع» and «اجتمع» (form
/// VIII) give «جمع», «انعقاد» and «ينعقد» (VII) «عقد», «توقيع» (II) «وقع», «استقرار» (X) «قرر», «تبادل» (VI) «بدل»,
/// «إطلاق» and «أطلق» (IV) «طلق». A light stemmer only removes affixes, so a verb never meets its verbal noun; the root
/// does. Patterns are written in matching form (after normalisation and light stemming): «C» stands for a root letter,
/// any other letter must be there as written. Only verbs and verbal nouns are listed: participles and nouns of place
/// («مجتمع», «موقع») share a root with words of another meaning.
/// </summary>
public static class VerbForms
{
    /// <summary>Patterns, longest first; a stem is read by the first that fits it letter for letter.</summary>
    private static readonly string[] Patterns =
    [
        "استCCاC", // X, verbal noun: استقرار، استخدام
        "يستCCC", "تستCCC", "نستCCC", // X, present: يستخدم
        "استCCC", // X, verb: استخدم
        "اCتCاC", // VIII, verbal noun: اجتماع، انتقال
        "انCCاC", // VII, verbal noun: انعقاد، انسحاب
        "يCتCC", "تCتCC", "نCتCC", // VIII, present: يجتمع
        "تCCيC", // II, verbal noun: توقيع، تنفيذ (before VII's present, which «تنفيذ» and «تنسيق» would fit too)
        "ينCCC", "تنCCC", // VII, present: ينعقد
        "اCتCC", // VIII, verb: اجتمع
        "اتCاC", // VIII of a root opening with و, which the ت absorbs: اتصال، اتفاق (see AbsorbedWaw)
        "اتCC", // the same verb: اتصل، اتفق
        "اتCCC", // the spoken passive of forms I and II: اتنفذ، اتعقد، اتوقع (written نُفّذ، عُقد، وُقّع)
        "انCCC", // VII, verb: انعقد
        "تCاCC", // VI, verb and verbal noun: تبادل، تعاون
        "اCاC", // IV of a hollow root, verb and verbal noun: أزال، إزالة، أقام، إقامة (see HollowMiddle)
        "يCيC", "تCيC", "نCيC", // the same verb, present: يزيل، تقيم
        "اCCاC", // IV, verbal noun: إطلاق، إرسال
        "اCCC", // IV, verb: أطلق
        "يCCC", "تCCC", "نCCC", // I and II, present: يشرف، توقع
    ];

    /// <summary>A pattern with two root letters is of a root whose first letter, «و», the form's «ت» absorbed («اتّصل» from «وصل»).</summary>
    private const char AbsorbedWaw = 'و';

    /// <summary>
    /// Hollow patterns: two root letters around a weak middle one, which the form writes «ا» or «ي» («أزال», «إزالة»,
    /// «يزيل»); the root is read with «و» in the middle, so that all three meet.
    /// </summary>
    private static readonly HashSet<string> HollowPatterns = new(StringComparer.Ordinal) { "اCاC", "يCيC", "تCيC", "نCيC" };

    private const char HollowMiddle = 'و';

    /// <summary>
    /// Letters a root's last radical is written with when it is weak: «التقى» (لقي) and «لقاء» (لقء) are of one root,
    /// read with <see cref="WeakLast"/> so that a verb meets its verbal noun.
    /// </summary>
    private const string WeakLetters = "وىاء";

    private const char WeakLast = 'ي';

    /// <summary>The verbal noun of a first-form verb whose last radical is weak: «لقاء», «بقاء», «قضاء» (CCاء).</summary>
    private const string DefectiveNounEnd = "اء";

    /// <summary>
    /// Form VIII verbs whose weak last radical the light stemmer took for a suffix («التقى» → «التق», «يلتقي» → «يلتق»),
    /// tried before <see cref="Patterns"/> read «يلتق» as a first-form present: two root letters are left, and the third
    /// is <see cref="WeakLast"/>.
    /// </summary>
    private static readonly string[] DefectivePatterns = ["اCتC", "يCتC", "تCتC", "نCتC"];

    /// <summary>The patterns of <see cref="Patterns"/> that only verbal nouns have («تحرير», «استعادة», «انعقاد»).</summary>
    private static readonly string[] VerbalNounPatterns = ["استCCاC", "اCتCاC", "انCCاC", "اتCاC", "تCCيC", "اCCاC"];

    /// <summary>Whether <paramref name="stem"/> is a verbal noun of a derived form: what follows it is what the action is done to.</summary>
    public static bool IsVerbalNoun(string stem) => PatternRoot(stem, VerbalNounPatterns) is not null;

    /// <summary>The root letters of <paramref name="stem"/>, or null when no pattern fits it.</summary>
    public static string? Root(string stem)
    {
        if (stem.Length == 4 && stem.EndsWith(DefectiveNounEnd, StringComparison.Ordinal)) return stem[..2] + WeakLast;
        if (PatternRoot(stem, DefectivePatterns) is { } two) return two[1..] + WeakLast;
        var root = PatternRoot(stem, Patterns);
        return root is not null && WeakLetters.Contains(root[^1]) ? root[..^1] + WeakLast : root;
    }

    private static string? PatternRoot(string stem, string[] patterns)
    {
        Span<char> root = stackalloc char[3];
        foreach (var pattern in patterns)
        {
            if (pattern.Length != stem.Length) continue;
            var found = 0;
            var fits = true;
            for (var i = 0; i < pattern.Length && fits; i++)
            {
                if (pattern[i] == 'C') root[found++] = stem[i];
                else fits = pattern[i] == stem[i];
            }
            if (!fits) continue;
            if (HollowPatterns.Contains(pattern)) return string.Concat(root[..1], HollowMiddle.ToString(), root[1..2]);
            return found == 3 ? new string(root) : AbsorbedWaw + new string(root[..found]);
        }
        return null;
    }
}
