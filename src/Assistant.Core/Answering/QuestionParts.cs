using System.Text.RegularExpressions;
using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>
/// Splits a message that asks two things («من وقّع المذكرة، ومتى أُبرمت؟», «أين ومتى عُقد اللقاء؟») into its questions.
/// A part starts where an interrogative follows a clause mark or «و»; a part that names too little to be searched on
/// its own («ومتى أُبرمت؟») is read with the longest other part, as a follow-up is read with the previous question —
/// with that part's words but not its interrogative, which asks the other part's question.
/// </summary>
public static partial class QuestionParts
{
    /// <summary>A part with at most this many content words borrows the subject of the longest part.</summary>
    private const int MaxElliptical = 2;

    /// <summary>
    /// At most this many parts are answered one by one; what follows joins the last of them. Each part gets its share of
    /// the short answer's 20 words, so a message pasted with dozens of questions would leave none.
    /// </summary>
    public const int MaxParts = 5;

    public static IReadOnlyList<string> Split(string question, ArabicTextAnalyzer analyzer)
    {
        var starts = new List<int> { 0 };
        foreach (Match match in Boundary().Matches(question))
        {
            if (match.Index > 0 && question[..match.Index].Trim().Length > 0) starts.Add(match.Groups["part"].Index);
        }
        if (starts.Count == 1 || !Interrogative().IsMatch(question[..starts[1]])) return [question];

        // The same question asked twice is one part.
        var parts = starts.Select((start, i) => question[start..(i + 1 < starts.Count ? starts[i + 1] : question.Length)].Trim(' ', '،', ',', '؛', ';'))
            .Distinct(StringComparer.Ordinal).ToList();
        if (parts.Count > MaxParts) parts = [.. parts.Take(MaxParts - 1), string.Join(' ', parts.Skip(MaxParts - 1))];
        if (parts.Count == 1) return parts;
        var intents = parts.Select(p => QuestionIntent.Of(p, analyzer)).ToList();
        var words = intents.Select(i => i.ContentWords.Count).ToList();
        var longest = parts[words.IndexOf(words.Max())];
        var subject = Opening().Replace(longest, "", 1);
        return parts.Select((p, i) => words[i] <= MaxElliptical && p != longest && !NamesItsOwn(p, intents[i]) ? $"{p} {subject}" : p).ToList();
    }

    /// <summary>The part whose subject <see cref="Split"/> lent to part <paramref name="part"/> («وبأي صفة؟» read with «من وقّع…»), if any.</summary>
    public static int? Lender(IReadOnlyList<string> parts, int part)
    {
        for (var k = 0; k < parts.Count; k++)
        {
            if (k != part && parts[part].EndsWith(" " + Opening().Replace(parts[k], "", 1), StringComparison.Ordinal)) return k;
        }
        return null;
    }

    /// <summary>
    /// A short part that asks who or what something is and names a place («ومن هو رئيس كازاخستان؟») says all it asks
    /// about; «من متى روسيا تواجهها؟» still leans on the other part.
    /// </summary>
    private static bool NamesItsOwn(string part, QuestionIntent intent) => Identity().IsMatch(part) && intent.ContentWords.Any(w => w.IsPlace);

    [GeneratedRegex(@"^\s*(?:و\s*)?(?:من|ما|مين)\s+(?:هو|هي|هم)\b")]
    private static partial Regex Identity();

    // The interrogative a part opens with («كم استغرق…», «وأين ستنعقد…», «ما الدول…»), with its conjunction and preposition.
    [GeneratedRegex(@"^\s*(?:و|ف)?(?:ب|ل)?(?:" + Interrogatives + @"|إمتى|امتى)(?=\s)\s*")]
    private static partial Regex Opening();

    /// <summary>The interrogatives a question opens with, fused with a preposition too («إلامَ»), as a regex alternation.</summary>
    private const string Interrogatives = "متى|أين|اين|كم|ماذا|لماذا|كيف|هل|أي|اي|من|ما|ماهي|ماهو|مين|شو|وين|إلام|إلامَ|علام|علامَ";

    // «، ومتى…», «؟ وأين…», «و كم…», and after a mark also «من…»/«ما…», which elsewhere are a preposition or a negation;
    // after a mark and «و», an interrogative may come a word or two in («، وفي أي تاريخ…», «، وعلى هامش أي قمة…», «، وبأي صفة…»);
    // after a question mark, «من» and «ما» too («؟ وتحت رعاية من…»), which after a comma may be a preposition («، وبخاصة من…»);
    // and anywhere «ومن هو», «وما الذي»: before a pronoun or a relative, «من» and «ما» ask.
    [GeneratedRegex(@"(?:[،,؛;?؟.]\s*(?<part>(?:و\s*)?(?:متى|أين|اين|كم|ماذا|لماذا|كيف|هل|أي|اي|من|ما|مين|شو|وين|إمتى|امتى)\b)|[،,؛;?؟.]\s*(?<part>و\s*(?:[^\s،,؛;?؟.]+\s+){0,2}?(?:ب|ل)?(?:متى|أين|اين|كم|ماذا|لماذا|كيف|أي|اي)\b)|[?؟]\s*(?<part>و\s*(?:[^\s،,؛;?؟.]+\s+){1,2}?(?:من|ما|مين)\b)|\s(?<part>و\s*(?:متى|أين|اين|كم|ماذا|لماذا|كيف|إمتى|امتى|وين)\b)|\s(?<part>و\s*(?:من|ما|مين)\s+(?:هو|هي|هم|الذي|التي|الذين)\b))")]
    private static partial Regex Boundary();

    // The first part's interrogative may carry a preposition («بماذا يلتزم…»، «بأي التزام…»، «لمن…») or be fused with one («إلامَ»).
    [GeneratedRegex(@"(?:^|\s|[،,؛;?؟.])(?:و|ف)?(?:ب|ل)?(?:" + Interrogatives + @")(?:\s|$|[?؟])")]
    private static partial Regex Interrogative();
}
