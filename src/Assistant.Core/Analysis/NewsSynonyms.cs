namespace Assistant.Analysis;

/// <summary>
/// Words of news Arabic that name the same thing, in groups written as Arabic is written («الزعيمان» and «الرئيسان»,
/// «لقاء» and «اجتماع» and «قمة», «النزاع» and «الصراع»): a question worded with one finds a text worded with another.
/// A match through a synonym earns less than the word itself (see the answerer's synonym credit), and only a question's
/// words are expanded, never the indexed text. Only words that name one thing in every use are grouped; opposites
/// («زيادة» / «خفض») and words with a second sense («حد») are not.
/// </summary>
public static class NewsSynonyms
{
    // Declared before ByTerm: static initialisers run in order.
    private static readonly string[][] Groups =
    [
        ["رئيس", "زعيم", "قائد"],
        ["لقاء", "اجتماع", "قمة"],
        ["محادثات", "مباحثات", "مفاوضات"],
        ["نزاع", "صراع", "أزمة"],
        ["بيان", "إعلان"],
        ["اتفاق", "اتفاقية", "تفاهم"],
        ["دولة", "بلد", "جمهورية"],
        ["مكالمة", "اتصال"],
        ["تسوية", "حل"],
        ["تعهد", "التزام"],
        ["صون", "حفاظ", "حماية"],
        ["منع", "حيلولة"],
        ["إرهابي", "متطرف", "مسلح"],
        ["دحر", "هزيمة", "قضاء"],
        ["جيش", "قوات"],
        ["مساعدة", "معونة", "دعم"],
        ["مهجر", "منفى", "شتات", "خارج"],
        ["نازح", "لاجئ", "مهجر"],
        ["طائفي", "مذهبي"],
        ["علماني", "مدني"],
        ["مؤقت", "انتقالي"],
        ["تحضيري", "تمهيدي"],
        ["عقد", "انعقد", "التأم"],
        ["خفض", "تخفيف"],
        ["تصعيد", "توتر"],
        ["تنسيق", "تعاون"],
        ["غاية", "هدف"],
        ["خطر", "تهديد"],
        ["سيادة", "استقلال"],
        ["وحدة", "سلامة"],
        ["رعاية", "إشراف", "مظلة"],
        ["مؤتمر", "منتدى"],
        ["ضامن", "راع"],
        ["عاصمة", "مدينة"],
        ["تنظيم", "جماعة"],
        ["مدة", "فترة"],
        ["دور", "مهمة"],
        ["خيار", "بديل"],
        ["مثالي", "كامل"],
        ["عقبة", "عائق"],
        ["واشنطن", "أمريكا"],
        ["روسيا", "موسكو", "الكرملين"],
        // A capital names its country's government.
        ["تركيا", "أنقرة"],
        ["إيران", "طهران"],
        ["سوريا", "دمشق"],
        ["الصين", "بكين"],
        ["مكافحة", "محاربة"],
        ["ملف", "قضية", "مسألة"],
        // Verbs with their feminine past («شكرت»), which the light stemmer keeps apart.
        ["أشرف", "أشرفت", "تابع", "تابعت"],
        ["إشراف", "متابعة"],
        ["شكر", "شكرت", "امتنان"],
        ["دام", "دامت", "استغرق", "استغرقت"],
        ["تطرق", "تطرقا", "تناول", "تناولا", "ناقش", "ناقشا", "بحث", "بحثا", "تحدث", "تحدثا", "تكلم", "تكلما"],
    ];

    private static readonly Dictionary<string, string[]> ByTerm = Build();

    /// <summary>The terms of the words grouped with any of <paramref name="terms"/>, without those terms themselves.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> terms)
    {
        List<string>? synonyms = null;
        foreach (var term in terms)
        {
            if (!ByTerm.TryGetValue(term, out var found) && !(PastPluralStem(term) is { } stem && ByTerm.TryGetValue(stem, out found))) continue;
            synonyms ??= [];
            synonyms.AddRange(found.Where(t => !terms.Contains(t) && !synonyms.Contains(t)));
        }
        return synonyms ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// A past verb of «هم» without its ending («أشرفوا», which the analyser keeps as «اشرفو»), so that a group's verb
    /// needs no third spelling beside its feminine and dual ones; null for a word that cannot be one.
    /// </summary>
    private static string? PastPluralStem(string term) => term.Length > 3 && term[^1] == 'و' ? term[..^1] : null;

    private static Dictionary<string, string[]> Build()
    {
        // Brought to the matching form the same way the text is, so that the groups are written as Arabic is.
        var analyzer = new ArabicTextAnalyzer();
        var byTerm = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var terms = group.Select(word => analyzer.Terms(word).ToHashSet(StringComparer.Ordinal)).ToList();
            for (var i = 0; i < terms.Count; i++)
            {
                foreach (var term in terms[i])
                {
                    if (!byTerm.TryGetValue(term, out var set)) byTerm[term] = set = new HashSet<string>(StringComparer.Ordinal);
                    for (var j = 0; j < terms.Count; j++) if (j != i) set.UnionWith(terms[j].Where(t => !terms[i].Contains(t)));
                }
            }
        }
        return byTerm.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }
}
