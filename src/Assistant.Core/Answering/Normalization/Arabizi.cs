using System.Text;

namespace Assistant.Answering.Normalization;

/// <summary>
/// Arabic typed in Latin letters and digits («w emta?», «tab leh?», «shu kan rad russia»): common words are looked up,
/// the rest is written letter by letter (3 ع, 7 ح, 2 ء, 5 خ, sh ش …), which brings names close to their Arabic spelling.
/// Latin letters leave the Arabic open (a short vowel or a long one, ت or ط, «2» for ء or a Levantine ق, a final «e» for
/// ة), so each such word has its possible spellings (<see cref="Spellings"/>), and the caller may choose among them —
/// by the documents' vocabulary — where the first, the plain letter-by-letter one, is the default.
/// A message is taken for Arabizi only when most of its letters are Latin and it has an Arabizi word or digit-letter.
/// </summary>
internal static class Arabizi
{
    /// <summary>Share of a message's letters that must be Latin for it to be read as Arabizi.</summary>
    private const double MinLatinShare = 0.6;

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["w"] = "و", ["wa"] = "و", ["we"] = "و", ["o"] = "و", ["aw"] = "أو", ["bas"] = "بس", ["tab"] = "طيب", ["tayeb"] = "طيب", ["tayib"] = "طيب", ["taib"] = "طيب",
        ["tayyeb"] = "طيب", ["ya3ni"] = "يعني", ["yaani"] = "يعني", ["yani"] = "يعني", ["kaman"] = "كمان", ["kamen"] = "كمان", ["ok"] = "", ["okay"] = "",
        ["emta"] = "متى", ["emtah"] = "متى", ["imta"] = "متى", ["imta2"] = "متى", ["emteh"] = "متى", ["emata"] = "متى", ["mata"] = "متى", ["meta"] = "متى", ["amta"] = "متى", ["emtin"] = "متى",
        ["leh"] = "لماذا", ["leih"] = "لماذا", ["lei"] = "لماذا", ["lesh"] = "لماذا", ["leish"] = "لماذا", ["laish"] = "لماذا", ["lech"] = "لماذا", ["3lach"] = "لماذا", ["3alash"] = "لماذا", ["limatha"] = "لماذا", ["limaza"] = "لماذا",
        ["meen"] = "من", ["mein"] = "من", ["min"] = "من", ["mn"] = "من", ["men"] = "من", ["shkoun"] = "من", ["manu"] = "من",
        ["wein"] = "أين", ["wen"] = "أين", ["wain"] = "أين", ["fein"] = "أين", ["fen"] = "أين", ["fin"] = "أين", ["ayna"] = "أين", ["ain"] = "أين",
        ["shu"] = "ماذا", ["shou"] = "ماذا", ["sho"] = "ماذا", ["shoo"] = "ماذا", ["esh"] = "ماذا", ["eish"] = "ماذا", ["aish"] = "ماذا", ["ey"] = "ماذا",
        // Egyptian «إيه» is written as such: the dialect reading takes it with the word before it («قد إيه» is «كم»).
        ["eh"] = "إيه", ["eih"] = "إيه", ["2ad"] = "قد", ["ad"] = "قد",
        ["mnein"] = "من أين", ["mnen"] = "من أين", ["mnain"] = "من أين", ["menein"] = "من أين",
        ["ben"] = "بين", ["bein"] = "بين", ["bain"] = "بين", ["been"] = "بين",
        ["shno"] = "ماذا", ["shnu"] = "ماذا", ["wesh"] = "ماذا", ["wish"] = "ماذا", ["matha"] = "ماذا", ["maza"] = "ماذا", ["ma"] = "ما",
        ["kam"] = "كم", ["2adesh"] = "كم", ["adesh"] = "كم", ["addesh"] = "كم", ["2ddesh"] = "كم", ["adaish"] = "كم", ["2adaish"] = "كم", ["9adesh"] = "كم", ["gedesh"] = "كم",
        ["kif"] = "كيف", ["keef"] = "كيف", ["kaif"] = "كيف", ["kef"] = "كيف", ["ezzay"] = "كيف", ["izzay"] = "كيف", ["ezay"] = "كيف", ["izay"] = "كيف", ["kifach"] = "كيف", ["kifash"] = "كيف", ["shlon"] = "كيف",
        ["hal"] = "هل", ["hel"] = "هل", ["ay"] = "أي", ["ayy"] = "أي", ["anhi"] = "أي", ["anho"] = "أي",
        ["elli"] = "الذي", ["illi"] = "الذي", ["yalli"] = "الذي", ["li"] = "الذي", ["eli"] = "الذي",
        ["fi"] = "في", ["fe"] = "في", ["3an"] = "عن", ["3ala"] = "على", ["3la"] = "على", ["ma3"] = "مع", ["la"] = "لا", ["msh"] = "مش", ["mish"] = "مش", ["mesh"] = "مش", ["mush"] = "مش",
        ["kan"] = "كان", ["kanet"] = "كانت", ["kanat"] = "كانت", ["sar"] = "صار", ["sa2"] = "صار", ["rad"] = "رد", ["2al"] = "قال", ["al"] = "قال", ["2alat"] = "قالت",
        ["hek"] = "هيك", ["heik"] = "هيك", ["hay"] = "هذه", ["hada"] = "هذا", ["hayda"] = "هذا", ["hal2"] = "الآن", ["halla2"] = "الآن", ["hala2"] = "الآن",
        ["shi"] = "شي", ["eza"] = "إذا", ["iza"] = "إذا",
    };

    /// <summary>
    /// Function words of English and French, which Arabizi does not use (none is an Arabizi word above): a Latin message
    /// with <see cref="MinForeignWords"/> of them is in that language, whatever Arabizi-looking word it also has
    /// («What do men want?»: «men» is «من» in Arabizi).
    /// </summary>
    private static readonly HashSet<string> ForeignWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "is", "are", "was", "were", "did", "does", "do", "what", "where", "when", "who", "why", "how",
        "which", "with", "about", "for", "from", "on", "at", "by", "this", "that", "it", "they", "has", "have", "had", "in",
        "le", "les", "des", "du", "est", "qui", "que", "quand", "comment", "pourquoi", "et", "une", "un", "dans", "avec",
    };

    /// <summary>Two such words make a foreign message; one may be a name or a borrowed word.</summary>
    private const int MinForeignWords = 2;

    /// <summary>
    /// The article typed apart from its noun («el mukalame», «il 3amal»), alone or with a preposition or a conjunction
    /// («bel intikhabat», «lal mo2tamar»), and the Levantine demonstrative fused to it («hal kalam», read as «هالكلام»).
    /// </summary>
    private static readonly Dictionary<string, string> SeparateArticles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["el"] = "ال", ["il"] = "ال", ["bel"] = "بال", ["bil"] = "بال", ["wel"] = "وال", ["wil"] = "وال", ["fel"] = "فال", ["fil"] = "فال",
        ["lal"] = "لل", ["lel"] = "لل", ["lil"] = "لل", ["hal"] = "هال",
    };

    /// <summary>«la», «le», «l» before an interrogative: «la emta» is «لإمتى», until when.</summary>
    private static readonly HashSet<string> ToBeforeInterrogative = new(StringComparer.OrdinalIgnoreCase) { "la", "le", "l" };

    /// <summary>What the interrogatives above are written as; «إلى» goes before them.</summary>
    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal) { "متى", "من", "أين" };

    /// <summary>At most this many spellings of one word are tried (a long word with many open letters has more).</summary>
    private const int MaxSpellings = 4_096;

    /// <summary>The message in Arabic letters, or null when it is not Arabizi.</summary>
    /// <param name="spell">Chooses one of a word's possible spellings (<see cref="Spellings"/>); the first when null.</param>
    public static string? Transliterate(string text, Func<IReadOnlyList<string>, string>? spell = null)
    {
        if (!IsLatin(text)) return null;
        var tokens = Tokens(text).ToList();
        // Arabizi is typed in ASCII: a letter such as «é» or «ñ» is another language's.
        if (text.Any(c => c > '\u007F' && c < '\u0250' && char.IsLetter(c))) return null;
        if (tokens.Where(t => t.IsWord && ForeignWords.Contains(t.Text)).Select(t => t.Text.ToLowerInvariant()).Distinct().Count() >= MinForeignWords) return null;
        var signals = tokens.Count(t => t.IsWord && (Words.ContainsKey(t.Text) || (HasLetter(t.Text) && t.Text.Any(c => c is '2' or '3' or '5' or '7' or '8' or '9'))));
        if (signals == 0) return null;

        var builder = new StringBuilder(text.Length);
        var article = false;
        string? previous = null;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            // «el mukalame»: the article typed as a word of its own belongs to the next word.
            if (article && !token.IsWord && token.Text.Trim().Length == 0) continue;
            // «hal» opening the question or after «w» («w hal fi…») asks yes or no; after another word it is the demonstrative («hal kalam»).
            var opening = previous is null || Words.GetValueOrDefault(previous) == "و";
            if (token.IsWord) previous = token.Text;
            var prefix = token.IsWord ? SeparateArticles.GetValueOrDefault(token.Text) : null;
            article = prefix is not null && !(opening && prefix == "هال") && NextWord(tokens, t) is not null;
            if (article) builder.Append(prefix);
            else if (token.IsWord && ToBeforeInterrogative.Contains(token.Text) && NextWord(tokens, t) is { } next && Interrogatives.Contains(Words.GetValueOrDefault(next) ?? "")) builder.Append("إلى");
            else if (!token.IsWord || !HasLetter(token.Text)) builder.Append(token.Text == "?" ? "؟" : token.Text);
            else if (IsAcronym(token.Text)) builder.Append(token.Text);
            else if (Words.TryGetValue(token.Text, out var word)) builder.Append(word);
            else if (token.Text.Length > 2 && token.Text.StartsWith("el", StringComparison.OrdinalIgnoreCase)) builder.Append("ال").Append(Spell(token.Text[2..], initial: false, spell));
            else builder.Append(Spell(token.Text, initial: true, spell));
        }
        return builder.ToString();
    }

    /// <summary>The text of the word token after the one at <paramref name="at"/>, or null when none follows.</summary>
    private static string? NextWord(List<(string Text, bool IsWord)> tokens, int at)
    {
        for (var i = at + 1; i < tokens.Count; i++) if (tokens[i].IsWord) return tokens[i].Text;
        return null;
    }

    /// <summary>
    /// Whether most of a message's letters are Latin: Arabizi, or a question in another language written in Latin
    /// letters («Where did Trump and Putin meet?») when <see cref="Transliterate"/> finds no Arabizi in it.
    /// </summary>
    public static bool IsLatin(string text)
    {
        int latin = 0, arabic = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c) || (c is >= '\u00C0' and < '\u0250' && char.IsLetter(c))) latin++;
            else if (c is >= '\u0600' and <= '\u06FF') arabic++;
        }
        return latin > 0 && latin >= MinLatinShare * (latin + arabic);
    }

    private static string Spell(string word, bool initial, Func<IReadOnlyList<string>, string>? spell)
    {
        if (spell is null) return string.Concat(Units(word.ToLowerInvariant(), initial).Select(options => options[0]));
        var spellings = Spellings(word, initial);
        return spellings.Count == 1 ? spellings[0] : spell(spellings);
    }

    /// <summary>
    /// The Arabic spellings a Latin word can stand for, the plain one first («mukalame»: «موكلم», …, «مكالمة»), then by how
    /// few letters differ from it. A short vowel inside a word is not written, or is a long one; a consonant may be its
    /// emphatic twin; «2» is ء, ق or ا; a final vowel may be ة, ى or a pronoun's ه; a doubled consonant is written once.
    /// </summary>
    internal static IReadOnlyList<string> Spellings(string word, bool initial)
    {
        var units = Units(word.ToLowerInvariant(), initial);
        var spellings = new List<(string Text, int Changes)>();
        var choice = new int[units.Count];
        while (spellings.Count < MaxSpellings)
        {
            var builder = new StringBuilder();
            for (var u = 0; u < units.Count; u++) builder.Append(units[u][choice[u]]);
            spellings.Add((builder.ToString(), choice.Count(c => c > 0)));
            // The next combination, as an odometer over every unit's options.
            var next = units.Count - 1;
            while (next >= 0 && ++choice[next] == units[next].Length) choice[next--] = 0;
            if (next < 0) break;
        }
        return spellings.OrderBy(s => s.Changes).Select(s => s.Text).Distinct().ToList();
    }

    /// <summary>The word as units (a digraph, a digit-letter, a letter), each with its spellings, the plain one first.</summary>
    private static List<string[]> Units(string lower, bool initial)
    {
        var units = new List<string[]>();
        string? previous = null;
        for (var i = 0; i < lower.Length;)
        {
            var latin = Digraphs.FirstOrDefault(d => lower.AsSpan(i).StartsWith(d, StringComparison.Ordinal)) ?? lower[i].ToString();
            var last = i + latin.Length == lower.Length;
            string[] options = i == 0 && initial && IsVowel(latin[0])
                // A vowel that opens the word is written with alef («ahmad», «iran», «omar»).
                ? latin[0] switch { 'i' => ["اي", "ا"], 'o' or 'u' => ["ا", "او"], _ => ["ا"] }
                : latin == previous && !IsVowel(latin[0]) ? [""]
                : last && IsVowel(latin[^1]) ? FinalVowel(latin)
                : Options.TryGetValue(latin, out var known) ? known
                : [latin];
            units.Add(options);
            previous = latin;
            i += latin.Length;
        }
        return units;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string[] FinalVowel(string latin) => latin switch
    {
        "a" => ["ا", "ة", "ى", ""],
        "e" => ["", "ة", "ي", "ه"],
        "o" or "u" => ["و", "ه"],
        _ => Options.TryGetValue(latin, out var known) ? known : [latin],
    };

    private static readonly string[] Digraphs = ["sh", "ch", "kh", "gh", "th", "dh", "ou", "oo", "ee", "ei", "ai", "aa"];

    /// <summary>Each Latin unit's Arabic spellings inside a word, the plain one first.</summary>
    private static readonly Dictionary<string, string[]> Options = new(StringComparer.Ordinal)
    {
        ["sh"] = ["ش"], ["ch"] = ["ش"], ["kh"] = ["خ"], ["gh"] = ["غ", "ق"], ["th"] = ["ث", "ت", "ذ"], ["dh"] = ["ذ", "ض", "ظ"],
        ["ou"] = ["و"], ["oo"] = ["و"], ["ee"] = ["ي"], ["ei"] = ["ي"], ["ai"] = ["ي"], ["aa"] = ["ا"],
        ["a"] = ["", "ا"], ["e"] = ["", "ي", "ا"], ["i"] = ["ي", ""], ["o"] = ["و", ""], ["u"] = ["و", ""],
        ["2"] = ["ء", "ق", "ا"], ["3"] = ["ع"], ["5"] = ["خ"], ["6"] = ["ط"], ["7"] = ["ح"], ["8"] = ["ق"], ["9"] = ["ص", "ق"],
        ["b"] = ["ب"], ["p"] = ["ب"], ["t"] = ["ت", "ط"], ["j"] = ["ج"], ["g"] = ["ج", "غ", "ق"], ["d"] = ["د", "ض"], ["r"] = ["ر"],
        ["z"] = ["ز", "ظ", "ذ"], ["s"] = ["س", "ص"], ["c"] = ["ك"], ["f"] = ["ف"], ["v"] = ["ف"], ["q"] = ["ق"], ["k"] = ["ك", "ق"],
        ["l"] = ["ل"], ["m"] = ["م"], ["n"] = ["ن"], ["h"] = ["ه", "ح"], ["w"] = ["و"], ["y"] = ["ي"], ["x"] = ["كس"],
    };

    private static bool HasLetter(string token) => token.Any(char.IsAsciiLetter);

    /// <summary>«APEC», «G20»: upper-case Latin is a name, kept as typed.</summary>
    private static bool IsAcronym(string token) => token.Length >= 2 && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static IEnumerable<(string Text, bool IsWord)> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '\'');
            var wasWord = i > start && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '\'');
            if (i == text.Length || inWord != wasWord)
            {
                if (i > start) yield return (text[start..i], wasWord);
                start = i;
            }
        }
    }
}
