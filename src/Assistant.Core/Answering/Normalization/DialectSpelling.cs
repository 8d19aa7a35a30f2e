using System.Text;
using Assistant.Analysis;
using Assistant.Storage;

namespace Assistant.Answering.Normalization;

/// <summary>
/// A question's words that no passage uses, read through the sound shifts and verb affixes of spoken Arabic:
/// «التلاتية» is «الثلاثية» (ث said as ت; likewise ذ as د or ز), «هيناقشوا» is «سيناقشوا» (the future
/// «ه»/«ح»), «بيشرف» is «يشرف» (the indicative «ب»), «اتعقد» is «انعقد» (the passive «ات»), «الأمريكاني» is
/// «الأمريكي» (the spoken nisba), «الريس» is «الرئيس» (a dropped hamza). A word becomes the variant
/// most passages use; a word the documents use, or one with no variant they use, stays as it is. It runs after
/// <see cref="QuestionNormalizer"/>, whose dialect words («التانية» → «الأخرى») come first.
/// </summary>
public sealed class DialectSpelling(ArabicTextAnalyzer analyzer, IPassageIndex index)
{
    /// <summary>At most this many letters of one word are tried in their standard sound (2^n variants).</summary>
    private const int MaxShiftedLetters = 3;

    /// <summary>The question with each word the documents do not use replaced by its variant they use most, and a note per word.</summary>
    /// <remarks>
    /// The question's own words are looked up first and variants are made only for those no passage uses: nearly every
    /// word of a question is in the documents, and spelling out every variant of every word (up to 2^n each, every one
    /// analysed) was a twentieth of a request's cost.
    /// </remarks>
    public async Task<NormalizedQuestion> RespellAsync(string question, CancellationToken cancellationToken)
    {
        var words = new List<(int Start, int End)>();
        analyzer.ForEachWord(question, 0, question.Length, (_, start, end) => words.Add((start, end)));
        if (words.Count == 0) return new NormalizedQuestion(question, []);

        // The question is analysed once: a word's tokens are its terms, as analysing the word alone gives them.
        var tokens = analyzer.Analyze(question);
        var termsOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var questionTerms = new HashSet<string>(StringComparer.Ordinal);
        var next = 0;
        foreach (var (start, end) in words)
        {
            var terms = new List<string>();
            for (; next < tokens.Count && tokens[next].Start == start; next++) terms.Add(tokens[next].Term);
            if (termsOf.TryAdd(question[start..end], terms)) questionTerms.UnionWith(terms);
        }

        var statistics = await index.GetTermStatisticsAsync(questionTerms, cancellationToken);
        int Passages(string word)
        {
            var most = 0;
            foreach (var term in termsOf[word]) most = Math.Max(most, statistics.DocumentFrequency.GetValueOrDefault(term));
            return most;
        }

        var unused = words.Where(w => question[w.Start..w.End] is var word && termsOf[word].Count > 0 && Passages(word) == 0)
            .Select(w => (w.Start, w.End, Variants: Variants(question[w.Start..w.End]).Distinct(StringComparer.Ordinal).ToList()))
            .Where(w => w.Variants.Count > 0).ToList();
        if (unused.Count == 0) return new NormalizedQuestion(question, []);
        foreach (var variant in unused.SelectMany(w => w.Variants)) termsOf.TryAdd(variant, analyzer.Terms(variant));
        statistics = await index.GetTermStatisticsAsync(termsOf.Values.SelectMany(t => t).ToHashSet(StringComparer.Ordinal), cancellationToken);

        var text = new StringBuilder(question);
        var notes = new List<string>();
        // From the end, so that earlier offsets stay valid.
        foreach (var (start, end, variants) in Enumerable.Reverse(unused))
        {
            var word = question[start..end];
            var best = variants.MaxBy(Passages)!;
            if (Passages(best) <= 0) continue;
            text.Remove(start, end - start).Insert(start, best);
            notes.Insert(0, $"«{word}» read as «{best}»");
        }
        return new NormalizedQuestion(text.ToString(), notes);
    }

