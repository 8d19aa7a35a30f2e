using System.Text;
using System.Text.RegularExpressions;
using Assistant.Analysis;
using Assistant.Storage;

namespace Assistant.Answering.Normalization;

/// <summary>
/// Separates what is asked from how it is wrapped, before anything searches or reads the question: Arabizi is written
/// in Arabic letters, question numbers and list markers («س5)»، «2-»، «Q3.»، «أولاً:») are dropped, greetings, thanks,
/// politeness and framing («مرحبا»، «لو سمحت»، «سؤالي هو»، «بحسب الوثائق») are cut from the start and end of each
/// clause, a leading address in words the documents never use («أخي الكريم،») is dropped, what the asker tells about
/// themselves around a question that stands on its own is dropped
/// (<see cref="ContextSentences"/>), and dialect interrogatives and function words (شو، وين، إمتى، قديش، ليش، إزاي،
/// تبع …) become their Modern Standard Arabic forms. What is asked is never touched: a number inside the question («الجولة 8»، «القرار 2254»)
/// stays, and a clause is only shortened, never dropped for its content.
/// </summary>
public sealed partial class QuestionNormalizer(ArabicTextAnalyzer analyzer)
{
    /// <summary>Interrogatives after which «يعني» is a filler, in matching form.</summary>
    private static readonly HashSet<string> FillerInterrogatives = new(StringComparer.Ordinal)
    {
        "من", "مين", "شكون", "منو", "كم", "قديش", "كام", "شحال", "متي", "امتي", "ايمتي", "وقتاش", "متين", "اين", "وين", "فين",
        "لماذا", "ليش", "ليه", "علاش", "كيف", "ازاي", "شلون", "كيفاش", "اي", "انهي",
    };

    /// <summary>An address or frame before the question is short («أخي الكريم»، «تحية طيبة وبعد»).</summary>
    private const int MaxAddressWords = 4;

    /// <summary>What follows a dropped address names at least this many terms the documents use.</summary>
    private const int MinStandaloneTerms = 3;

    /// <summary>
    /// <see cref="Normalize"/> with what the documents say: each Arabizi word is spelt the way they spell it (of its
    /// possible spellings, the plain one if some passage has it, else the one most passages have, else the plain one),
    /// and a leading clause is known to use none of their words.
    /// </summary>
    public async Task<NormalizedQuestion> NormalizeAsync(string question, IPassageIndex vocabulary, CancellationToken cancellationToken)
    {
        var words = new List<IReadOnlyList<string>>();
        Arabizi.Transliterate(question, spellings => { words.Add(spellings); return spellings[0]; });
        if (words.Count == 0)
        {
            // Most questions have no leading clause that could be an address: then nothing needs the documents' words,
            // and the index (one count per term with Qdrant) is not asked.
            var asked = false;
            var plain = Normalize(question, used: _ => asked = true);
            if (!asked) return plain;
        }
        var termsOf = words.SelectMany(w => w).Distinct(StringComparer.Ordinal).ToDictionary(w => w, analyzer.Terms, StringComparer.Ordinal);
        var looked = termsOf.Values.SelectMany(t => t).Concat(analyzer.Terms(question)).Concat(FusedReadings(question).SelectMany(analyzer.Terms)).ToHashSet(StringComparer.Ordinal);
        var statistics = await vocabulary.GetTermStatisticsAsync(looked, cancellationToken);
        int Passages(string spelling) => termsOf[spelling].Select(t => statistics.DocumentFrequency.GetValueOrDefault(t)).DefaultIfEmpty(0).Max();
        Func<IReadOnlyList<string>, string>? spell = words.Count == 0 ? null
            : spellings => Passages(spellings[0]) > 0 ? spellings[0] : spellings.MaxBy(Passages) is { } best && Passages(best) > 0 ? best : spellings[0];
        // A term not looked up (of a spelling chosen above) is taken as used: only what is known to be absent counts.
        return Normalize(question, spell, term => !looked.Contains(term) || statistics.DocumentFrequency.GetValueOrDefault(term) > 0);
    }

