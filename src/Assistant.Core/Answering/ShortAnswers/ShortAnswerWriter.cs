using System.Text;
using System.Text.RegularExpressions;
using Assistant.Analysis;
using Assistant.Answering.Llm.Facts;
using Assistant.Storage;

namespace Assistant.Answering.ShortAnswers;

/// <summary>
/// Cuts the short answer out of the cited quotes: the phrase the question's interrogative asks for (a date, a number, a
/// place, a person or thing named beside the question's words, a stated reason), one per part of a two-part question;
/// yes or no when the clause that answers a «هل» question decides it, with that clause; otherwise the clause that says
/// most of the question, without the question's own words at its edges. Every word is the quote's own, cut on word
/// boundaries; only «نعم»، «لا» and the comma joining two parts are added. Never more than <see cref="MaxWords"/> words.
/// </summary>
public sealed partial class ShortAnswerWriter(ArabicTextAnalyzer analyzer, PassageTermCache passageTerms) : IShortAnswerWriter
{
    private readonly FactReader _facts = new(analyzer);

    public const int MaxWords = 20;

    private const double RankPenalty = 0.5;

    /// <summary>More than any clause's question words weigh: a clause with a new word comes first.</summary>
    private const double SaysNothingNew = 100;
    private const string Yes = "نعم، ";
    private const string No = "لا، ";

