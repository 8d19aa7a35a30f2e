namespace Assistant.Answering.ShortAnswers;

/// <summary>
/// Completes a cut phrase to the end of the constituent its last word opens, rather than to the end of its sentence: a
/// preposition takes its object («حول القمة الثلاثية»), a noun in construct its complement («قائمة اليونسكو», «سيطرة
/// الجيش»), a definite noun its relative adjective or ordinal («التراث الإنساني», «الجولة الثامنة»), a noun its number
/// («برقم 2254»), an opened bracket or quotation its close («(أبيك)», «"تنظيم مجموعة العمل…"»), an aside what it
/// interrupted («، وخاصة روسيا، إزالة العقبات»), and a phrase cut right before an aside or a listing connective goes on
/// through it («، بما في ذلك الإصلاح الدستوري…»). A phrase that ends whole stays as it is: the answer is the few words that
/// answer, not the sentence around them.
/// </summary>
internal static class Constituent
{
    /// <summary>At most this many words are added by completion: a constituent that runs longer is no sure cut.</summary>
    private const int MaxAddedWords = 4;

    /// <summary>How many words an opened bracket or quotation may run on to its close.</summary>
    private const int MaxEnclosedWords = 12;

    /// <summary>Prepositions and prepositional nouns, in matching form, that cannot end a phrase: their object follows.</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "حول", "بشان", "بخصوص", "ازاء", "تجاه", "دون", "حسب", "بحسب", "وفق", "وفقا", "عبر", "ضد", "نحو", "خلال", "بعد", "قبل", "بين",
        "لدي", "عند", "مع", "الي", "علي", "في", "من", "عن", "منذ", "حتي", "لصالح", "بموجب", "باسم",
    };

    /// <summary>Brackets that open, each with the one that closes it.</summary>
    private static readonly Dictionary<char, char> Enclosures = new() { ['('] = ')', ['«'] = '»', ['['] = ']' };

    /// <summary>Quotation marks the documents open and close alike (and «”…“» as often as «“…”»).</summary>
    private static readonly char[] QuotationMarks = ['"', '“', '”'];

    /// <summary>The phrase with the constituent its last word opens completed, within <paramref name="budget"/> words of its start.</summary>
    public static Phrase Complete(Phrase phrase, int budget)
    {
        var quote = phrase.Quote;
        var words = quote.Words;
        var limit = Math.Min(words.Count - 1, phrase.First + budget - 1);
        // «لضمان الاستقرار | ، بما في ذلك مناطق حظر الطيران», «يجب على المجتمع الدولي | ، وخاصة روسيا، إزالة العقبات»: a phrase cut
        // right before an aside or a listing connective goes on through it, to the members it names or what it interrupts.
        if (phrase.Last < limit && quote.CommaAfter(phrase.Last) && words[phrase.Last + 1].Sentence == words[phrase.Last].Sentence
            && PhraseCutter.OpensElaboration(quote, phrase.Last + 1))
        {
            var aside = phrase.Last + 1;
            while (aside < limit && !quote.BreakAfter(aside)) aside++;
            phrase = phrase with { Last = aside };
        }
        var last = Enclosed(phrase, limit);
        // «يجب على المجتمع الدولي، وخاصة روسيا، إزالة العقبات…»: a phrase that ends on an aside naming one of what it said
        // goes on with what the aside interrupted, the next clause of its sentence.
        if (last == phrase.Last && EndsOnAside(quote, phrase.First, last) && last < limit && quote.CommaAfter(last)
            && words[last + 1].Sentence == words[last].Sentence && !words[last + 1].Function)
        {
            var end = last + 1;
            while (end - last < MaxAddedWords && end < limit && !quote.BreakAfter(end)) end++;
            return phrase with { Last = end };
        }
        var from = last;
        while (last - from < MaxAddedWords && last < limit && !quote.BreakAfter(last) && Completes(words[last], words[last + 1])) last++;
        return last == phrase.Last ? phrase : phrase with { Last = last };
    }

    /// <summary>Whether word <paramref name="next"/> completes the constituent <paramref name="word"/> leaves open.</summary>
    private static bool Completes(CitedWord word, CitedWord next)
    {
        if (next.Function && !Prepositions.Contains(next.Form)) return false;
        // «حول القمة», «بموجب القرار»: a preposition ends no phrase.
        if (Prepositions.Contains(word.Form)) return !next.Function;
        // «برقم 2254», «G 20», «أستانا 8»: a number after a noun is part of its name; one that opens a date is not («بتاريخ 19-20…»).
        if (!word.Function && char.IsDigit(next.Form[0]) && !char.IsDigit(word.Form[0]) && (next.Cues & (CueKinds.Year | CueKinds.Time)) == 0) return true;
        var definite = Definite(word.Form);
        // «الجولة الثامنة», «التراث الإنساني», «الجيش السوري»: a definite noun's ordinal or relative adjective.
        if (definite && Definite(next.Form) && (Relative(next.Form) || (next.Cues & CueKinds.Quantity) != 0 || next.Terms.Any(Ordinals.IsOrdinal))) return true;
        // «قائمة اليونسكو», «سيطرة الجيش»: a noun in construct, without the article or a pronoun, before its definite complement;
        // a figure is no noun in construct («برقم 2254 بالتوافق…»).
        return !definite && !word.Function && !char.IsDigit(word.Form[0]) && !OwnsPronoun(word.Form) && Definite(next.Form) && !next.Function && (word.Cues & (CueKinds.Time | CueKinds.Quantity | CueKinds.Year)) == 0;
    }

    /// <summary>Whether the phrase's last clause, after a clause of its own, is an aside opened by «وخاصة»، «لا سيما»، «بما في ذلك»….</summary>
    private static bool EndsOnAside(CitedWords quote, int first, int last)
    {
        var start = last;
        while (start > first && !quote.BreakAfter(start - 1)) start--;
        return start > first && quote.CommaAfter(start - 1) && PhraseCutter.OpensElaboration(quote, start);
    }

    /// <summary>With the article, bare or after a one-letter prefix («الجيش», «والجيش», «للجيش»).</summary>
    internal static bool Definite(string form) =>
        form.StartsWith("ال", StringComparison.Ordinal) || (form.Length > 3 && form[0] is 'و' or 'ف' or 'ب' or 'ك' && form[1..].StartsWith("ال", StringComparison.Ordinal))
        || form.StartsWith("لل", StringComparison.Ordinal);

    /// <summary>A relative adjective («السوري», «الإنسانية», «الأوروبيين»), in matching form.</summary>
    private static bool Relative(string form) =>
        form.Length > 4 && (form.EndsWith('ي') || form.EndsWith("يه", StringComparison.Ordinal) || form.EndsWith("يين", StringComparison.Ordinal) || form.EndsWith("يون", StringComparison.Ordinal));

    /// <summary>A word that ends in a pronoun other than «ـه» (which reads alike with ة): a noun that owns it takes no complement.</summary>
    internal static bool OwnsPronoun(string form) =>
        form.Length > 4 && (form.EndsWith("ها", StringComparison.Ordinal) || form.EndsWith("هم", StringComparison.Ordinal) || form.EndsWith("هما", StringComparison.Ordinal) || form.EndsWith("نا", StringComparison.Ordinal) || form.EndsWith("كم", StringComparison.Ordinal));

    /// <summary>
    /// The phrase's last word, or the last word before the close of a bracket or quotation the phrase opens and does not
    /// close, when it closes within <see cref="MaxEnclosedWords"/> words, in the same sentence and within <paramref name="limit"/>.
    /// </summary>
    private static int Enclosed(Phrase phrase, int limit)
    {
        var quote = phrase.Quote;
        var text = quote.Citation.Quote;
        var words = quote.Words;
        var end = words[phrase.Last].End;
        var open = new Stack<char>();
        var quotationMarks = 0;
        // From the end of the word before: a quotation may open right before the phrase's first word.
        for (var c = phrase.First > 0 ? words[phrase.First - 1].End : 0; c < end; c++)
        {
            if (Enclosures.TryGetValue(text[c], out var close)) open.Push(close);
            else if (open.Count > 0 && text[c] == open.Peek()) open.Pop();
            else if (Array.IndexOf(QuotationMarks, text[c]) >= 0) quotationMarks++;
        }
        var at = open.Count > 0 ? text.IndexOf(open.Peek(), end) : quotationMarks % 2 == 1 ? text.IndexOfAny(QuotationMarks, end) : -1;
        if (at < 0) return phrase.Last;
        var last = phrase.Last;
        while (last + 1 < words.Count && words[last + 1].End <= at) last++;
        return last - phrase.Last <= MaxEnclosedWords && last <= limit && words[last].Sentence == words[phrase.Last].Sentence ? last : phrase.Last;
    }
}
