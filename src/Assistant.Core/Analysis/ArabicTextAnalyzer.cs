using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;

namespace Assistant.Analysis;

/// <summary>A term produced from the text between <see cref="Start"/> and <see cref="End"/> (offsets into the analysed string).</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End);

/// <summary>
/// The one analyser used wherever text is matched: lexical index, sparse vectors, query analysis, sentence scoring and
/// evaluation. Built on Lucene.Net's Arabic normaliser and light stemmer, plus what they miss (ؤ/ئ, a hamza after alef on
/// any seat, superscript alef, alef wasla, Persian letters, Arabic-Indic and Persian digits, Quranic marks, Unicode spaces,
/// pronoun suffixes, proclitics, broken plurals of news vocabulary). Latin words and digits
/// stay searchable. It never changes stored text: it only produces terms and offsets.
/// </summary>
public sealed class ArabicTextAnalyzer
{
    // Declared before StopWords: static initialisers run in order and the stop list needs the normaliser.
    private static readonly ArabicNormalizer Normalizer = new();

    /// <summary>
    /// Each word's terms as first analysed, by its matching form, where an alef with hamza opens it and whether plurals
    /// count (all that its terms depend on): the same words come back in every question, passage and quote, and stemming
    /// one builds several strings. Declared before the tables built by analysing text. Bounded to
    /// <see cref="MaxKnownWords"/>: when full it starts again, so no input can make it grow without end. Keyed by the
    /// word with one character after it for the other two (<see cref="KnownWordKey"/>), and looked up by that span, so a
    /// word already known costs no string.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string[]> KnownWords = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> KnownWordsBySpan =
        KnownWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxKnownWords = 65_536;

    private static int _knownWordsAdded;

    private static readonly ArabicStemmer Stemmer = new();
    private static readonly HashSet<string> StopWords = BuildStopWords();