    /// <summary>Words that negate what follows, in matching form.</summary>
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "لا", "لم", "لن", "ليس", "ليست", "ليسوا", "غير", "عدم", "ولا", "ولم", "ولن", "فلا", "لسنا", "ما",
    };

    public GeneratedAnswer Lead(GeneratedAnswer answer, AnswerRequest request, IReadOnlyCollection<int>? unansweredParts = null, IReadOnlyList<IReadOnlyList<int>>? partQuotes = null)
    {
        if (answer.Abstained || answer.Citations.Count == 0) return answer;
        var rarity = Rarity(request.Passages);
        // A message that asks two things («من وقّع المذكرة، ومتى أُبرمت؟») gets one part per question, in order; one
        // question may itself join two interrogatives («أين ومتى عُقد اللقاء؟»).
        // A resolved follow-up asks what its own words ask, of what the whole question is about.
        var followUp = FollowUpWords(request, analyzer);
        var questions = request.Readings.Parts(followUp ?? request.Question, analyzer);
        var asks = new List<(AnswerShape Shape, ShortAnswerAsk Ask, QuestionIntent Intent, int Part)>();
        for (var index = 0; index < questions.Count; index++)
        {
            // A part no quote answers has no words to cut: what the quotes say is about the other parts.
            if (followUp is null && unansweredParts?.Contains(index) == true) continue;
            var question = questions[index];
            var read = followUp is null ? question : request.Question;
            var intent = followUp is null ? request.Readings.Intent(read, analyzer) : request.Intent(analyzer);
            // An elliptical part is read with the longest part after it («وما الدول المشاركة فيها؟ في أي يوم…»): its words
            // say what it is about, its own interrogative what it asks («ما الدول», not the date the longest part asks).
            // A question alone is all its own words, whatever greeting opens it («مرحبا، ممكن تساعدني؟ ما…»).
            var own = questions.Count > 1 ? OwnWords(question) : question;
            var ask = AnswerShapes.Of(own, own.Length == read.Length ? intent : request.Readings.Intent(own, analyzer), analyzer);
            // A follow-up's own words say what it asks, and by which words the text introduces that kind of answer; the nouns
            // and verbs the answer is named after may be the earlier question's («وأين تقع؟» of the city the earlier one asked for).
            // The object its own words front a preposition for is its own too («وبين من؟» asks nothing of «…التي رحب بها»), and so
            // is what they set aside («وعن أي ملف غير سوريا تحدثا؟»): the earlier question's «غير…» sets nothing aside now.
            if (followUp is not null)
            {
                var whole = AnswerShapes.Of(request.Question, intent, analyzer);
                ask = whole with { Shapes = ask.Shapes, Introducers = ask.Introducers, IntroducerWords = ask.IntroducerWords, Governed = whole.Governed with { Prefixes = ask.Governed.Prefixes, Resumed = ask.Governed.Resumed }, Excluded = ask.Excluded, ExcludedForms = ask.ExcludedForms };
            }
            // One that asks nothing of its own («والاجتماع التحضيري الذي يسبقه؟») asks for what the turn before asked («متى…؟»),
            // of its own subject: the resolved question has the earlier one's words, not its interrogative.
            else if (EarlierAsk(request, questions.Count) is { } earlier) ask = ask with { Shapes = earlier.Shapes, BoundOpeners = earlier.BoundOpeners };
            // A second «من» a clause mark sets apart («…، وتحت رعاية من ستسير التسوية السياسية؟») asks who of its own words: read
            // with the whole question's, the first one's subject would place its answer. («…، وفق ما أعلنته…» asks nothing new.)
            asks.AddRange(ask.Shapes.Take(questions.Count == 1 ? ask.Shapes.Count : 1).Select((shape, n) =>
                (shape, ask.ForPart(n), n == 1 && shape == AnswerShape.Person && followUp is null && ask.SecondStart is { } start ? request.Readings.Intent(own[start..], analyzer) : intent, index)));
        }
        var budget = MaxWords / asks.Count;
        var quoteWords = answer.Citations.Select(citation => passageTerms.QuoteWords(citation.Quote)).ToArray();
        // The months the user named: a follow-up's inherited words name the earlier event's time, not the one asked about.
        var askedMonths = OtherTimes.Months(request.Asked ?? request.Question, _facts);
        var otherTimes = answer.Citations.Select((citation, i) => OtherTimes.Sentences(citation.Quote, quoteWords[i], askedMonths, _facts)).ToArray();
        var parts = new List<(string Text, CitedWords Quote)>();
        var offered = OfferedTerms(request.Question);
        foreach (var (shape, ask, intent, index) in asks)
        {
            var ranks = QuoteRanks(answer.Citations, followUp is null && partQuotes?.Count == questions.Count ? partQuotes[index] : null);
            // By number: the quotes' words, terms and forms are numbered (above), and a question's that none has match none of them.
            var (termIds, wordIds, attribution) = (QuestionTermIds(intent, ask, request), TermIds.FindSet(intent.Words), AttributionTermIds(intent));
            var quotes = answer.Citations.Select((citation, i) => new CitedWords(citation, ranks[i], quoteWords[i], termIds, wordIds, intent.AsksPublication, rarity, attribution, offered) { OtherTimeSentences = otherTimes[i] })
                .OrderBy(q => q.Rank).ToList();
            if (Part(shape, quotes, ask, intent, budget) is not { } part) continue;
            // A piece another part's piece holds adds nothing; one that holds another's says it and more, and replaces it.
            if (parts.Any(p => p.Text.Contains(part.Text, StringComparison.Ordinal))) continue;
            parts.RemoveAll(p => part.Text.Contains(p.Text, StringComparison.Ordinal));
            parts.Add(part);
        }
        if (parts.Count == 0) return answer;

        var shortAnswer = string.Join("، ", parts.Select(p => p.Text));
        var sources = parts.Select(p => p.Quote.Citation.Marker).Distinct().ToList();
        return answer with { Text = LeadText(shortAnswer, sources) + answer.Text, ShortAnswer = shortAnswer, ShortAnswerSources = sources };
    }

    /// <summary>
    /// Each quote's rank for one part: the quotes cited for it (<paramref name="own"/>, markers best first) lead, the
    /// others follow in their order. Without such a list the quotes keep their order.
    /// </summary>
    internal static int[] QuoteRanks(IReadOnlyList<Citation> citations, IReadOnlyList<int>? own)
    {
        var order = (own ?? []).Where(m => m >= 1 && m <= citations.Count).Distinct()
            .Concat(citations.Select(c => c.Marker)).Distinct().ToList();
        return citations.Select(c => order.IndexOf(c.Marker)).ToArray();
    }

    /// <summary>The opening of an answer's text: the short answer, the markers of the quotes it was cut from, a blank line.</summary>
    public static string LeadText(string shortAnswer, IEnumerable<int> sources)
    {
        var lead = new StringBuilder(shortAnswer).Append(' ');
        foreach (var marker in sources) lead.Append('[').Append(marker).Append(']');
        return lead.Append("\n\n").ToString();
    }

    /// <summary>
    /// Whether the documents may say a question word in other words («نعت» for «وصف», «الاصطدام» for «الصدام»): it is a
    /// predicate, or none of its terms is in any document. The text around those words then holds the answer as it would
    /// around the question's own. Not the noun that names what is asked: its synonym in the text is part of the answer's
    /// name («ما الدول…» → «جمهورية إيران الإسلامية…»).
    /// </summary>
    private static bool SaidOtherwise(QuestionWord word, ShortAnswerAsk ask, TermStatistics statistics) =>
        !word.NamesAnswerKind && !ask.Kinds.ContainsAnyOf(word.Terms) && word.SaidOtherwise(statistics);

    /// <summary>The numbers of the question's terms, and of the synonyms of its words the documents may say otherwise, one
    /// look-up per term: no set of strings first, unless a follow-up's inherited terms are to be taken out.</summary>
    /// <summary>
    /// The term numbers of the two words a question offers to choose between at its end («…، خطوة دائمة أم مؤقتة؟», the
    /// Iraqi and Gulf «لو» for «or»): the one the text says is the answer. Null when it offers none («…أم لا؟» asks yes or no).
    /// </summary>
    private HashSet<int>? OfferedTerms(string question)
    {
        if (OfferedPair().Match(question) is not { Success: true } match || NotWords.Contains(match.Groups["b"].Value)) return null;
        return TermIds.FindSet(analyzer.Terms(match.Groups["a"].Value).Concat(analyzer.Terms(match.Groups["b"].Value)));
    }

    /// <summary>«لا» after «أم/أو/ولا» offers "or not", which the yes/no answer reads.</summary>
    private static readonly HashSet<string> NotWords = new(StringComparer.Ordinal) { "لا", "لأ", "لاء" };

    [GeneratedRegex(@"(?<a>[^\s،,؛;؟?!.]+)\s+(?:أم|ام|أو|او|ولا|لو)\s+(?<b>[^\s،,؛;؟?!.]+)\s*[؟?!.]*\s*$")]
    private static partial Regex OfferedPair();

    private static HashSet<int> QuestionTermIds(QuestionIntent intent, ShortAnswerAsk ask, AnswerRequest request)
    {
        // What a follow-up inherited from the conversation says what it is about, not what it asks now.
        if (request.InheritedTerms is { } inherited)
        {
            var terms = intent.ContentWords.SelectMany(w => w.Terms.Concat(SaidOtherwise(w, ask, request.Statistics) ? w.Synonyms : [])).ToHashSet(StringComparer.Ordinal);
            terms.ExceptWith(inherited);
            return TermIds.FindSet(terms);
        }
        var ids = new HashSet<int>();
        for (var w = 0; w < intent.ContentWords.Count; w++)
        {
            var word = intent.ContentWords[w];
            Add(word.Terms);
            if (SaidOtherwise(word, ask, request.Statistics)) Add(word.Synonyms);
        }
        return ids;

        void Add(IReadOnlyList<string> terms)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (TermIds.Find(terms[i]) is var id and not TermIds.Unknown) ids.Add(id);
            }
        }
    }

    /// <summary>The numbers of the terms the question says only to name whom its answer is according to («بحسب رئيس
    /// الدبلوماسية الأمريكية»); none, without a set of strings, when no word of it does.</summary>
    private static HashSet<int> AttributionTermIds(QuestionIntent intent)
    {
        var any = false;
        for (var w = 0; w < intent.ContentWords.Count && !any; w++) any = intent.ContentWords[w].IsAttribution;
        if (!any) return [];
        var terms = intent.ContentWords.Where(w => w.IsAttribution).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
        terms.ExceptWith(intent.ContentWords.Where(w => !w.IsAttribution).SelectMany(w => w.Terms));
        return TermIds.FindSet(terms);
    }

    /// <summary>The question up to its first question mark: a part's own words before the context it was read with.</summary>
    private static string OwnWords(string question)
    {
        var end = question.IndexOfAny(QuestionMarks);
        return end > 0 && end < question.Length - 1 ? question[..(end + 1)] : question;
    }

    private static readonly char[] QuestionMarks = ['؟', '?'];

    /// <summary>
    /// A resolved follow-up's own words: «وفي أي يوم» of «وفي أي يوم والقمة الثلاثية التي تبادلا الآراء حولها، أين تنعقد؟».
    /// The earlier question after them says what they are about, not what they ask: read as a part of its own, its «أين»
    /// would cut the earlier answer again. Null for a question of the user's own, and for a follow-up that asks nothing of
    /// its own («والاجتماع التحضيري الذي يسبقه؟»): it asks what the earlier question asked.
    /// </summary>
    private static string? FollowUpWords(AnswerRequest request, ArabicTextAnalyzer analyzer)
    {
        var said = request.Asked?.Trim().TrimEnd(FollowUpEnds);
        if (string.IsNullOrEmpty(said) || said.Length >= request.Question.Length || !request.Question.StartsWith(said, StringComparison.Ordinal)) return null;
        return AnswerShapes.Interrogates(said, analyzer) ? said : null;
    }

    /// <summary>
    /// What the turn before a follow-up asked, when the follow-up only names another subject
    /// (<see cref="AnswerShapes.NamesSubjectOnly"/>) and the turn before was one question that asked something; null otherwise.
    /// </summary>
    private ShortAnswerAsk? EarlierAsk(AnswerRequest request, int parts)
    {
        if (parts != 1 || request.Asked is not { } asked || request.EarlierAsked is not { } earlier
            || !AnswerShapes.NamesSubjectOnly(asked, analyzer, request.Statistics) || !AnswerShapes.Interrogates(earlier, analyzer)) return null;
        var earlierParts = request.Readings.Parts(earlier, analyzer);
        return earlierParts.Count == 1 ? AnswerShapes.Of(earlier, request.Readings.Intent(earlier, analyzer), analyzer) : null;
    }

    /// <summary>What a follow-up loses when the earlier question is put after it.</summary>
    private static readonly char[] FollowUpEnds = ['؟', '?', '!', '.', ' '];

    /// <summary>About as many terms as the quotes' words near a phrase have: the rarity count's table starts at this size.</summary>
    private const int ExpectedCountedTerms = 64;

    /// <summary>
    /// How rare each term is among the retrieved passages, from 0 (in all of them) to 1 (in one or none): a name
    /// («البوكمال», «دا نانغ») is in few of the passages about its subject, a common word («بيان», «الرئيس») in most.
    /// </summary>
    private Func<int[], double> Rarity(IReadOnlyList<ScoredPassage> passages)
    {
        // Counted for the cited quotes' terms only, on first use: far fewer than all the retrieved passages' terms.
        var termSets = new TermIdSet[passages.Count];
        for (var p = 0; p < termSets.Length; p++) termSets[p] = passageTerms.DistinctTermIds(passages[p].Passage);
        var counts = new Dictionary<int, int>(ExpectedCountedTerms);
        var total = Math.Max(1, passages.Count);
        return terms =>
        {
            if (terms.Length == 0) return 0;
            var fewest = int.MaxValue;
            foreach (var term in terms) fewest = Math.Min(fewest, PassagesWith(term));
            return 1 - (double)Math.Max(0, fewest - 1) / total;
        };

        int PassagesWith(int term)
        {
            if (counts.TryGetValue(term, out var count)) return count;
            foreach (var set in termSets)
            {
                if (set.Contains(term)) count++;
            }
            return counts[term] = count;
        }
    }

    private static (string Text, CitedWords Quote)? Part(AnswerShape shape, IReadOnlyList<CitedWords> quotes, ShortAnswerAsk ask, QuestionIntent intent, int budget)
    {
        if (shape == AnswerShape.YesNo) return Decided(quotes, intent, ask.OrNot, budget);
        // «ماذا يحدث إذا لم يتحقق الاستقرار؟»: what the text says follows when the condition holds.
        if (shape is AnswerShape.Clause or AnswerShape.Thing && intent.Words.Overlaps(AnswerShapes.Conditions) && Consequence(quotes, ask.NegatedCondition, budget) is { } consequence) return (consequence.Text, consequence.Quote);
        // A stated purpose longer than the budget (in one part of a two-part question) keeps its opening words, which say
        // what it is («للمساعدة على ضمان سلامة القوات…»); so does what follows the noun a «ما/أي + noun» question asks with,
        // up to its last clause break within the budget («مجموعة العمل | الخاصة بالإفراج عن المعتقلين…»): the clause that
        // would answer instead is cut to the budget too, around the question's words. Any other longer name or list is no sure cut.
        // «ماذا قال… عن الخلافات؟»: what is said of the topic is the clause that says it, not what follows the verb. Not when
        // the question places its answer after a preposition («ما الذي أكدا تصميمهما عليه في بيانهما عن سوريا؟»).
        var saidOfTopic = shape == AnswerShape.Clause && ask.AboutTopic && ask.Introducers is not { Count: > 0 } && ask.Governed.Resumed is not { Count: > 0 };
        // What stands in the text where the thing the question sets aside stands («…غير سوريا؟») answers even a question about a topic.
        if (PhraseCutter.Cut(shape, quotes, ask) is { } phrase && (!saidOfTopic || PhraseCutter.Parallel(phrase, ask))
            && (phrase.Last - phrase.First < budget || shape == AnswerShape.Reason || (shape == AnswerShape.Thing && PhraseCutter.Anchored(phrase)))
            && !(shape == AnswerShape.Thing && !PhraseCutter.Sure(phrase)))
        {
            if (shape == AnswerShape.Thing && phrase.Last - phrase.First >= budget) phrase = ToBreakWithin(phrase, budget);
            // «ماذا اتفق الرئيسان…»: what follows the question's verb is its object, said to the end of its clause («الحفاظ على
            // قنوات اتصال عسكرية مفتوحة…»), not only the first new words of it; what a word of its kind introduces is whole
            // («خلال مؤتمر صحفي على هامش القمة»).
            var introduced = phrase.First > 0 && ask.Introduces(phrase.Quote.Words[phrase.First - 1].Form);
            phrase = shape == AnswerShape.Clause && !introduced ? ToClauseEnd(phrase, budget) : Within(phrase, phrase.Last, budget);
            if (shape == AnswerShape.Clause && !introduced) phrase = WithPredicate(phrase, budget);
            if (shape == AnswerShape.Thing) phrase = PastAskedWords(phrase, budget);
            // A name, object or list cut where its constituent is still open is completed; a date or a number is whole as cut.
            if (shape is not (AnswerShape.Date or AnswerShape.Number)) phrase = Completed(phrase, budget);
            return (phrase.Text, phrase.Quote);
        }
        // Nothing of the asked shape to cut with confidence: the clause that answers, whole for a typed question, without
        // the question's own words for «ماذا/كيف», where what is left is the answer.
        if (BestClause(quotes, budget, trimAsked: shape == AnswerShape.Clause, saidOfTopic ? ask.Topic : null) is not { } clause) return null;
        if (shape == AnswerShape.Clause) clause = Completed(WithPredicate(clause, budget), budget);
        return (clause.Text, clause.Quote);
    }

    /// <summary>The phrase with the constituent it leaves open completed (<see cref="Constituent"/>), without function words at its end.</summary>
    private static Phrase Completed(Phrase phrase, int budget) => Within(phrase, Constituent.Complete(phrase, budget).Last, budget);

    /// <summary>Fewer new words than this, and a clause only names what the question is about.</summary>
    private const int MinSaidWords = 3;

    /// <summary>
    /// A clause that is the question's words and a word or two more names what the question is about; what the text says
    /// of it follows in the next clause of the sentence («مع سير عملية تحرير الرقة، تلقى داعش ضربات موجعة»): it is taken
    /// too, within <paramref name="budget"/> words.
    /// </summary>
    private static Phrase WithPredicate(Phrase clause, int budget)
    {
        var quote = clause.Quote;
        var words = quote.Words;
        if (quote.NewIn(clause.First, clause.Last) >= MinSaidWords) return clause;
        var end = clause.Last;
        while (!quote.BreakAfter(end)) end++;
        if (end + 1 >= words.Count || words[end + 1].Sentence != words[end].Sentence) return clause;
        var last = end + 1;
        while (!quote.BreakAfter(last)) last++;
        return Within(clause, last, budget);
    }

    /// <summary>How many of the question's words (and function words among them) a name or object may be interrupted by
    /// and go on after («بما يشمل | مواقع التراث | الإنساني حسب قائمة اليونسكو»: three).</summary>
    private const int MaxAskedInterruption = 6;

    /// <summary>
    /// A name or object whose last word leaves it open (<see cref="LeavesOpen"/>) and that stops where the question's own
    /// words stand in its clause, going on after them with words of its own, is interrupted, not ended: the phrase runs on
    /// through them to the end of the words that follow
    /// («…مشيراً إلى وجود | فرصة عملية لتنسيق الجهود | بين استخبارات البلدين» for «أي أجهزة… فرصة لتنسيق جهودها؟»,
    /// «…بما يشمل | مواقع التراث | الإنساني حسب قائمة اليونسكو» for «ما المنظمة… لمواقع التراث…؟»). A phrase the clause
    /// ends, or the question's words end, is left as cut; so is one followed by more than <see cref="MaxAskedInterruption"/>
    /// of them. Within <paramref name="budget"/> words.
    /// </summary>
    private static Phrase PastAskedWords(Phrase phrase, int budget)
    {
        var quote = phrase.Quote;
        var words = quote.Words;
        var end = phrase.Last;
        var asked = false;
        while (end + 1 < words.Count && !quote.BreakAfter(end) && end + 1 - phrase.Last <= MaxAskedInterruption && (words[end + 1].Asked || words[end + 1].Function))
        {
            end++;
            asked |= words[end].Asked;
        }
        if (!asked || !LeavesOpen(words[phrase.Last]) || end + 1 >= words.Count || quote.BreakAfter(end) || !words[end + 1].New) return phrase;
        var last = end + 1;
        while (!quote.BreakAfter(last) && words[last + 1].New) last++;
        return Within(phrase, last, budget);
    }

    /// <summary>Whether a phrase that ends on the word cannot end there: a function word, a verb or a noun in construct
    /// («بما يشمل», «وجود»), not a definite word («الجولة الثامنة»), one that owns a pronoun, a number, a date or a place's name.</summary>
    private static bool LeavesOpen(CitedWord word) =>
        word.Function || (!Constituent.Definite(word.Form) && !Constituent.OwnsPronoun(word.Form) && !char.IsDigit(word.Form[0])
            && (word.Cues & (CueKinds.Time | CueKinds.Quantity | CueKinds.Year | CueKinds.Place | CueKinds.Country | CueKinds.CountryName)) == 0);

    /// <summary>The phrase cut to its last clause break within <paramref name="budget"/> words, or to the budget without one.</summary>
    private static Phrase ToBreakWithin(Phrase phrase, int budget)
    {
        var last = phrase.First + budget - 1;
        for (var k = last; k > phrase.First; k--)
        {
            if (phrase.Quote.BreakAfter(k)) return Within(phrase, k, budget);
        }
        return Within(phrase, last, budget);
    }

    /// <summary>The phrase run on to the end of its clause, within <paramref name="budget"/> words, without function words at its end.</summary>
    private static Phrase ToClauseEnd(Phrase phrase, int budget)
    {
        var last = phrase.Last;
        while (!phrase.Quote.BreakAfter(last)) last++;
        return Within(phrase, last, budget);
    }

    /// <summary>The phrase ending at word <paramref name="last"/>, or sooner to keep within <paramref name="budget"/> words, without function words at its end.</summary>
    private static Phrase Within(Phrase phrase, int last, int budget)
    {
        var quote = phrase.Quote;
        last = Math.Min(last, phrase.First + budget - 1);
        while (last > phrase.First && quote.Words[last].Function && !PhraseCutter.PronounPrepositions.Contains(quote.Words[last].Form)) last--;
        return phrase with { Last = last };
    }


    /// <summary>A condition negated as the question's is: what the question asks follows from it, whatever the other
    /// condition's sentence says of the question's words and whichever quote ranks first. A question whose condition is not
    /// negated earns nothing: its negation may be said in a way not recognised, and the question's words place it.</summary>
    private const double ConditionPolarityWeight = 6;

    /// <summary>
    /// The clause a conditional sentence states as what follows («وإذا لم نحقق الاستقرار هناك، فإن تقدمنا في هزيمة داعش قد
    /// يتراجع»): opened by «فإن»… after a condition in the same sentence, in the sentence that says most of the question;
    /// first one whose condition is negated when the question's is («ماذا يحدث إذا لم يتحقق…»).
    /// </summary>
    private static Phrase? Consequence(IReadOnlyList<CitedWords> quotes, bool negatedCondition, int budget)
    {
        Phrase? best = null;
        foreach (var quote in quotes)
        {
            var words = quote.Words;
            for (var i = 1; i < words.Count; i++)
            {
                var condition = words.FindLastIndex(i - 1, w => w.Sentence == words[i].Sentence && AnswerShapes.Conditions.Contains(w.Form));
                if (!AnswerShapes.ConsequenceOpeners.Contains(words[i].Form) || condition < 0) continue;
                var negated = AnswerShapes.NegatesCondition(words.Skip(condition).Take(i - condition).Select(w => w.Form).ToList());
                var last = i;
                while (!quote.BreakAfter(last)) last++;
                if (Trimmed(quote, i, last, budget, trimAsked: false) is not var (from, to)) continue;
                var sentence = words.FindIndex(w => w.Sentence == words[i].Sentence);
                var score = quote.WeighedAskedNear(sentence, last, 0, PhraseCutter.AskedFloor) - PhraseCutter.RankPenalty * quote.Rank
                    + (negated && negatedCondition ? ConditionPolarityWeight : 0);
                if (best is null || score > best.Score) best = new Phrase(quote, from, to, score);
            }
        }
        return best;
    }

    /// <summary>
    /// «هل…؟»: the clause that says most of the question; «لا» when it negates what the question does not, «نعم» when it
    /// says every word of the question's subject without negating it, neither when it only bears on the question.
    /// </summary>
    private static (string Text, CitedWords Quote)? Decided(IReadOnlyList<CitedWords> quotes, QuestionIntent intent, bool orNot, int budget)
    {
        // What «هل» asks of is the word after it, mostly its verb («هل أيد ترامب…»): the clause that says it may be joined to
        // the one that names the most of what it is asked of («…لتنسيق الجهود بين استخبارات البلدين، و ذلك في موقع أيده ترامب»).
        // «…كان سهل ولا لأ؟» asks whether what it says last holds: that word surely is what it asks of, and the clause that
        // says it decides («لم يكن من السهل…»), whatever else another clause says of the question.
        var action = (orNot && intent.ContentWords.Count > 0 ? [intent.ContentWords[^1]] : intent.ContentWords.Where(w => w.IsAskedAction && !w.IsFraming))
            .SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
        if (BestClause(quotes, budget - 1, trimAsked: false, action: action, actionWeight: orNot ? ActionWeight : 0) is not { } clause) return null;
        var words = clause.Quote.Words.Skip(clause.First).Take(clause.Last - clause.First + 1).ToList();
        var negated = words.Any(w => Negations.Contains(w.Form)) && (orNot || !intent.Words.Overlaps(Negations));
        var subject = intent.ContentWords.Where(w => !w.IsFraming && !w.NamesAnswerKind).ToList();
        var affirmed = !negated && subject.Count > 0 && subject.All(w => words.Any(c => c.Terms.Any(w.Terms.Contains)));
        return ((negated ? No : affirmed ? Yes : "") + clause.Text, clause.Quote);
    }

    /// <summary>
    /// The clause (between punctuation marks) that says the most different words of the question, the shorter on a tie,
    /// without function words at its edges; a longer one is cut to the <paramref name="budget"/> words around the question's.
    /// </summary>
    /// <param name="topic">The terms of the topic a «ماذا قال… عن X» question asks about: a clause that says it comes first.</param>
    /// <param name="action">The terms of what a yes/no question asks of: a clause that says it may be joined to the clause
    /// before it though it adds no other new word («…، و ذلك في موقع أيده ترامب»), and earns <paramref name="actionWeight"/>.</param>
    private static Phrase? BestClause(IReadOnlyList<CitedWords> quotes, int budget, bool trimAsked, IReadOnlySet<string>? topic = null, IReadOnlySet<string>? action = null, double actionWeight = 0)
    {
        Phrase? best = null;
        var topicSaid = topic is { Count: > 0 } && quotes.Any(q => SaysTopic(q, 0, q.Words.Count - 1, topic));
        foreach (var quote in quotes)
        {
            var words = quote.Words;
            for (var first = 0; first < words.Count;)
            {
                var last = first;
                while (!quote.BreakAfter(last)) last++;
                var next = last + 1;
                Consider(quote, first, last, joined: -1);
                // The clause with the next one of its sentence, when together they fit: what the text says of the question's
                // words may follow in the next clause («…لتنسيق الجهود بين استخبارات البلدين، و ذلك في موقع أيده ترامب»).
                if (next < words.Count && words[next].Sentence == words[last].Sentence)
                {
                    var end = next;
                    while (!quote.BreakAfter(end)) end++;
                    Consider(quote, first, end, joined: next);
                }
                first = next;
            }
        }
        return best;

        void Consider(CitedWords quote, int first, int last, int joined)
        {
            var words = quote.Words;
            if (Trimmed(quote, first, last, budget, trimAsked) is not var (from, to) || quote.AskedFormsIn(first, last) == 0) return;
            // Joined, the two clauses are said whole, each with words of its own left after the question's are trimmed.
            // Of a «ماذا قال… عن X» question, what is said of X is said in a clause that names X, when the quotes name it:
            // two clauses that do not are no answer, however many of the question's other words they say. Nor is a clause
            // that names the speaker the question names before what he said («قال الوزير تيلرسون إن…»).
            var saysAction = action is { Count: > 0 } && SaysTopic(quote, first, last, action);
            if (joined >= 0 && (to - from + 1 >= budget || from >= joined || (quote.NewIn(joined, to) < MinJoinedWords && !(saysAction && !SaysTopic(quote, first, joined - 1, action!)))
                || (topicSaid && !SaysTopic(quote, first, last, topic!)) || PhraseCutter.SaidAfter(quote, from, joined) is not null)) return;
            // A clause of the question's own words alone («مع سير عملية تحرير الرقة») tells nothing new: the last resort; so
            // does one that only describes the speaker the question names («قال وزير الخارجية… | تيلرسون إنه…»).
            var score = quote.WeighedAskedNear(first, last, 0, PhraseCutter.AskedFloor) - RankPenalty * quote.Rank
                - (quote.OtherTimeSentences.Contains(words[first].Sentence) ? PhraseCutter.OtherTimePenalty : 0)
                - (!words.Skip(from).Take(to - from + 1).Any(w => w.New) || (trimAsked && PhraseCutter.Speaker(quote, to)) ? SaysNothingNew : 0)
                + (topic is { Count: > 0 } && SaysTopic(quote, first, last, topic) ? TopicWeight : 0)
                + (saysAction ? actionWeight : 0);
            if (best is null || score > best.Score || (score == best.Score && to - from < best.Last - best.First)) best = new Phrase(quote, from, to, score);
        }
    }

    /// <summary>Fewer new words than this, and what is left of a joined clause once the question's words are trimmed is a
    /// stub («من أجل إكمال المهمة، يجب»), not what the text says of them.</summary>
    private const int MinJoinedWords = 2;

    /// <summary>What saying the topic a question asks about weighs: more than a quote's rank and a common word or two of the question.</summary>
    private const double TopicWeight = 2;

    /// <summary>What saying the word an «…ولا لأ؟» question asks of weighs: as much as the topic a «ماذا قال… عن X» question asks about.</summary>
    private const double ActionWeight = TopicWeight;

    private static bool SaysTopic(CitedWords quote, int first, int last, IReadOnlySet<string> topic)
    {
        for (var i = first; i <= last; i++)
        {
            if (topic.ContainsAnyOf(quote.Words[i].Terms)) return true;
        }
        return false;
    }

    private static (int, int)? Trimmed(CitedWords quote, int first, int last, int budget, bool trimAsked)
    {
        var words = quote.Words;
        // A negation opening the clause decides a yes/no answer («لم يكن من السهل…»): it stays.
        bool Edge(CitedWord w) => (w.Function && !Negations.Contains(w.Form)) || (trimAsked && w.Asked && !w.Offered);
        var (from, to) = (first, last);
        while (from <= to && Edge(words[from])) from++;
        // A preposition with a pronoun after a new word completes it («متفق عليها»).
        while (to >= from && Edge(words[to]) && !(to > from && words[to - 1].New && PhraseCutter.PronounPrepositions.Contains(words[to].Form))) to--;
        // All the question's own words: the clause itself is the answer («لا يوجد حل عسكري للصراع»).
        if (from > to)
        {
            if (!trimAsked) return null;
            (from, to) = (first, last);
            while (from <= to && words[from].Function) from++;
            while (to >= from && words[to].Function) to--;
            if (from > to) return null;
        }
        if (to - from + 1 <= budget) return (from, to);
        // A negation opening the clause decides what it says («لم يكن من السهل…»): the window starts with it.
        if (Negations.Contains(words[from].Form)) return (from, from + budget - 1);
        // «أعلن الرئيس الروسي فلاديمير بوتين أن البيان… سيكون عاملاً فعالاً…»: what the named speaker said is what the clause
        // says; who said it and where is the question's own. The window starts after «أن».
        if (PhraseCutter.SaidAfter(quote, from, to) is { } said && said <= to)
        {
            from = said;
            while (from < to && (words[from].Function || (trimAsked && words[from].Asked))) from++;
            if (to - from + 1 <= budget) return (from, to);
        }
        // Too long: the window of budget words that holds the most new words next to the question's.
        var bestFrom = from;
        var bestCount = -1;
        for (var start = from; start + budget - 1 <= to; start++)
        {
            // A window that ends on one of the question's words while the clause goes on cuts off what the text says of them
            // («…وهذا هو هدف الإعلان المشترك | مع الجانب الأمريكي والذي سيكون عاملاً فعالاً»): it counts a word less.
            var count = quote.AskedNear(start, start + budget - 1, 0) * 2 + quote.NewIn(start, start + budget - 1)
                - (start + budget - 1 < to && words[start + budget - 1].Asked ? 1 : 0);
            // On a tie the later window: what a sentence adds about the question's words comes after them («عقد اجتماعا جيدا»).
            if (count >= bestCount) (bestFrom, bestCount) = (start, count);
        }
        return (bestFrom, bestFrom + budget - 1);
    }
}
