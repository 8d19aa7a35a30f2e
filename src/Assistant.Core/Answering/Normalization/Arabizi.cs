using System.Text;

namespace Assistant.Answering.Normalization;

/// <summary>
/// Arabic typed in Latin letters and digits («w emta?», «tab leh?», «shu kan rad russia»): common words are looked up,
/// the rest is written letter by letter (3 ع, 7 ح, 2 ء, 5 خ, sh ش …), which brings names close to their Arabic spelling.
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
        ["shu"] = "ماذا", ["shou"] = "ماذا", ["sho"] = "ماذا", ["shoo"] = "ماذا", ["esh"] = "ماذا", ["eish"] = "ماذا", ["aish"] = "ماذا", ["eh"] = "ماذا", ["eih"] = "ماذا", ["ey"] = "ماذا",
        ["shno"] = "ماذا", ["shnu"] = "ماذا", ["wesh"] = "ماذا", ["wish"] = "ماذا", ["matha"] = "ماذا", ["maza"] = "ماذا", ["ma"] = "ما",
        ["kam"] = "كم", ["2adesh"] = "كم", ["adesh"] = "كم", ["addesh"] = "كم", ["2ddesh"] = "كم", ["adaish"] = "كم", ["2adaish"] = "كم", ["9adesh"] = "كم", ["gedesh"] = "كم",
        ["kif"] = "كيف", ["keef"] = "كيف", ["kaif"] = "كيف", ["kef"] = "كيف", ["ezzay"] = "كيف", ["izzay"] = "كيف", ["ezay"] = "كيف", ["izay"] = "كيف", ["kifach"] = "كيف", ["kifash"] = "كيف", ["shlon"] = "كيف",
        ["hal"] = "هل", ["hel"] = "هل", ["ay"] = "أي", ["ayy"] = "أي", ["anhi"] = "أي", ["anho"] = "أي",
        ["elli"] = "الذي", ["illi"] = "الذي", ["yalli"] = "الذي", ["li"] = "الذي", ["eli"] = "الذي",
        ["fi"] = "في", ["fe"] = "في", ["3an"] = "عن", ["3ala"] = "على", ["3la"] = "على", ["ma3"] = "مع", ["la"] = "لا", ["msh"] = "مش", ["mish"] = "مش", ["mesh"] = "مش", ["mush"] = "مش",
        ["kan"] = "كان", ["kanet"] = "كانت", ["kanat"] = "كانت", ["sar"] = "صار", ["sa2"] = "صار", ["rad"] = "رد", ["2al"] = "قال", ["al"] = "قال", ["2alat"] = "قالت",
        ["hek"] = "هيك", ["heik"] = "هيك", ["hay"] = "هذه", ["hada"] = "هذا", ["hayda"] = "هذا", ["hal2"] = "الآن", ["halla2"] = "الآن", ["hala2"] = "الآن",
        ["shi"] = "شي", ["eza"] = "إذا", ["iza"] = "إذا", ["lal"] = "لل", ["bel"] = "بال", ["wel"] = "وال", ["fel"] = "فال",
    };

    // Letter by letter: digraphs first. Short vowels inside a word are not written in Arabic; long and initial ones are.
    private static readonly (string Latin, string Arabic)[] Letters =
    [
        ("sh", "ش"), ("ch", "ش"), ("kh", "خ"), ("gh", "غ"), ("th", "ث"), ("dh", "ذ"), ("ou", "و"), ("oo", "و"), ("ee", "ي"), ("ei", "ي"), ("ai", "ي"), ("aa", "ا"),
        ("2", "ء"), ("3", "ع"), ("5", "خ"), ("6", "ط"), ("7", "ح"), ("8", "ق"), ("9", "ص"),
        ("b", "ب"), ("p", "ب"), ("t", "ت"), ("j", "ج"), ("g", "ج"), ("d", "د"), ("r", "ر"), ("z", "ز"), ("s", "س"), ("c", "ك"), ("f", "ف"), ("v", "ف"), ("q", "ق"),
        ("k", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("h", "ه"), ("w", "و"), ("y", "ي"), ("x", "كس"), ("i", "ي"), ("u", "و"), ("o", "و"),
    ];

    /// <summary>The article typed apart from its noun («el mukalame», «il 3amal»).</summary>
    private static readonly HashSet<string> SeparateArticles = new(StringComparer.OrdinalIgnoreCase) { "el", "il" };

    /// <summary>The message in Arabic letters, or null when it is not Arabizi.</summary>
    public static string? Transliterate(string text)
    {
        int latin = 0, arabic = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c)) latin++;
            else if (c is >= '\u0600' and <= '\u06FF') arabic++;
        }
        if (latin == 0 || latin < MinLatinShare * (latin + arabic)) return null;
        var tokens = Tokens(text).ToList();
        var signals = tokens.Count(t => t.IsWord && (Words.ContainsKey(t.Text) || (HasLetter(t.Text) && t.Text.Any(c => c is '2' or '3' or '5' or '7' or '8' or '9'))));
        if (signals == 0) return null;

        var builder = new StringBuilder(text.Length);
        var article = false;
        foreach (var token in tokens)
        {
            // «el mukalame»: the article typed as a word of its own belongs to the next word.
            if (article && !token.IsWord && token.Text.Trim().Length == 0) continue;
            article = token.IsWord && SeparateArticles.Contains(token.Text);
            if (article) builder.Append("ال");
            else if (!token.IsWord || !HasLetter(token.Text)) builder.Append(token.Text == "?" ? "؟" : token.Text);
            else if (IsAcronym(token.Text)) builder.Append(token.Text);
            else if (Words.TryGetValue(token.Text, out var word)) builder.Append(word);
            else if (token.Text.Length > 2 && token.Text.StartsWith("el", StringComparison.OrdinalIgnoreCase)) builder.Append("ال").Append(Letter(token.Text[2..], initial: false));
            else builder.Append(Letter(token.Text, initial: true));
        }
        return builder.ToString();
    }

    private static string Letter(string word, bool initial)
    {
        var lower = word.ToLowerInvariant();
        var builder = new StringBuilder();
        for (var i = 0; i < lower.Length;)
        {
            // A vowel that opens the word is written with alef («ahmad», «iran»); «a» and «e» inside it are not written, at its end «a» is.
            if (i == 0 && initial && lower[i] is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                builder.Append('ا');
                if (lower[i] is 'i') builder.Append('ي');
                i++;
                continue;
            }
            if (lower[i] is 'a' or 'e' && !(i + 1 < lower.Length && lower[i + 1] is 'a' or 'i' or 'e'))
            {
                if (i == lower.Length - 1 && lower[i] == 'a') builder.Append('ا');
                i++;
                continue;
            }
            var (latin, arabic) = Letters.FirstOrDefault(l => lower.AsSpan(i).StartsWith(l.Latin, StringComparison.Ordinal));
            if (latin is null)
            {
                builder.Append(lower[i]);
                i++;
                continue;
            }
            // A doubled consonant is written once (shadda is not typed).
            if (builder.Length == 0 || builder[^1].ToString() != arabic || arabic.Length != 1 || latin.Length != 1) builder.Append(arabic);
            i += latin.Length;
        }
        return builder.ToString();
    }

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