    /// <summary>The word's standard-Arabic readings: its verb affixes in their standard form, and its shifted sounds.</summary>
    internal static IEnumerable<string> Variants(string word)
    {
        var conjunction = word.Length > 4 && word[0] is 'و' or 'ف' ? word[..1] : "";
        var stem = word[conjunction.Length..];
        var forms = new List<string> { stem };
        // «هيناقشوا», «حيتعقد»: the future; «بيشرف», «بتصير»: the indicative; «اتعقد», «اتكلموا»: the passive or reflexive.
        if (stem.Length > 3 && stem[0] is 'ه' or 'ح' && stem[1] is 'ي' or 'ت' or 'ن') forms.Add("س" + stem[1..]);
        if (stem.Length > 3 && stem[0] == 'ب' && stem[1] is 'ي' or 'ت' or 'ن') forms.Add(stem[1..]);
        if (stem.Length > 4 && stem.StartsWith("ات", StringComparison.Ordinal))
        {
            forms.Add("ان" + stem[2..]);
            forms.Add("ت" + stem[2..]);
        }
        // «الأمريكاني»: the spoken nisba in «اني» is the written one in «ي».
        foreach (var form in forms.ToList())
        {
            if (SpokenNisba(form) is { } written) forms.Add(written);
        }
        foreach (var form in forms)
        {
            foreach (var shifted in Shifted(form))
            {
                var variant = conjunction + shifted;
                if (variant != word) yield return variant;
            }
            // «الريس»: a hamza dropped in speech before the «ي» it was said with («الرئيس»); not on top of a shifted
            // sound, which together make too many words («زين» is not «ذئين»).
            for (var i = 1; i < form.Length - 1; i++)
            {
                if (form[i] == 'ي' && form[i - 1] is not ('ي' or 'ا' or 'ل')) yield return conjunction + form.Insert(i, "ئ");
            }
        }
    }

    /// <summary>The shortest stem before a spoken nisba ending: «ثاني» and «باني» are words of their own.</summary>
    private const int MinNisbaStem = 4;

    /// <summary>The written nisba of a spoken one («أمريكاني» → «أمريكي», «الأمريكانية» → «الأمريكية»); null for any other word.</summary>
    private static string? SpokenNisba(string form)
    {
        foreach (var (spoken, written) in (ReadOnlySpan<(string, string)>)[("انية", "ية"), ("انيه", "يه"), ("اني", "ي")])
        {
            if (form.EndsWith(spoken, StringComparison.Ordinal) && form.Length - spoken.Length >= MinNisbaStem) return form[..^spoken.Length] + written;
        }
        return null;
    }

    /// <summary>The form with every combination of its first few shifted letters in their standard sound, itself first.</summary>
    private static IEnumerable<string> Shifted(string form)
    {
        var at = new List<int>();
        for (var i = 0; i < form.Length && at.Count < MaxShiftedLetters; i++)
        {
            if (Standard(form[i]) is not null) at.Add(i);
        }
        for (var mask = 0; mask < 1 << at.Count; mask++)
        {
            var letters = form.ToCharArray();
            for (var b = 0; b < at.Count; b++)
            {
                if ((mask & (1 << b)) != 0) letters[at[b]] = Standard(form[at[b]])!.Value;
            }
            yield return new string(letters);
        }
    }

    /// <summary>
    /// The standard letter a spoken one may stand for: ت for ث, د and ز for ذ. (س for ث and ض for ظ are left out: they
    /// turn too many words the documents lack, «ترأس», into other words they have.)
    /// </summary>
    private static char? Standard(char spoken) => spoken switch
    {
        'ت' => 'ث',
        'د' or 'ز' => 'ذ',
        _ => null,
    };
}
