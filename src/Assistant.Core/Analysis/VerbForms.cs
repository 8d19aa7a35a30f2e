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
        "ينCCC", "تنCCC", // VII, present: ينعقد
        "اCتCC", // VIII, verb: اجتمع
        "انCCC", // VII, verb: انعقد
        "تCCيC", // II, verbal noun: توقيع، تنفيذ
        "تCاCC", // VI, verb and verbal noun: تبادل، تعاون
        "اCCاC", // IV, verbal noun: إطلاق، إرسال
        "اCCC", // IV, verb: أطلق
        "يCCC", "تCCC", "نCCC", // I and II, present: يشرف، توقع
    ];

    /// <summary>The root letters of <paramref name="stem"/>, or null when no pattern fits it.</summary>
    public static string? Root(string stem)
    {
        Span<char> root = stackalloc char[3];
        foreach (var pattern in Patterns)
        {
            if (pattern.Length != stem.Length) continue;
            var found = 0;
            var fits = true;
            for (var i = 0; i < pattern.Length && fits; i++)
            {
                if (pattern[i] == 'C') root[found++] = stem[i];
                else fits = pattern[i] == stem[i];
            }
            if (fits) return new string(root);
        }
        return null;
    }
}