    /// <param name="spell">Chooses among an Arabizi word's possible spellings; the plain letter-by-letter one when null.</param>
    /// <param name="used">Whether the documents use an analysed term; when null, every term is taken as used.</param>
    public NormalizedQuestion Normalize(string question, Func<IReadOnlyList<string>, string>? spell = null, Func<string, bool>? used = null)
    {
        var notes = new List<string>();
        var text = WithoutDiacritics(WithoutMarkup(question, notes));
        if (Arabizi.Transliterate(text, spell) is { } arabic)
        {
            notes.Add($"Arabizi written in Arabic letters: «{arabic}»");
            text = arabic;
        }
        else if (Arabizi.IsLatin(text))
        {
            notes.Add("not Arabic: Latin letters without Arabizi");
            return new NormalizedQuestion(text, notes) { NotArabic = true };
        }

        text = StripMarkers(text, notes);
        var words = Words(text);
        var kept = new bool[words.Count];
        var context = new bool[words.Count];
        foreach (var (first, last) in ContextSentences.Find(text, words, analyzer))
        {
            notes.Add($"context removed: «{Slice(text, words, first, last)}»");
            Array.Fill(context, true, first, last - first + 1);
        }
        var leading = true;
        foreach (var (first, last) in Clauses(text, words))
        {
            if (context[first]) continue;
            if (leading && used is not null && IsAddress(text, words, first, last, used))
            {
                notes.Add($"address removed: «{Slice(text, words, first, last)}»");
                continue;
            }
            var (from, to) = Unwrap(words, first, last);
            if (from > first) notes.Add($"wrapper removed: «{Slice(text, words, first, from - 1)}»");
            if (to < last) notes.Add($"wrapper removed: «{Slice(text, words, to + 1, last)}»");
            for (var i = from; i <= to; i++) kept[i] = true;
            leading &= from > to;
        }

        CutInterjections(text, words, kept, notes);

        // A message that is only a wrapper («مرحبا»، «شكراً!») keeps its words, and asks nothing.
        var asksNothing = words.Count > 0 && !kept.Contains(true);
        if (asksNothing) Array.Fill(kept, true);
        // A number may follow the greeting it was written after («مرحبا، س5) …»).
        var output = StripMarkers(Compose(text, words, kept, notes, used), notes);
        // «شكراً جزيلاً»: the message ends by thanking, and is answered as thanks, not as a greeting.
        var thanks = asksNothing && QuestionWrappers.ThanksPhrases.MatchEndingAt(words, 0, words.Count - 1) > 0;
        return new NormalizedQuestion(output, notes) { AsksNothing = asksNothing, Thanks = thanks };
    }

    /// <summary>The question's words: matching form and where each lies in the text.</summary>
    private List<Word> Words(string text)
    {
        var words = new List<Word>();
        analyzer.ForEachWord(text, 0, text.Length, (word, start, end) => words.Add(new Word(word.ToString(), start, end)));
        return words;
    }

    /// <summary>
    /// HTML or XML pasted with the question («&lt;b&gt;…&lt;/b&gt;», «&lt;script&gt;alert(1)&lt;/script&gt;»): tags are
    /// not words, and a script's or style's content is not what is asked (its «1» would be a number the answer must hold).
    /// Markdown as a chat box or the CLI passes it on is read the same way: a link keeps its text and loses its address,
    /// emphasis keeps its words, and an address on its own («http://…»، «www.…») is no word of the question.
    /// </summary>
    private static string WithoutMarkup(string text, List<string> notes)
    {
        var plain = text;
        if (plain.Contains('<')) plain = Tag().Replace(ScriptOrStyle().Replace(plain, " "), " ");
        if (plain.Contains("](", StringComparison.Ordinal)) plain = MarkdownLink().Replace(plain, "$1");
        if (plain.Contains(':') || plain.Contains("www.", StringComparison.OrdinalIgnoreCase)) plain = Address().Replace(plain, " ");
        if (plain.Contains("**", StringComparison.Ordinal) || plain.Contains("__", StringComparison.Ordinal) || plain.Contains('`')) plain = Emphasis().Replace(plain, " ");
        if (plain == text) return text;
        notes.Add("markup removed");
        return QuestionText.Clean(plain, keepLineBreaks: true);
    }

