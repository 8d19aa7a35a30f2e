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
    /// analysed) was a twentieth of a request's cost. A question whose words all are used costs one analysis and one
    /// look-up of its terms, with no string made per word.
    /// </remarks>
    public async Task<NormalizedQuestion> RespellAsync(string question, CancellationToken cancellationToken)
    {
        // The question is analysed once: a word's tokens are its terms, as analysing the word alone gives them.
        var tokens = analyzer.Analyze(question);
        var words = new List<QuestionWord>();
        var next = 0;
        analyzer.ForEachWord(question, 0, question.Length, (_, start, end) =>
        {
            var first = next;
            while (next < tokens.Count && tokens[next].Start == start) next++;
            words.Add(new QuestionWord(start, end, first, next));
        });
        if (next == 0) return new NormalizedQuestion(question, []);

        var questionTerms = new HashSet<string>(next, StringComparer.Ordinal);
        for (var t = 0; t < next; t++) questionTerms.Add(tokens[t].Term);
        var statistics = await index.GetTermStatisticsAsync(questionTerms, cancellationToken);
        List<(int Start, int End, List<string> Variants)>? unused = null;
        foreach (var word in words)
        {
            if (word.FirstToken == word.EndToken || UsedByPassages(word, tokens, statistics)) continue;
            var variants = Variants(question[word.Start..word.End]).Distinct(StringComparer.Ordinal).ToList();
            if (variants.Count > 0) (unused ??= []).Add((word.Start, word.End, variants));
        }
        if (unused is null) return new NormalizedQuestion(question, []);

        var termsOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var variant in unused.SelectMany(w => w.Variants)) termsOf.TryAdd(variant, analyzer.Terms(variant));
        var variantStatistics = await index.GetTermStatisticsAsync(termsOf.Values.SelectMany(t => t).ToHashSet(StringComparer.Ordinal), cancellationToken);
        int Passages(string variant)
        {
            var most = 0;
            foreach (var term in termsOf[variant]) most = Math.Max(most, variantStatistics.DocumentFrequency.GetValueOrDefault(term));
            return most;
        }

        var text = new StringBuilder(question);
        var notes = new List<string>();
        // From the end, so that earlier offsets stay valid.
        foreach (var (start, end, variants) in Enumerable.Reverse(unused))
        {
            var best = variants.MaxBy(Passages)!;
            if (Passages(best) <= 0) continue;
            text.Remove(start, end - start).Insert(start, best);
            notes.Insert(0, $"«{question[start..end]}» read as «{best}»");
        }
        return new NormalizedQuestion(text.ToString(), notes);
    }

    /// <summary>A word of the question and its tokens in the question's analysis (<see cref="FirstToken"/> up to <see cref="EndToken"/>, exclusive).</summary>
    private readonly record struct QuestionWord(int Start, int End, int FirstToken, int EndToken);

    /// <summary>Whether some passage has one of the word's terms.</summary>
    private static bool UsedByPassages(QuestionWord word, IReadOnlyList<AnalyzedToken> tokens, TermStatistics statistics)
    {
        for (var t = word.FirstToken; t < word.EndToken; t++)
        {
            if (statistics.DocumentFrequency.GetValueOrDefault(tokens[t].Term) > 0) return true;
        }
        return false;
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
            forms.AddRange(SpokenEndings(form));
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

    /// <summary>The shortest stem before a spoken ending that is read as its written one: «أبو», «هنّ» are words of their own.</summary>
    private const int MinEndingStem = 3;

    /// <summary>
    /// The written endings of spoken ones: the Levantine «و» of «his» («بيانو» → «بيانه») and «هن» of «their»
    /// («خبراءهن» → «خبراءهم»), a plural verb typed without its silent alef («اجتمعو» → «اجتمعوا»), and the «ة» of «ـاية»
    /// typed as «ت» («تحت رعايت من» → «رعاية»).
    /// </summary>
    private static IEnumerable<string> SpokenEndings(string form)
    {
        if (form.Length - 1 >= MinEndingStem && form[^1] == 'و')
        {
            yield return form[..^1] + "ه";
            yield return form + "ا";
        }
        if (form.Length - 2 >= MinEndingStem && form.EndsWith("هن", StringComparison.Ordinal)) yield return form[..^2] + "هم";
        // «رعايت»: the final «ة» of a noun in «ـاية» typed as the «ت» it is said as before the noun after it («رعاية»). Not any
        // final «ت»: a verb ends with it («عقدت» is no «عقدة»).
        if (form.Length - 1 >= MinEndingStem && form.EndsWith("ايت", StringComparison.Ordinal)) yield return form[..^1] + "ة";
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