    /// <summary>Terms of <paramref name="text"/>: stemmed, stop words removed, plus a proclitic-stripped variant where Lucene leaves one.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Analyze(text))
        {
            terms.Add(token.Term);
        }
        return terms;
    }

    public IReadOnlyList<AnalyzedToken> Analyze(string text) => Analyze(text, 0, text.Length);

    /// <summary>Analyses <c>text[start..end)</c>; token offsets are offsets into <paramref name="text"/>.</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text, int start, int end) => Analyze(text, start, end, plurals: true);

    private const int CharsPerToken = 6;

    /// <param name="plurals">Whether a broken plural also yields its singular's terms (not while those are being built).</param>
    private List<AnalyzedToken> Analyze(string text, int start, int end, bool plurals)
    {
        // Sized for about one token per six characters (a word and its space, a stem and a variant or two, stop words
        // none), so that a question or a sentence is not grown by doubling from four.
        var tokens = new List<AnalyzedToken>((end - start) / CharsPerToken);
        ForEachWord(text, start, end, (word, wordStart, wordEnd) => AddTerms(word, wordStart, wordEnd, HamzaAlefAt(text, wordStart, wordEnd), tokens, plurals));
        return tokens;
    }

    /// <summary>
    /// Calls <paramref name="onWord"/> for each word in its normalised, unstemmed form (stop words included), e.g. for
    /// character n-gram features. The span passed is only valid during the call.
    /// </summary>
    public void ForEachWord(string text, int start, int end, WordHandler onWord)
    {
        // A word's letters are gathered in a pooled buffer, not a new one per call: every question, quote and passage
        // analysed passes here. Nested calls (a handler that analyses) each rent their own.
        var buffer = ArrayPool<char>.Shared.Rent(64);
        try
        {
            ForEachWord(text, start, end, onWord, ref buffer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void ForEachWord(string text, int start, int end, WordHandler onWord, ref char[] buffer)
    {
        var length = 0;
        var wordStart = -1;
        var lastKind = CharKind.Other;
        for (var i = start; i <= end; i++)
        {
            var kind = CharKind.Other;
            var mapped = '\0';
            if (i < end)
            {
                mapped = MapChar(text[i], out kind);
            }
            // A word ends at any separator and where letters meet digits ("G20", "2017م").
            var breaks = kind == CharKind.Other || (length > 0 && kind != CharKind.Ignored && lastKind != kind);
            if (breaks && length > 0)
            {
                onWord(NormalizeWord(buffer, length), wordStart, i);
                length = 0;
                wordStart = -1;
            }
            // A hamza after alef changes its seat with the case ending and suffix («لقاء»، «لقائه»، «وزراؤه»): written ء
            // whatever its seat, the forms meet. Elsewhere the seat is part of the word («رئيس», «مسؤول») and is only unified.
            if (kind == CharKind.Letter && text[i] is '\u0624' or '\u0626' && length > 0 && buffer[length - 1] == 'ا') mapped = '\u0621';
            if (kind is CharKind.Letter or CharKind.Digit)
            {
                if (wordStart < 0) wordStart = i;
                if (length == buffer.Length) buffer = Grown(buffer);
                buffer[length++] = mapped;
                lastKind = kind;
            }
        }
    }

    /// <summary>A pooled buffer twice the size with the same letters; the smaller one goes back to the pool.</summary>
    private static char[] Grown(char[] buffer)
    {
        var grown = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(grown, 0);
        ArrayPool<char>.Shared.Return(buffer);
        return grown;
    }

    public delegate void WordHandler(ReadOnlySpan<char> normalizedWord, int start, int end);

    /// <summary>
    /// The matching form of a string: diacritics, tatweel and marks removed, letter variants unified, digits ASCII,
    /// Latin lower-cased, every run of non-word characters collapsed to one space. Not stemmed.
    /// </summary>
    public string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        ForEachWord(text, 0, text.Length, (word, _, _) =>
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(word);
        });
        return builder.ToString();
    }

    // Lucene's normaliser works in place on a char array and only ever shortens the word.
    private static ReadOnlySpan<char> NormalizeWord(char[] buffer, int length) =>
        buffer.AsSpan(0, Normalizer.Normalize(buffer, length));

    /// <summary>Where in the word's first two letters the text has an alef with hamza or madda (أ إ آ), or -1.</summary>
    private static int HamzaAlefAt(string text, int start, int end)
    {
        for (int i = start, letters = 0; i < end && letters < 2; i++)
        {
            if (text[i] is '\u0622' or '\u0623' or '\u0625') return letters;
            if (MapChar(text[i], out _) != '\0') letters++;
        }
        return -1;
    }

    /// <param name="hamzaAlefAt">Where the word's alef with hamza or madda is, if among its first two letters (see <see cref="HamzaAlefAt"/>).</param>
    /// <param name="plurals">Whether a broken plural also yields its singular's terms.</param>
    private static void AddTerms(ReadOnlySpan<char> word, int start, int end, int hamzaAlefAt, List<AnalyzedToken> tokens, bool plurals)
    {
        if (word.Length == 0) return;
        var key = word.Length < 128 ? stackalloc char[word.Length + 1] : new char[word.Length + 1];
        KnownWordKey(word, hamzaAlefAt, plurals, key);
        if (!KnownWordsBySpan.TryGetValue(key, out var terms))
        {
            terms = [.. TermsOf(word.ToString(), hamzaAlefAt, plurals)];
            // Counted, not measured: ConcurrentDictionary.Count takes every lock of the table.
            if (Interlocked.Increment(ref _knownWordsAdded) > MaxKnownWords)
            {
                KnownWords.Clear();
                Interlocked.Exchange(ref _knownWordsAdded, 0);
            }
            KnownWords[key.ToString()] = terms;
        }
        foreach (var term in terms) tokens.Add(new AnalyzedToken(term, start, end));
    }

    /// <summary>The word, then one control character for where its alef with hamza is (−1, 0, 1) and whether plurals
    /// count: a word in matching form holds only letters and digits, so no two keys meet.</summary>
    private static void KnownWordKey(ReadOnlySpan<char> word, int hamzaAlefAt, bool plurals, Span<char> key)
    {
        word.CopyTo(key);
        key[^1] = (char)(hamzaAlefAt + 1 + (plurals ? 3 : 0));
    }

    /// <summary>The terms of one word in matching form, in order (see <see cref="AddTerms"/>).</summary>
    private static List<string> TermsOf(string normalized, int hamzaAlefAt, bool plurals)
    {
        var terms = new List<string>();
        var isArabic = IsArabicLetter(normalized[0]);
        if (isArabic && normalized.Length == 1) return terms;
        if (StopWords.Contains(normalized)) return terms;
        if (!isArabic)
        {
            terms.Add(normalized);
            return terms;
        }
        var stem = Stem(normalized);
        terms.Add(stem);
        // Lucene takes a leading و for the conjunction even where it is the word's first letter ("وطني" → "طن",
        // "وزير" → "زير"), which then misses the same word with the article ("الوطني" → "وطن"): add the stem with it kept.
        if (normalized.Length >= 4 && normalized[0] == 'و' && stem[0] != 'و' && SuffixStem(normalized) is var kept && kept != stem)
        {
            terms.Add(kept);
        }
        // Lucene's light stemmer leaves the proclitics ب ل ك ف alone unless they come with ال ("بسوريا" stays);
        // the stripped form is added as a second term so that both sides of a match meet, and stemmed again where that
        // reaches further ("لوزير" → "وزير" → "زير", as "وزير" alone is stemmed).
        if (stem.Length >= 4 && stem[0] is 'ب' or 'ل' or 'ك' or 'ف')
        {
            var stripped = stem[1..];
            terms.Add(stripped);
            if (Stem(stripped) is var restemmed && restemmed != stripped) terms.Add(restemmed);
        }
        // "لل" is ل + ال to Lucene, but may be ل before a word that starts with ل («للقائه» = ل + لقائه): add that reading.
        if (normalized.Length >= 5 && normalized.StartsWith("لل", StringComparison.Ordinal) && Stem(normalized[1..]) is var single && single != stem)
        {
            terms.Add(single);
        }
        // A ta marbuta before a pronoun is written ت ("خلافته" = خلافة + ه): add the stem of the bare noun.
        if (stem.Length >= 5 && stem[^1] == 'ت')
        {
            terms.Add(stem[..^1]);
        }
        // Lucene's light stemmer leaves the dual and plural pronouns on ("بيانهما", "اجتماعهما", "بلدهم"): add the stem
        // of the word without them.
        foreach (var pronoun in PronounSuffixes)
        {
            if (normalized.Length - pronoun.Length < 3 || !normalized.EndsWith(pronoun, StringComparison.Ordinal)) continue;
            if (Stem(normalized[..^pronoun.Length]) is { Length: >= 2 } withoutPronoun && withoutPronoun != stem)
            {
                terms.Add(withoutPronoun);
            }
            break;
        }
        // «أل»/«آل» with a hamza or madda is the word's own beginning («ألمانيا», «آليات», «آلاف»), never the article,
        // which Lucene strips all the same: add the stem that keeps it (after a proclitic too: «بألمانيا»).
        if (hamzaAlefAt >= 0 && normalized.Length - hamzaAlefAt >= 4 && normalized.AsSpan(hamzaAlefAt).StartsWith("ال", StringComparison.Ordinal))
        {
            var own = normalized[hamzaAlefAt..];
            var whole = SuffixStem(own);
            if (whole != stem) terms.Add(whole);
            // A name in -يا meets its adjective in -ية («ألمانيا», «الألمانية») as «سوريا» meets «السورية».
            if (own[^1] == 'ا' && SuffixStem(own[..^1]) is var adjective && adjective != stem && adjective != whole) terms.Add(adjective);
        }
        // «الت» opens a form VIII verb of a root that starts with ل («التقى», «التزم», «التقت») as often as it is the article
        // before a noun in ت: add the stem that keeps it, which meets «يلتقي» and «لقاء» by their root.
        if (normalized.Length is >= MinVerbWithArticle and <= MaxVerbWithArticle && normalized.StartsWith("الت", StringComparison.Ordinal)
            && SuffixStem(normalized) is var verb && verb != stem)
        {
            terms.Add(verb);
        }
        // A broken plural meets its singular («الأسلحة», «سلاح»).
        if (plurals && SingularTermsOf(normalized) is { } singular)
        {
            foreach (var term in singular)
            {
                if (term != stem) terms.Add(term);
            }
        }
        // The alef of tanween fath ("عسكريًا", "حلًّا") is not a suffix to Lucene: add the stem without it.
        if (normalized.Length >= 3 && normalized[^1] == 'ا' && Stem(normalized[..^1]) is { Length: >= 2 } bare && bare != stem)
        {
            terms.Add(bare);
        }
        return terms;
    }

    /// <summary>The lengths of a form VIII verb in «الت» with at most a subject ending («التقى», «التزمت», «التقيا»).</summary>
    private const int MinVerbWithArticle = 5, MaxVerbWithArticle = 6;

    /// <summary>Pronoun suffixes the light stemmer keeps, longest first.</summary>
    private static readonly string[] PronounSuffixes = ["هما", "هم"];

    private static string Stem(string normalized)
    {
        var chars = normalized.ToCharArray();
        return Standardized(new string(chars, 0, Stemmer.Stem(chars, chars.Length)));
    }

    private static string SuffixStem(string normalized)
    {
        var chars = normalized.ToCharArray();
        return Standardized(new string(chars, 0, Stemmer.StemSuffix(chars, chars.Length)));
    }

    private static string Standardized(string stem)
    {
        foreach (var (variant, standard) in LoanwordSpellings)
        {
            if (stem.Contains(variant, StringComparison.Ordinal)) return stem.Replace(variant, standard, StringComparison.Ordinal);
        }
        return stem;
    }

    /// <summary>
    /// Foreign names the press and its readers spell two ways (أميركا/أمريكا, ترمب/ترامب, بوتن/بوتين), brought to one form.
    /// A vowel letter is what differs, so no general rule can tell these from Arabic words that differ the same way. Stems
    /// are compared: «بوتين» stems to «بوت», as if its «ين» were a plural ending.
    /// </summary>
    private static readonly (string Variant, string Standard)[] LoanwordSpellings = [("اميرك", "امريك"), ("ترمب", "ترامب"), ("بوتن", "بوت")];

    private enum CharKind { Other, Letter, Digit, Ignored }

    /// <summary>Maps one character to its matching form; '\0' with <see cref="CharKind.Ignored"/> drops it inside a word.</summary>
    private static char MapChar(char c, out CharKind kind)
    {
        switch (c)
        {
            case >= '0' and <= '9':
                kind = CharKind.Digit;
                return c;
            case >= '\u0660' and <= '\u0669': // Arabic-Indic digits
                kind = CharKind.Digit;
                return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9': // Persian digits
                kind = CharKind.Digit;
                return (char)('0' + (c - '\u06F0'));
            case '\u0640': // tatweel
            case >= '\u064B' and <= '\u065F': // harakat, shadda, sukun and other combining marks
            case '\u0670': // superscript alef
            case >= '\u06D6' and <= '\u06ED': // Quranic annotation marks
            case '\u200C' or '\u200D': // zero-width (non-)joiners
                kind = CharKind.Ignored;
                return '\0';
        }
        if (LetterVariant(c) is not '\0' and var letter)
        {
            kind = CharKind.Letter;
            return letter;
        }
        if (char.IsLetter(c))
        {
            kind = CharKind.Letter;
            return char.ToLowerInvariant(c);
        }
        if (char.IsDigit(c))
        {
            kind = CharKind.Digit;
            return (char)('0' + (int)char.GetNumericValue(c));
        }
        kind = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
            ? CharKind.Ignored
            : CharKind.Other;
        return '\0';
    }

    /// <summary>The letter a variant spelling stands for; '\0' for any other character.</summary>
    private static char LetterVariant(char c) => c switch
    {
        '\u0671' or '\u0622' or '\u0623' or '\u0625' => 'ا', // alef wasla, alef with madda / hamza
        '\u0624' => 'و', // waw with hamza
        '\u0626' or '\u06CC' or '\u0649' => 'ي', // yeh with hamza, Persian yeh, alef maqsura
        '\u0629' => 'ه', // ta marbuta
        // Persian letters typed for sounds Arabic spells otherwise («ترامپ», «چين», «ڤيتنام», «گ» for a spoken «g»).
        '\u06A9' or '\u06AF' => 'ك', // keheh, gaf
        '\u067E' => 'ب', // peh
        '\u0686' => 'ج', // tcheh
        '\u0698' => 'ز', // jeh
        '\u06A4' => 'ف', // veh
        _ => '\0',
    };

    private static bool IsArabicLetter(char c) => c is >= '\u0600' and <= '\u06FF';

    // Declared after the fields that stemming uses: static initialisers run in order.
    private static readonly Dictionary<string, string[]> SingularTerms = BuildSingularTerms();

    /// <summary>The singular's terms for a broken plural, with or without a conjunction, a proclitic and the article.</summary>
    private static string[]? SingularTermsOf(string normalized)
    {
        // Span lookups: this runs for every word indexed or asked, and most words are no plural.
        var singulars = SingularTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = normalized.AsSpan();
        if (singulars.TryGetValue(word, out var terms)) return terms;
        if (word.Length > 3 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
            if (singulars.TryGetValue(word, out terms)) return terms;
        }
        foreach (var prefix in (ReadOnlySpan<string>)["ال", "بال", "لل", "كال", "ب", "ل", "ك"])
        {
            if (word.Length - prefix.Length >= 2 && word.StartsWith(prefix, StringComparison.Ordinal) && singulars.TryGetValue(word[prefix.Length..], out terms)) return terms;
        }
        return null;
    }

    private static Dictionary<string, string[]> BuildSingularTerms()
    {
        // Brought to the matching form the same way the text is, so that the table is written as Arabic is.
        var analyzer = new ArabicTextAnalyzer();
        var singulars = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (plural, singular) in BrokenPlurals.Pairs)
        {
            singulars[analyzer.Normalize(plural)] = [.. analyzer.Analyze(singular, 0, singular.Length, plurals: false).Select(t => t.Term).Distinct()];
        }
        return singulars;
    }

    private static HashSet<string> BuildStopWords()
    {
        // Lucene's Arabic stop list, brought to the same matching form as the words it is compared with, and its English
        // and French ones: their function words typed in an Arabic question («and based on which…») say nothing to match.
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ArabicAnalyzer.DefaultStopSet.Concat(EnglishAnalyzer.DefaultStopSet).Concat(FrenchAnalyzer.DefaultStopSet))
        {
            var word = entry ?? "";
            var normalized = new StringBuilder();
            foreach (var c in word)
            {
                var mapped = MapChar(c, out var kind);
                if (kind is CharKind.Letter or CharKind.Digit) normalized.Append(mapped);
            }
            var array = normalized.ToString().ToCharArray();
            set.Add(new string(array, 0, Normalizer.Normalize(array, array.Length)));
        }
        return set;
    }
}
