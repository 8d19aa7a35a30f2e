namespace Assistant.Answering;

/// <summary>
/// Ordinals that pick one of a series and the number that names the same one: «الجولة الثامنة» is «أستانا 8». A
/// question's ordinal is also matched by its digits and its digits by the ordinal, so either wording finds the other.
/// «أول» is left out: it also means «foremost».
/// </summary>
internal static class Ordinals
{
    // Stems as the analyser gives them («الثامنة» → «ثامن»), with the number each names.
    private static readonly Dictionary<string, string> Numbers = new(StringComparer.Ordinal)
    {
        ["ثان"] = "2", ["ثالث"] = "3", ["رابع"] = "4", ["خامس"] = "5", ["سادس"] = "6", ["سابع"] = "7", ["ثامن"] = "8", ["تاسع"] = "9", ["عاشر"] = "10",
    };

    private static readonly Dictionary<string, string> Stems = Numbers.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The ordinals' stems («ثان» … «عاشر»).</summary>
    public static IEnumerable<string> AllStems => Numbers.Keys;

    /// <summary>Whether the term is an ordinal's stem.</summary>
    public static bool IsOrdinal(string term) => Numbers.ContainsKey(term);

    /// <summary>The word's terms with the other wording of the same place in a series added: «ثامن» with «8», «8» with «ثامن».</summary>
    public static List<string> WithOtherWording(List<string> terms)
    {
        if (terms.Count != 1) return terms;
        var other = Numbers.GetValueOrDefault(terms[0]) ?? Stems.GetValueOrDefault(terms[0]);
        return other is null ? terms : [terms[0], other];
    }
}