    /// <summary>
    /// Short vowels, sukun and tatweel («مَتى عُقدت»، «الـرئيس») carry nothing the matching forms keep, but the patterns that
    /// find question numbers, interrogatives and parts read the text as typed, and a mark inside «سِ٢» or «مَتى» hid them.
    /// Shadda and tanween stay: they are how the asker writes «وقّع» and «شكراً», and the explanations quote the asker's words.
    /// </summary>
    private static string WithoutDiacritics(string text)
    {
        if (text.AsSpan().IndexOfAny(Diacritics) < 0) return text;
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Diacritics.Contains(c)) plain.Append(c);
        }
        return plain.ToString();
    }

    /// <summary>Fatha, damma, kasra, sukun, tatweel and the superscript alef.</summary>
    private static readonly System.Buffers.SearchValues<char> Diacritics = System.Buffers.SearchValues.Create("\u064E\u064F\u0650\u0652\u0640\u0670");

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex Tag();

    /// <summary>«[text](address)» and «![text](address)»: the text, without its address.</summary>
    [GeneratedRegex(@"!?\[([^\[\]\n]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")]
    private static partial Regex MarkdownLink();

    /// <summary>A web, mail or script address: up to the next space, quotation mark or Arabic punctuation.</summary>
    [GeneratedRegex(@"\b(?:(?:https?|ftp|javascript|data|mailto|file):|www\.)[^\s<>«»""'؟،]+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    /// <summary>Markdown's bold and code marks («**أين**»، «__أين__»، «`أين`»); a single «*» or «_» may be meant.</summary>
    [GeneratedRegex(@"\*\*|__|`+")]
    private static partial Regex Emphasis();

    /// <summary>
    /// Question numbers and list markers before (or, in brackets, after) the question, however many, and before each
    /// question of a numbered list («1- متى…؟ 2- ما…؟», one per line or not).
    /// </summary>
    private static string StripMarkers(string text, List<string> notes)
    {
        while (true)
        {
            // The two unanchored patterns run only where they can match: nearly every question has no bracket, and its
            // only question mark ends it, and trying them at every position was most of the normaliser's time.
            var match = LeadingMarker().Match(text);
            if (!match.Success && text.AsSpan().ContainsAny('(', '[')) match = TrailingMarker().Match(text);
            if (!match.Success && HasTextAfterBreak(text)) match = ListedMarker().Match(text);
            if (!match.Success || match.Length == text.Length) return text;
            notes.Add($"marker removed: «{match.Value.Trim()}»");
            text = $"{text[..match.Index].TrimEnd()} {text[(match.Index + match.Length)..]}".Trim();
        }
    }

    /// <summary>
    /// Whether a line break or question mark has something besides spaces and tabs after it: where <see cref="ListedMarker"/>
    /// can match (after one, and a marker is never empty).
    /// </summary>
    private static bool HasTextAfterBreak(string text)
    {
        var trimmed = text.AsSpan().TrimEnd([' ', '\t']);
        var first = trimmed.IndexOfAny('\n', '؟', '?');
        return first >= 0 && first < trimmed.Length - 1;
    }

    /// <summary>Clauses as ranges of word indexes, split where the text has a clause-ending mark between two words.</summary>
    private static IEnumerable<(int First, int Last)> Clauses(string text, List<Word> words)
    {
        var first = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1].Start : text.Length;
            if (i + 1 == words.Count || HasClauseMark(text.AsSpan(words[i].End, next - words[i].End)))
            {
                yield return (first, i);
                first = i + 1;
            }
        }
    }

    private static bool HasClauseMark(ReadOnlySpan<char> between)
    {
        foreach (var c in between)
        {
            if (c is '،' or ',' or '؛' or ';' or ':' or '.' or '!' or '؟' or '?' or '…' or '\n') return true;
        }
        // A dash with spaces round it separates clauses; one inside a word or a date («19-20») does not.
        var dash = between.Trim();
        return dash.Length == 1 && between.Length > 1 && dash[0] is '-' or '–' or '—';
    }

    /// <summary>
    /// A clause before the question (or after others like it) that asks nothing and uses none of the documents' words
    /// («أخي الكريم،»، «تحية طيبة، وبعد:»، «اسمح لي بسؤال:»): how the asker addresses or frames the question, when what
    /// follows it stands on its own. A word the documents never use may still be what is asked about («الزعيمان، أين
    /// التقيا؟»), so the rest must name enough without it.
    /// </summary>
    private bool IsAddress(string text, List<Word> words, int first, int last, Func<string, bool> used)
    {
        if (last == words.Count - 1 || last - first + 1 > MaxAddressWords) return false;
        if (text.AsSpan(words[last].End, words[last + 1].Start - words[last].End).IndexOfAny('؟', '?') >= 0) return false;
        for (var i = first; i <= last; i++)
        {
            foreach (var term in analyzer.Terms(words[i].Form)) if (used(term)) return false;
        }
        return analyzer.Terms(text[words[last + 1].Start..]).Count(used) >= MinStandaloneTerms;
    }

    /// <summary>
    /// Drops what is said for emphasis or politeness inside the question (<see cref="QuestionWrappers.Interjections"/>),
    /// and «يعني» right after an interrogative that asks for a name, a time, a place or a number («من يعني ترأس…»; «ما
    /// يعني…» asks what something means).
    /// </summary>
    private static void CutInterjections(string text, List<Word> words, bool[] kept, List<string> notes)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!kept[i]) continue;
            var length = i > 0 && words[i].Form == "يعني" && FillerInterrogatives.Contains(words[i - 1].Form) ? 1
                : QuestionWrappers.Interjections.MatchAt(words, i, words.Count - 1);
            if (length == 0) continue;
            notes.Add($"interjection removed: «{Slice(text, words, i, i + length - 1)}»");
            Array.Fill(kept, false, i, length);
            i += length - 1;
        }
    }

    /// <summary>The clause without the wrapper phrases at its start and end; the whole clause when it is all wrapper.</summary>
    private static (int From, int To) Unwrap(List<Word> words, int first, int last)
    {
        var from = first;
        var to = last;
        var changed = true;
        while (changed && from <= to)
        {
            changed = false;
            if (QuestionWrappers.Phrases.MatchAt(words, from, to) is > 0 and var head)
            {
                from += head;
                changed = true;
            }
            if (from <= to && QuestionWrappers.Phrases.MatchEndingAt(words, from, to) is > 0 and var tail)
            {
                to -= tail;
                changed = true;
            }
        }
        return from > to ? (last + 1, last) : (from, to);
    }

    /// <summary>The kept words with what lies between them, dialect words in their standard form.</summary>
    private string Compose(string text, List<Word> words, bool[] kept, List<string> notes, Func<string, bool>? used)
    {
        var builder = new StringBuilder(text.Length);
        var previous = -1;
        var i = 0;
        while (i < words.Count)
        {
            if (!kept[i])
            {
                i++;
                continue;
            }
            if (previous >= 0)
            {
                // Between neighbours, the text as it is («19-20»); across a removed wrapper, one space and the mark that
                // ended the kept clause («؟»), so two questions stay two.
                var between = text.AsSpan(words[previous].End, words[previous + 1].Start - words[previous].End);
                if (previous == i - 1) builder.Append(between);
                else builder.Append(HasClauseMark(between) ? between.Trim() : "").Append(' ');
            }
            if (DialectWords.Phrases.MatchAt(words, i, words.Count - 1) is > 0 and var length && AllKept(kept, i, length))
            {
                var standard = DialectWords.Standard(words, i, length);
                // A misspelt word is listed by its matching form, which the standard spelling shares («متي», «متى»).
                var typed = Slice(text, words, i, i + length - 1);
                if (typed != standard) notes.Add($"«{typed}» read as «{standard}»");
                builder.Append(standard);
                i += length;
            }
            else if (DaysInWords.At(words, i) is { } day && AllKept(kept, i, day.Length))
            {
                notes.Add($"«{Slice(text, words, i, i + day.Length - 1)}» read as «{day.Day}»");
                builder.Append(day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
                i += day.Length;
            }
            else if (DialectWords.WithoutFusedDemonstrative(text.AsSpan(words[i].Start, words[i].End - words[i].Start)) is { } noun)
            {
                notes.Add($"«{Slice(text, words, i, i)}» read as «{noun}»");
                builder.Append(noun);
                i++;
            }
            else if (used is not null && FusedReading(text.AsSpan(words[i].Start, words[i].End - words[i].Start), used) is { } split)
            {
                notes.Add($"«{Slice(text, words, i, i)}» read as «{split}»");
                builder.Append(split);
                i++;
            }
            else
            {
                builder.Append(text, words[i].Start, words[i].End - words[i].Start);
                i++;
            }
            previous = i - 1;
        }
        if (previous >= 0)
        {
            var end = previous + 1 < words.Count ? words[previous + 1].Start : text.Length;
            var tail = text.AsSpan(words[previous].End, end - words[previous].End).Trim();
            builder.Append(tail);
            // «ما عاصمة الأردن بحسب الوثائق؟»: the question mark after a removed wrapper still ends the question.
            if (tail.IndexOfAny('؟', '?') < 0 && text.AsSpan(end).IndexOfAny('؟', '?') >= 0) builder.Append('؟');
        }
        return QuestionText.Clean(builder.ToString());
    }

    /// <summary>A word read with its fused particle written out (<see cref="DialectWords.WithFusedParticle"/>) when the documents never use it as written but use what is left.</summary>
    private string? FusedReading(ReadOnlySpan<char> word, Func<string, bool> used)
    {
        if (DialectWords.WithFusedParticle(word) is not { } split) return null;
        // The word's own term, not a second stem the analyser may also give it («كيقول» is also «يقول»).
        var written = analyzer.Terms(word.ToString());
        return written.Count > 0 && !used(written[0]) && analyzer.Terms(split).Any(used) ? split : null;
    }

    /// <summary>Every fused reading the question's words could have, so that the documents are asked about their terms too.</summary>
    private IEnumerable<string> FusedReadings(string question) =>
        Words(question).Select(w => DialectWords.WithFusedParticle(question.AsSpan(w.Start, w.End - w.Start))).OfType<string>();

    private static bool AllKept(bool[] kept, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!kept[i]) return false;
        }
        return true;
    }

    private static string Slice(string text, List<Word> words, int first, int last) => text[words[first].Start..words[last].End];

    // A list marker is a number of at most three digits (or a dotted one, «2.3») with a closing mark or a label («س5)»،
    // «س 5 -»، «س-2:»، «2-»، «Q3.»، «(٤)»، «السؤال 7:»، «سؤال رقم 3:»، «#2»، «رقم 4:»، «1.»), a keycap digit («3️⃣»), a bullet
    // («•»), a letter with a closing mark («ب)»، «(أ)»، «a.»), a label alone with a colon («س:»، «Q:») or a counted
    // word («السؤال الثالث:»، «أولاً:»); a whole number followed by a word («8 تشرين») is part of the question (a decimal
    // there is read as a sub-item's number: a question opens with its words, not a fraction).
    private const string Digits = "[0-9٠-٩۰-۹]{1,3}(?:[.][0-9٠-٩۰-۹]{1,3})*";
    private const string Label = @"(?:(?:ال)?سؤال\s*(?:رقم\s*)?|س|q|Q|question|Question)";
    private const string Closing = "[-–—.:)/]";
    private const string Markers =
        @"[-–—•*·▪●◦>]+\s*"
        + $@"|{Digits}[.]{Digits}\s+"
        + $@"|[(\[]\s*{Label}?\s*{Digits}\s*[)\]]\s*{Closing}?\s*"
        + $@"|(?:{Label}|رقم|No\.?|#)?\s*{Digits}\s*{Closing}+\s*"
        + $@"|(?:{Label}|#)\s*{Digits}\s+"
        + $@"|{Label}\s*[-–—_]\s*{Digits}\s*{Closing}*\s*"
        + @"|[0-9]\uFE0F?\u20E3\s*[-–—.:)]?\s*"
        + @"|[(\[]?\s*[\u0621-\u064A]\s*[)\]]\s*[-–—.:]?\s*|[\u0621-\u064A]\s*[-–—]\s+|[(\[]?[a-zA-Z][).\]]\s+"
        + $@"|{Label}\s*[:：]\s*"
        + @"|(?:ال)?سؤال\s+(?:ال)?(?:أول|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي عشر|ثاني عشر|أخير|اخير)[ىية]?\s*[-–—.:)]+\s*"
        + @"|(?:أولا|اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|أخيرا|اخيرا)[ًٌ]?\s*[-–—.:)]+\s*";

    [GeneratedRegex($@"^\s*(?:{Markers})")]
    private static partial Regex LeadingMarker();

    // The next question's marker, after a line break or the previous question's mark.
    [GeneratedRegex($@"(?<=[\n؟?][ \t]*)(?:{Markers})")]
    private static partial Regex ListedMarker();

    // After the question, a bracketed number («(3)»، «[س 3]»), before the final marks if any.
    [GeneratedRegex(@"\s*[(\[]\s*(?:(?:ال)?سؤال\s*|س|q|Q)?\s*[0-9٠-٩۰-۹]{1,3}\s*[)\]](?=[\s.…؟?!]*$)")]
    private static partial Regex TrailingMarker();
}

/// <param name="Text">What is asked, in the user's words, without its wrapping.</param>
/// <param name="Notes">What was removed or rewritten, in order (for <c>ask --explain</c>).</param>
public sealed record NormalizedQuestion(string Text, IReadOnlyList<string> Notes)
{
    /// <summary>Whether the message is only greetings, thanks or politeness («مرحبا»، «شكراً جزيلاً»، «ممكن تساعدني؟»).</summary>
    public bool AsksNothing { get; init; }

    /// <summary>Whether a message that asks nothing ends by thanking («شكراً»، «مشكور»، «يعطيك العافية»).</summary>
    public bool Thanks { get; init; }

    /// <summary>
    /// Whether the message is written in Latin letters and is not Arabizi («Where did Trump and Putin meet?»): the
    /// documents are Arabic and so is what the question is matched against, so it is not searched.
    /// </summary>
    public bool NotArabic { get; init; }
}

/// <summary>A word of the question in matching form (normalised, unstemmed) and its place in the text.</summary>
internal readonly record struct Word(string Form, int Start, int End);
