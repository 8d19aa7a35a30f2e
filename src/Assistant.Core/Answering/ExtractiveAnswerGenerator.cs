using System.Buffers;
using System.Text;
using Assistant.Analysis;
using Assistant.Answering.Gate;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Answering;

/// <summary>
/// The offline answerer: finds the sentence (or run of up to five short adjacent sentences) in the retrieved passages that
/// best supports the question, and answers by quoting it, with a citation of exactly that span. Evidence is the share
/// of the question's content words, weighted by rarity (IDF), that the span contains (framing words count little, a
/// match on a rough root or on the document's title counts half); the ranking adds a bonus when the span has what the
/// interrogative asks for (a date for متى, a number for كم, a reason for لماذا), and a span without the date, the number
/// or the described person that متى, كم or من هو ask for is no answer, nor one from another speaker or event than the one
/// the question names («قال الكرملين», «أسفرت عنه القمة»). Below
/// <see cref="AnsweringOptions.MinEvidence"/> it abstains rather than quote something weak. Spans nearly as good as the
/// best are cited too, up to <see cref="AnsweringOptions.MaxCitations"/>.
/// </summary>
public sealed partial class ExtractiveAnswerGenerator(ArabicTextAnalyzer analyzer, IShortAnswerWriter shortAnswers, IOptions<AnsweringOptions> options, IOptions<SpanSelectionOptions> selection, AbstentionGate gate, ILogger<ExtractiveAnswerGenerator> logger) : IAnswerGenerator, IDisposable
{
    public const string NoAnswerText = "لا تجيب الوثائق المتاحة عن هذا السؤال، فلم أجد فيها نصًا يدعم إجابة عنه.";

    private const int ExplainedSpans = 5;
    private const int ExplainedQuoteChars = 120;

    private readonly AnsweringOptions _options = options.Value;
    private readonly SpanSelectionOptions _selection = selection.Value;

    public Task<GeneratedAnswer> GenerateAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        // A message that asks two things («أين عُقد اللقاء، ومتى؟») is answered part by part, each part cited.
        var parts = request.Readings.Parts(request.Question, analyzer);
        var selections = parts.Select(part => Select(request with { Question = part }, cancellationToken)).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            // «من وقّع المذكرة، وبأي صفة؟»: a part read with the subject of one that asks who did something asks about
            // that person; when no span says who it was, nothing said of the subject answers it either.
            if (QuestionParts.Lender(parts, i) is { } lender && selections[lender].Chosen.Count == 0 && AsksWho(request with { Question = parts[lender] }))
            {
                selections[i] = selections[lender];
            }
        }
        // The learned gate weighs a one-part question's chosen span against what answers to unanswerable questions look like.
        var features = parts.Count == 1 ? selections[0].Features : null;
        if (features is not null && request.Explain) selections[0].Explanation?.Add(gate.Explain(features));
        if (features is not null && gate.Abstains(features))
        {
            logger.LogDebug("Abstained: {Reason}", AbstainReasons.GateDoubt);
            return Task.FromResult(Abstain(AbstainReasons.GateDoubt, Asked(request with { Question = parts[0] })) with
            {
                Explanation = request.Explain ? [.. selections[0].Explanation ?? [], $"abstained: {AbstainReasons.GateDoubt}"] : null,
                PassageRanking = Ranking([], selections, request),
                GateFeatures = features,
            });
        }
        var chosen = new List<Window>();
        foreach (var window in selections.SelectMany(s => s.Chosen))
        {
            // A later part's span that holds an earlier part's whole span («… ستستمر حتى …» after the sentence the first
            // part is answered from) takes its place: dropping it would drop the later part's answer.
            var held = chosen.FindIndex(c => window.Holds(c));
            if (held >= 0 && !chosen.Any(c => c != chosen[held] && c.Overlaps(window))) chosen[held] = window;
            else if (!chosen.Any(c => c.Overlaps(window))) chosen.Add(window);
        }
        var explanation = request.Explain
            ? selections.SelectMany((s, i) => (parts.Count > 1 ? [$"part {i + 1}: {parts[i]}"] : Array.Empty<string>()).Concat(s.Explanation ?? [])).ToList()
            : null;
        if (chosen.Count == 0)
        {
            var reason = selections[0].Reason ?? AbstainReasons.BelowEvidence;
            logger.LogDebug("Abstained: {Reason}", reason);
            return Task.FromResult(Abstain(reason, Asked(request with { Question = parts[0] })) with { Explanation = explanation, PassageRanking = Ranking(chosen, selections, request) });
        }
        // A part no span answers gets no short answer and is said to be unanswered, so that the answer to the others is not
        // taken for all of it — unless the quotes for another part may answer it too: its nearest span is among them
        // («وماذا قد يحدث لو لم يتحقق ذلك؟» of the sentence that says it), or they say most of its words. A part that asks
        // for a kind of answer no retrieved span holds («وكم دقيقة دام؟» of no number of minutes) is not answered by them.
        var unanswered = selections.Select((s, i) => (s, i))
            .Where(p => p.s.Chosen.Count == 0 && (p.s.Reason == AbstainReasons.AnswerKindMissing
                || !(p.s.Nearest is { } nearest && chosen.Any(c => c.Overlaps(nearest)))
                && QuotedShare(request with { Question = parts[p.i] }, chosen) < MinQuotedShare))
            .Select(p => p.i).ToList();
        // Each part's short piece is cut from the quotes cited for that part first, not from whichever quote leads.
        var partQuotes = parts.Count > 1
            ? selections.Select(s => (IReadOnlyList<int>)s.Chosen.Select(w => chosen.FindIndex(c => c.Overlaps(w)) + 1).Where(m => m > 0).Distinct().ToList()).ToList()
            : null;
        var answer = shortAnswers.Lead(Compose(chosen), request, unanswered, partQuotes);
        // (Not for a follow-up: the words it inherited weigh less in choosing its spans than in cutting its short answer.)
        if (request.InheritedTerms is null) (answer, chosen) = SourcesFirst(answer, chosen);
        if (unanswered.Count > 0) answer = answer with { Text = answer.Text + "\n\n" + UnansweredParts.Note(unanswered) };
        explanation?.AddRange(ShortAnswerSources(answer));
        return Task.FromResult(answer with { Explanation = explanation, PassageRanking = Ranking(chosen, selections, request), GateFeatures = features });
    }

    /// <summary>Whether the question asks who someone is («من هو…») or who did something («من الذي وقّع…»).</summary>
    private bool AsksWho(AnswerRequest request)
    {
        var intent = request.Intent(analyzer);
        return intent.Kind == AnswerKind.Identity || intent.ContentWords.Any(w => w.IsPredicate);
    }

    /// <summary>For <c>ask --explain</c>: the quotes the short answer was cut from, by marker and document span.</summary>
    private static IEnumerable<string> ShortAnswerSources(GeneratedAnswer answer) =>
        answer.ShortAnswer is not { } shortAnswer ? ["no short answer"]
        : [$"short answer «{shortAnswer}» cut from " + string.Join(" and ", answer.ShortAnswerSources
            .Select(m => answer.Citations[m - 1])
            .Select(c => $"quote [{c.Marker}] {c.DocumentId}[{c.Start}..{c.End})"))];

    /// <summary>What an abstention's explanation names of the question: the relation it asks about, its numbers and the
    /// words no document uses, each as the asker wrote it.</summary>
    private AbstentionExplanations.Asked Asked(AnswerRequest request)
    {
        var intent = request.Intent(analyzer);
        var (predicate, numbers, unused) = ((string?)null, new List<string>(), new List<string>());
        var question = request.Question;
        analyzer.ForEachWord(question, 0, question.Length, (_, start, end) =>
        {
            var terms = analyzer.Terms(question[start..end]);
            if (terms.Count == 0 || intent.ContentWords.FirstOrDefault(w => w.Terms.Any(terms.Contains)) is not { } word) return;
            var written = question[start..end];
            if (word.IsPredicate) predicate ??= written;
            if (word.Terms.All(t => t.All(char.IsAsciiDigit) || Ordinals.IsOrdinal(t))) numbers.Add(written);
            else if (!word.IsPredicate && request.Statistics.NeverUsed(word.Terms) && !unused.Contains(written)) unused.Add(written);
        });
        return new(intent, predicate, numbers, unused);
    }

    /// <summary>
    /// The rough roots of a question word's own stem only: the analyser's other readings already guess a proclitic
    /// («فيروس» as ف + «يروس»), and a root taken from a guess meets unrelated words («روسيا»).
    /// </summary>
    private static string[] OwnRoots(QuestionWord word) => word.Terms.Count == 0 ? [] : RoughRoots(word.Terms[0]);

    /// <summary>Whether a question word is a number or an ordinal: each of its terms is digits or an ordinal («7», «الثامنة»).</summary>
    private static bool IsNumber(QuestionWord word)
    {
        for (var i = 0; i < word.Terms.Count; i++)
        {
            if (!IsDigits(word.Terms[i]) && !Ordinals.IsOrdinal(word.Terms[i])) return false;
        }
        return true;
    }

    /// <summary>Whether a term is ASCII digits only (true for an empty one, as LINQ's <c>All</c>).</summary>
    private static bool IsDigits(string term) => !term.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>Below this share of its words in the quotes, a part no span answers is said to be unanswered.</summary>
    private const double MinQuotedShare = 0.5;

    /// <summary>The share of a part's content words, weighted by rarity, that the quotes say (as written or by rough root).</summary>
    private double QuotedShare(AnswerRequest part, List<Window> quoted)
    {
        var sentences = quoted.SelectMany(SentencesOf).ToList();
        var (said, total) = (0.0, 0.0);
        foreach (var word in part.Intent(analyzer).ContentWords)
        {
            if (word.IsFraming || word.NamesAnswerKind) continue;
            var weight = Weight(word.Terms, part.Statistics);
            total += weight;
            if (SaidIn(sentences, TermIds.FindAll(word.Terms), TermIds.FindAll(OwnRoots(word)))) said += weight;
        }
        return total > 0 ? said / total : 0;
    }

    /// <summary>
    /// The quotes the short answer is cut from are the answer's evidence: they are cited first, the others after them,
    /// and the markers renumbered.
    /// </summary>
    private static (GeneratedAnswer, List<Window>) SourcesFirst(GeneratedAnswer answer, List<Window> chosen)
    {
        if (answer.ShortAnswer is not { } shortAnswer || answer.ShortAnswerSources is not [var first, ..] || first == 1) return (answer, chosen);
        var order = answer.ShortAnswerSources.Select(m => m - 1).Concat(Enumerable.Range(0, chosen.Count).Where(i => !answer.ShortAnswerSources.Contains(i + 1)));
        var reordered = order.Select(i => chosen[i]).ToList();
        var sources = Enumerable.Range(1, answer.ShortAnswerSources.Count).ToList();
        var quotes = Compose(reordered);
        return (quotes with { Text = ShortAnswerWriter.LeadText(shortAnswer, sources) + quotes.Text, ShortAnswer = shortAnswer, ShortAnswerSources = sources }, reordered);
    }

    private static IReadOnlyList<int>? Ranking(List<Window> chosen, List<Selection> selections, AnswerRequest request) =>
        PassageSupport.Ranking(chosen.Select(c => c.Rank), selections.Select(s => s.Support).ToList(), request.Passages.Count);

    /// <param name="Chosen">The spans that answer, best first; empty when none does.</param>
    /// <param name="Reason">Why none does (<see cref="AbstainReasons"/>); null when some does.</param>
    /// <param name="Support">Per passage, the score of its best span (<see cref="PassageSupport"/>); null when no span was scored.</param>
    /// <param name="Nearest">When none does: the span closest to the question (most of its weight), if any was scored.</param>
    /// <param name="Features">When some span answers: what the abstention gate weighs of it (<see cref="GateFeatures"/>).</param>
    private sealed record Selection(List<Window> Chosen, string? Reason, List<string>? Explanation, double[]? Support = null, Window? Nearest = null, GateFeatures? Features = null);

    /// <summary>The spans that best answer one question, or why none does.</summary>
    private Selection Select(AnswerRequest request, CancellationToken cancellationToken)
    {
        var intent = request.Intent(analyzer);
        var words = intent.ContentWords;
        // What each content word counts for, in one pass over the words rather than a LINQ query per property.
        var count = words.Count;
        var (weights, questionCores, synonyms, numbers) = (new double[count], new string[count][], new IReadOnlyList<string>[count], new bool[count]);
        var (optional, subject, sources, statements, predicates, places) = (new bool[count], new bool[count], new bool[count], new bool[count], new bool[count], new bool[count]);
        var numberTerms = new List<string>();
        var total = 0.0;
        for (var w = 0; w < count; w++)
        {
            var word = words[w];
            weights[w] = Weight(word.Terms, request.Statistics) * (word.IsFraming ? _selection.FramingWeight : 1)
                * (request.InheritedTerms is { } inherited && (word.Terms.All(inherited.Contains) || request.Statistics.NeverUsed(word.Terms)) ? _selection.InheritedWordWeight : 1);
            total += weights[w];
        }
        if (total <= 0 || request.Passages.Count == 0) return new Selection([], AbstainReasons.NoPassages, request.Explain ? [$"abstained: {AbstainReasons.NoPassages}"] : null);

        for (var w = 0; w < count; w++)
        {
            var word = words[w];
            questionCores[w] = OwnRoots(word);
            // A word the documents never use is read through the words that name the same thing («الزعيمان» → «الرئيسان»);
            // a word they do use is matched as it is, so «اللقاء» does not also find every «اجتماع». The relation a «من»
            // question asks about is said in either word («من أشرف على…» by «وتابع … عمل الخبراء»).
            synonyms[w] = word.SaidOtherwise(request.Statistics) ? word.Synonyms : [];
            // A number or an ordinal («7», «الثامنة») names one of a series; its digits («7», and «8» for «الثامنة») are what a text says.
            numbers[w] = IsNumber(word);
            if (numbers[w])
            {
                foreach (var term in word.Terms) if (IsDigits(term)) numberTerms.Add(term);
            }
            // The point of reference («قبل قمة فيتنام») is often not said where the answer is.
            optional[w] = word.NamesAnswerKind || intent.ReferenceTerms.ContainsAllOf(word.Terms);
            subject[w] = !word.IsFraming;
            sources[w] = word.IsSource;
            statements[w] = word.NamesStatement;
            predicates[w] = word.IsPredicate;
            places[w] = word.IsPlace;
        }
        var scoring = new Scoring(
            weights,
            total,
            numbers,
            optional,
            subject,
            sources,
            statements,
            predicates,
            places,
            // A date, a quantity or a described person is recognisable: a span without one does not answer متى, كم or
            // من هو, however well it matches; nor does a span announcing an event answer what came of it. A reason may
            // be given without a cue word.
            intent.Kind is not (AnswerKind.Any or AnswerKind.Reason),
            intent.AsksPublication && intent.Kind is AnswerKind.Time or AnswerKind.Date or AnswerKind.Year,
            AskedReaction(intent));
        // Each passage's analysis is found once here: finding it hashes the passage's text.
        var analyses = request.Passages.Select(p => Analysed(p.Passage)).ToArray();
        PlacedThroughCountry(intent, analyses, scoring.Places);
        // Room for every window of every passage, from a pool: a question scores a few hundred.
        using var candidates = new Candidates(analyses.Sum(a => a.Sentences.Count) * _selection.MaxWindowSentences);
        // After the passages' analysis, which numbers their terms: each question word's terms are then looked up by number in every passage.
        var ids = QuestionTermIds.Of(intent, questionCores, synonyms, numberTerms, request.Statistics);
        // The terms of whom a reaction is asked of, by number, when one is (looked up around every reaction word).
        var sourceTerms = scoring.Reaction < 0 ? null : TermIds.FindSet(intent.ContentWords.Where(w => w.IsSource).SelectMany(w => w.Terms));
        // Sized once for every sentence it may see, not grown by doubling; a sentence is known by its document's number
        // among the retrieved ones and its offset (SentenceKey), not by hashing the document's id for every sentence.
        var seenSentences = new HashSet<long>(analyses.Sum(a => a.Sentences.Count));
        var documentNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var namedByDocument = NamedByDocument(request.Passages, analyses, intent, ids, request.Statistics);
        var titledIn = intent.ContentWords.Select((w, i) => !w.NamesStatement ? [] : request.Passages
            .Where((p, rank) => analyses[rank].TitleTerms.ContainsAnyOf(ids.Terms[i])).Select(p => p.Passage.DocumentId).ToHashSet(StringComparer.Ordinal)).ToArray();
        // One passage's evidence at a time, refilled for each: its candidates keep what they need of it.
        var evidence = new PassageEvidence(intent, ids, analyses.Max(a => a.Sentences.Count));
        for (var rank = 0; rank < request.Passages.Count; rank++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passage = request.Passages[rank].Passage;
            var analysed = analyses[rank];
            var (sentences, titleTerms) = (analysed.Sentences, analysed.TitleTerms);
            var document = DocumentNumber(documentNumbers, passage.DocumentId);
            var named = namedByDocument[passage.DocumentId];
            // A word of the document's title (typically the source: "تيلرسون", "بيان أستانا") applies to all of it.
            TitleCredits(titleTerms, ids, evidence.TitleCredits);
            Credits(analysed, intent, ids, named, evidence.Credits);
            evidence.StartPassage(sentences);
            Standalone(sentences, intent, evidence.Standalone);
            ReactionsOfSource(sentences, scoring.Reaction, sourceTerms, ids, evidence.ReactionOfSource);
            NamedInDocument(intent, named, static w => w.IsSource || w.NamesStatement, evidence.SourceNamed);
            NamedInDocument(intent, named, static w => w.IsAttribution, evidence.AttributionNamed);
            TitledElsewhere(intent, titledIn, passage.DocumentId, evidence.TitledElsewhere);
            for (var first = 0; first < sentences.Count; first++)
            {
                // Overlapping passages repeat sentences: score each sentence start once, from the best-ranked passage.
                if (!seenSentences.Add(SentenceKey(document, passage.Start + sentences[first].Start))) continue;
                for (var last = first; last < sentences.Count && last - first < _selection.MaxWindowSentences; last++)
                {
                    if (last > first && sentences[last].End - sentences[first].Start > _selection.MaxWindowChars) break;
                    candidates.Add(Score(first, last, evidence, scoring, rank));
                }
            }
        }

        if (request.PreviousDocument is { } previous) InPreviousDocument(candidates, analyses, previous);
        var ranked = candidates.Ranked(analyses);
        var support = PassageSupport.Best(ranked.Scores(), request.Passages.Count);
        Window? best = null;
        for (var i = 0; i < ranked.Count && best is null; i++)
        {
            if (!Coincidental(ranked.Window(i), intent, ids)) best = ranked.Window(i);
        }
        // With one or two words to go on, matching half of them is chance: a short question needs stronger evidence.
        var threshold = intent.ContentWords.Count(w => !w.IsFraming) <= _selection.ShortQuestionWords ? _options.MinEvidence + _selection.ShortQuestionExtraEvidence : _options.MinEvidence;
        var explanation = request.Explain || logger.IsEnabled(LogLevel.Debug) ? Explain(intent, weights, threshold, ranked, ids) : null;
        if (explanation is not null) logger.LogDebug("Question {Question}: {Explanation}", request.Question, string.Join(" | ", explanation));
        if (best is null || best.Coverage < threshold)
        {
            var nearest = ranked.MostMatched();
            var reason = WhyNot(nearest, intent, ids);
            return new Selection([], reason, request.Explain ? [.. explanation!, $"abstained: {reason}"] : null, support, nearest);
        }

        var chosen = new List<Window> { best };
        for (var i = 1; i < ranked.Count; i++)
        {
            if (chosen.Count >= _options.MaxCitations) break;
            // Most candidates fall short here, and are never made windows.
            if (ranked[i].Coverage < Math.Max(_options.MinEvidence, best.Coverage * _selection.SecondCitationRatio)) continue;
            var other = ranked.Window(i);
            // Overlap first: it rules out most candidates (windows around the best one) without normalising their text.
            if (OverlapsAny(chosen, other) || SaysWordsOfAny(chosen, other) || Coincidental(other, intent, ids)) continue;
            chosen.Add(other);
        }
        // The gate's features are computed only where something reads them: not on every request while it is off.
        var features = gate.Enabled || request.Explain || request.Measure ? Features(best, chosen.Count, ranked, intent, weights, threshold, ids, request) : null;
        return new Selection(chosen, null, request.Explain ? [.. explanation!, $"answered with {chosen.Count} span(s)"] : null, support, Features: features);
    }

    /// <summary>The number of a retrieved document in the order first met, numbering it when new.</summary>
    private static int DocumentNumber(Dictionary<string, int> numbers, string documentId)
    {
        if (!numbers.TryGetValue(documentId, out var number)) numbers[documentId] = number = numbers.Count;
        return number;
    }

    /// <summary>A sentence of a retrieved document, by the document's number and the sentence's offset in it.</summary>
    private static long SentenceKey(int document, int offset) => ((long)document << 32) | (uint)offset;

    /// <summary>
    /// A scored span, kept as a value: a question scores a few hundred and needs a handful as <see cref="Window"/>s (the
    /// best, the others cited, the nearest when none answers), so only those are made objects.
    /// </summary>
    /// <param name="Rank">The passage's retrieval rank, which indexes the question's analysed passages.</param>
    /// <param name="First">The span's first sentence in its passage.</param>
    /// <param name="Last">Its last sentence.</param>
    private readonly record struct Candidate(int Rank, int First, int Last, double Coverage, double Score, (int, int)? Pair, double Matched, SpanChecks Failed, double KindCredit);

    /// <summary>One question's candidates, in arrays rented from the pool for the question's span selection and returned after it.</summary>
    private sealed class Candidates(int capacity) : IDisposable
    {
        private Candidate[] _items = ArrayPool<Candidate>.Shared.Rent(capacity);
        private int[] _order = ArrayPool<int>.Shared.Rent(capacity);
        private Window?[] _windows = ArrayPool<Window?>.Shared.Rent(capacity);

        public int Count { get; private set; }

        public void Add(Candidate candidate) => _items[Count++] = candidate;

        public Candidate this[int i]
        {
            get => _items[i];
            set => _items[i] = value;
        }

        /// <summary>The candidates best first (<see cref="Ranked"/>), valid until this is disposed.</summary>
        public Ranked Ranked(AnalysedPassage[] analyses)
        {
            var order = _order.AsSpan(0, Count);
            for (var i = 0; i < order.Length; i++) order[i] = i;
            var items = _items;
            order.Sort((a, b) =>
            {
                var (x, y) = (items[a], items[b]);
                var byScore = y.Score.CompareTo(x.Score);
                if (byScore != 0) return byScore;
                var byRank = x.Rank.CompareTo(y.Rank);
                return byRank != 0 ? byRank : a.CompareTo(b);
            });
            Array.Clear(_windows, 0, Count);
            return new Ranked(_items, _order, _windows, Count, analyses);
        }

        public void Dispose()
        {
            ArrayPool<Candidate>.Shared.Return(_items);
            ArrayPool<int>.Shared.Return(_order);
            // The windows are the question's own: the pool keeps no reference to them.
            ArrayPool<Window?>.Shared.Return(_windows, clearArray: true);
            (_items, _order, _windows) = ([], [], []);
        }
    }

    /// <summary>
    /// The candidates best first, ties to the better-ranked passage, then to the one scored first: what a stable
    /// ordering by score and rank gives, sorted in place of LINQ's ordering (its key arrays and comparers) per question.
    /// A candidate becomes a <see cref="Window"/> when first asked for as one, once.
    /// </summary>
    private sealed class Ranked(Candidate[] candidates, int[] order, Window?[] windows, int count, AnalysedPassage[] analyses)
    {
        public int Count => count;

        /// <summary>The <paramref name="i"/>-th best candidate.</summary>
        public Candidate this[int i] => candidates[order[i]];

        /// <summary>Each candidate's passage and score, best first.</summary>
        public IEnumerable<(int Passage, double Score)> Scores()
        {
            for (var i = 0; i < count; i++) yield return (this[i].Rank, this[i].Score);
        }

        /// <summary>The <paramref name="i"/>-th best candidate as a window.</summary>
        public Window Window(int i)
        {
            if (windows[i] is { } window) return window;
            var c = this[i];
            var sentences = analyses[c.Rank].Sentences;
            return windows[i] = new Window(sentences[c.First].Passage, sentences, sentences[c.First].Start, sentences[c.Last].End, c.Coverage, c.Score, c.Rank, c.Pair, c.Matched, c.Failed, c.KindCredit);
        }

        /// <summary>The best-ranked of the candidates that hold most of the question's weight; null when there are none.</summary>
        public Window? MostMatched()
        {
            if (Count == 0) return null;
            var most = 0;
            for (var i = 1; i < Count; i++)
            {
                if (Comparer<double>.Default.Compare(this[i].Matched, this[most].Matched) > 0) most = i;
            }
            return Window(most);
        }
    }

    /// <summary>
    /// A follow-up («ومتى أدلى بهذا البيان؟») is about what the previous answer quoted, so a span of the same document ranks
    /// higher. Its evidence is unchanged, so this never turns an abstention into an answer.
    /// </summary>
    private void InPreviousDocument(Candidates candidates, AnalysedPassage[] analyses, string documentId)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (analyses[candidate.Rank].Sentences[candidate.First].Passage.DocumentId == documentId) candidates[i] = candidate with { Score = candidate.Score + _selection.PreviousDocumentBonus };
        }
    }

    /// <summary>Per content word, the credit a word of the document's title gives it (a loop: this runs per passage and question).</summary>
    private void TitleCredits(TermIdSet titleTerms, QuestionTermIds ids, double[] credits)
    {
        for (var w = 0; w < credits.Length; w++) credits[w] = titleTerms.ContainsAnyOf(ids.Terms[w]) ? _selection.TitleCredit : 0.0;
    }

    /// <summary>
    /// Why no span answers: the check that the span closest to the question (<paramref name="nearest"/>, most of its
    /// weight; null when none was scored) failed, in order of how decisive it is; <see cref="AbstainReasons.BelowEvidence"/>
    /// when it passed every check and is simply too weak.
    /// </summary>
    private string WhyNot(Window? nearest, QuestionIntent intent, QuestionTermIds ids) =>
        nearest is null ? AbstainReasons.NoPassages
        : ReasonFor(nearest.Failed | (Coincidental(nearest, intent, ids) ? SpanChecks.WordsFarApart : SpanChecks.None));

    private static string ReasonFor(SpanChecks failed) =>
        failed.HasFlag(SpanChecks.SourceNotNamed) ? AbstainReasons.SourceNotNamed
        : failed.HasFlag(SpanChecks.AnotherStatement) ? AbstainReasons.AnotherStatement
        : failed.HasFlag(SpanChecks.AnswerKindMissing) ? AbstainReasons.AnswerKindMissing
        : failed.HasFlag(SpanChecks.RelationMissing) ? AbstainReasons.RelationMissing
        : failed.HasFlag(SpanChecks.OneSubjectWord) ? AbstainReasons.OneSubjectWord
        : failed.HasFlag(SpanChecks.PlacesOnly) ? AbstainReasons.PlacesOnly
        : failed.HasFlag(SpanChecks.WordsFarApart) ? AbstainReasons.WordsFarApart
        : failed.HasFlag(SpanChecks.NumberMissing) ? AbstainReasons.NumberMissing
        : AbstainReasons.BelowEvidence;

    /// <summary>What the figures and marks of <c>ask --explain</c> mean, said before them.</summary>
    private const string ExplainLegend =
        "legend: a question word is listed as its analysed forms (stem/variants) and its weight (rarer words weigh more); "
        + "* a framing word (counts little), ^ the source the answer must come from, # the subject the answer must be said of; "
        + "words = the share of the question's weight a span holds, evidence = that share after the checks (it must reach the minimum), "
        + "score = evidence plus the credit for holding the kind of answer asked (ranks the spans); a failed check is named by its abstain reason code";

    /// <summary>The failed checks by the abstain reason codes the JSON uses («relation-missing»), most decisive first.</summary>
    private static string CheckCodes(SpanChecks failed) => string.Join(", ",
        Enum.GetValues<SpanChecks>().Where(check => check != SpanChecks.None && failed.HasFlag(check)).Select(ReasonFor)
            .OrderBy(code => Array.IndexOf(ChecksByDecisiveness, code)));

    /// <summary>The codes in the order <see cref="ReasonFor"/> picks the one an abstention gives.</summary>
    private static readonly string[] ChecksByDecisiveness =
    [
        AbstainReasons.SourceNotNamed, AbstainReasons.AnotherStatement, AbstainReasons.AnswerKindMissing, AbstainReasons.RelationMissing,
        AbstainReasons.OneSubjectWord, AbstainReasons.PlacesOnly, AbstainReasons.WordsFarApart, AbstainReasons.NumberMissing,
    ];

    /// <summary>What <c>ask --explain</c> shows: how the question was read and the best spans with their figures and checks.</summary>
    private List<string> Explain(QuestionIntent intent, double[] weights, double threshold, Ranked ranked, QuestionTermIds ids)
    {
        var lines = new List<string>
        {
            ExplainLegend,
            $"answer kind: {intent.Kind}; minimum evidence: {threshold:F2}",
            "question words (term:weight, * framing, ^ source, # subject): " + string.Join(", ", intent.ContentWords.Select((w, i) =>
                $"{string.Join("/", w.Terms)}:{weights[i]:F2}{(w.IsFraming ? "*" : "")}{(w.IsSource ? "^" : "")}{(intent.Subject.Contains(w) ? "#" : "")}")),
        };
        for (var i = 0; i < Math.Min(ExplainedSpans, ranked.Count); i++)
        {
            var (window, n) = (ranked.Window(i), i + 1);
            var failed = window.Failed | (Coincidental(window, intent, ids) ? SpanChecks.WordsFarApart : SpanChecks.None);
            var sentences = SentencesOf(window).ToList();
            var missing = intent.ContentWords.Where((w, i) => !SaidIn(sentences, ids.Terms[i], ids.Cores[i]))
                .Select(w => w.Terms[0]).ToList();
            var kind = intent.Kind == AnswerKind.Any ? "" : $", {intent.Kind.ToString().ToLowerInvariant()} found {window.KindCredit:F2}";
            lines.Add($"span {n}: score {window.Score:F2}, evidence {window.Coverage:F2} (words {window.Matched:F2}{kind}), passage rank {window.Rank + 1}, "
                + $"{window.Passage.DocumentId}[{window.DocumentStart}..{window.DocumentEnd}), missing: [{string.Join(", ", missing)}], checks: {(failed == SpanChecks.None ? "all passed" : "failed " + CheckCodes(failed))}; "
                + $"«{DisplayText.OneLine(window.Passage.Text[window.Start..window.End], ExplainedQuoteChars)}»");
        }
        return lines;
    }

    // Loops, not lambdas: a lambda over the candidate made a closure for every candidate the loop above looks at, even
    // those it skips before using it.

    private static bool OverlapsAny(List<Window> chosen, Window other)
    {
        foreach (var window in chosen) if (window.Overlaps(other)) return true;
        return false;
    }

    private bool SaysWordsOfAny(List<Window> chosen, Window other)
    {
        foreach (var window in chosen) if (SameWords(window, other)) return true;
        return false;
    }

    /// <summary>
    /// Whether two spans say the same words (two documents quoting one statement, spelt or spaced differently): each
    /// sentence is normalised once and kept, so comparing many candidates costs no re-analysis.
    /// </summary>
    private bool SameWords(Window a, Window b) => MatchingForm(a) == MatchingForm(b);

    private string MatchingForm(Window window) => window.MatchingForm ??= string.Join(' ', SentencesOf(window)
        .Select(sentence => sentence.Normalized ??= analyzer.Normalize(sentence.Passage.Text[sentence.Start..sentence.End])));

    /// <summary>The analysed sentences a window spans.</summary>
    private static IEnumerable<Sentence> SentencesOf(Window window) =>
        window.PassageSentences.Where(sentence => sentence.Start >= window.Start && sentence.End <= window.End);

    /// <param name="ContentStart">Where the sentence's content starts (after a list item's number).</param>
    /// <param name="Terms">The numbers (<see cref="TermIds"/>) of its distinct terms, in order of number.</param>
    /// <param name="Cores">The numbers of its distinct rough roots (<see cref="RoughRoots"/>), in order of number.</param>
    /// <param name="Words">Its words in order (stop words left out), by number.</param>
    private sealed record Sentence(Passage Passage, int Start, int ContentStart, int End, int[] Terms, int[] Cores, IReadOnlyList<Cue> Cues, SentenceWord[] Words)
    {
        /// <summary>The sentence in matching form, once some comparison needed it.</summary>
        public string? Normalized { get; set; }

        /// <summary>Whether it names a pair by the dual of their title («الرئيسان»), once some question asked of a pair.</summary>
        public bool? NamesPair { get; set; }
    }

    /// <summary>
    /// Passages' sentences and titles, analysed the first time a question retrieves them and kept for the next ones,
    /// keyed by the passage's value (id, document, offsets, text).
    /// </summary>
    private readonly PassageMemo<AnalysedPassage> _analysed = new(MaxAnalysedPassages, passage => passage);

    /// <summary>A passage's analysis (its sentences' terms, roots and cues, and the term index) is a few tens of KB.</summary>
    private const int MaxAnalysedPassages = 4_096;

    private AnalysedPassage Analysed(Passage passage) => _analysed.GetOrAdd(passage, _analyze ??= Analyze);

    /// <summary><see cref="Analyze(Passage)"/> as one delegate, not a new one for every passage of every question.</summary>
    private Func<Passage, AnalysedPassage>? _analyze;

    public void Dispose() => _analysed.Dispose();

    /// <param name="TitleTerms">The title's terms, by number (<see cref="TermIds"/>).</param>
    /// <param name="TermSentences">Per term number, the sentences that have the term, in order: each question looks its
    /// words up here once instead of in every sentence.</param>
    /// <param name="CoreSentences">The same per rough root (<see cref="Core"/>).</param>
    /// <param name="PlacedThroughCountry">The terms of the places its sentences name through their country («دا نانغ
    /// بفيتنام»), the same for every question (<see cref="PlacedThroughCountry(QuestionIntent, AnalysedPassage[], bool[])"/>).</param>
    private sealed record AnalysedPassage(List<Sentence> Sentences, TermIdSet TitleTerms, SentenceIndex TermSentences, SentenceIndex CoreSentences, HashSet<string> PlacedThroughCountry);

    /// <summary>A word of a sentence by number: where it starts, the numbers (<see cref="TermIds"/>) of the terms it
    /// analyses to and of their rough roots (<see cref="RoughRoots"/>). The checks around a sentence's cues and a span's
    /// two words compare these with the question's numbers.</summary>
    private sealed record SentenceWord(int Start, int[] Terms, int[] Roots);

    private AnalysedPassage Analyze(Passage passage)
    {
        var sentences = SentenceSegmenter.Split(passage.Text).Select(s => Analyze(passage, s.Start, s.End)).ToList();
        return new(sentences, new TermIdSet(analyzer.Terms(passage.Title).Select(TermIds.Intern)), SentencesBy(sentences, s => s.Terms), SentencesBy(sentences, s => s.Cores), PlacesNamedThroughCountry(sentences));
    }

    /// <summary>The terms of the place cues that name a place through its country (their whole place has more terms).</summary>
    private static HashSet<string> PlacesNamedThroughCountry(List<Sentence> sentences)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var cue in sentence.Cues)
            {
                if (cue.Kinds.HasFlag(CueKinds.Place) && cue.Whole.Count > cue.Terms.Count) terms.UnionWith(cue.Terms);
            }
        }
        return terms;
    }

    private static SentenceIndex SentencesBy(List<Sentence> sentences, Func<Sentence, int[]> keys) => new(sentences.Select(keys).ToList());

    /// <summary>
    /// The question's words by number (<see cref="TermIds"/>), those no passage has left out (no passage word has them):
    /// found once per question, after its passages are analysed, and compared with their words' numbers.
    /// </summary>
    /// <param name="Terms">Per content word, its terms.</param>
    /// <param name="Cores">Per content word, the rough roots of its own stem.</param>
    /// <param name="Synonyms">Per content word, the synonyms it is read through.</param>
    /// <param name="Numbers">The question's numbers («7», «2017»).</param>
    /// <param name="Said">The terms of the words that say what is asked (framing words left out): whether a text's word
    /// says one of them is then a look-up per term of that word rather than a comparison with every question term, for
    /// every word around every cue of every retrieved sentence.</param>
    /// <param name="SaidBesidesPlaces">The same without places' names.</param>
    /// <param name="Subject">Per word of the question's subject, its terms and synonyms, and for an adjective of origin its
    /// country's («رئيس جمهورية كازاخستان» is «الرئيس الكازاخي»).</param>
    /// <param name="SubjectTerms">The terms of the subject's words.</param>
    /// <param name="Description">The words of <paramref name="Subject"/> a described person must be named with: all but a
    /// qualifier neither the documents nor a news synonym of it say («رئيس البلد المضيف»، «الزعيم الآسيوي»), which no
    /// sentence can hold, so requiring it would rule out every one; its weight still counts against the span's evidence,
    /// as any word the span lacks. The head noun is always required: without it («المبعوث الأممي» where no text says
    /// «مبعوث») the qualifier is no description of a person; so is a name completing it («رئيس بوليفيا», a place or a
    /// word without the article), which says who the person is.</param>
    private sealed record QuestionTermIds(int[][] Terms, int[][] Cores, int[][] Synonyms, int[] Numbers, HashSet<int> Said, HashSet<int> SaidBesidesPlaces, int[][] Subject, HashSet<int> SubjectTerms, int[][] Description)
    {
        public static QuestionTermIds Of(QuestionIntent intent, string[][] cores, IReadOnlyList<string>[] synonyms, IReadOnlyList<string> numbers, TermStatistics statistics)
        {
            // Loops, not LINQ: a question's words are numbered on every request.
            var words = intent.ContentWords;
            var (terms, coreIds, synonymIds) = (new int[words.Count][], new int[words.Count][], new int[words.Count][]);
            var (said, saidBesidesPlaces) = (new HashSet<int>(), new HashSet<int>());
            for (var w = 0; w < words.Count; w++)
            {
                terms[w] = TermIds.FindAll(words[w].Terms);
                coreIds[w] = TermIds.FindAll(cores[w]);
                synonymIds[w] = TermIds.FindAll(synonyms[w]);
                if (words[w].IsFraming) continue;
                foreach (var id in terms[w])
                {
                    said.Add(id);
                    if (!words[w].IsPlace) saidBesidesPlaces.Add(id);
                }
            }
            var (subject, subjectTerms, description) = (new int[intent.Subject.Count][], new HashSet<int>(), new List<int[]>(intent.Subject.Count));
            for (var w = 0; w < subject.Length; w++)
            {
                var word = intent.Subject[w];
                subject[w] = TermIds.FindAll([.. word.Terms, .. word.Synonyms, .. Places.CountriesOf(word.Terms)]);
                if (w == 0 || !word.IsDefinite || word.IsPlace || !statistics.NeverUsed(word.Terms) || word.Synonyms.Count > 0) description.Add(subject[w]);
                for (var t = 0; t < word.Terms.Count; t++)
                {
                    if (TermIds.Find(word.Terms[t]) is var id and not TermIds.Unknown) subjectTerms.Add(id);
                }
            }
            return new(terms, coreIds, synonymIds, TermIds.FindAll(numbers), said, saidBesidesPlaces, subject, subjectTerms, [.. description]);
        }
    }

    private Sentence Analyze(Passage passage, int start, int end)
    {
        var content = AfterItemNumber(passage.Text, start, end);
        var words = WordsOf(analyzer.Analyze(passage.Text, content, end), passage.Text);
        return new Sentence(passage, start, content, end, Distinct(words, w => w.Terms), Distinct(words, w => w.Roots), AnswerCues.Find(passage.Text, content, end, analyzer), words);
    }

    /// <summary>
    /// The analysed tokens grouped into words, each numbered with its terms and their rough roots. A word that attributes
    /// what it introduces («وفق البيان», «بحسب المصدر») says nothing of its own: it is not taken for the verb or noun it
    /// shares a root with («اتفق», «الحساب»), as a question's own «وفق» is not content either.
    /// </summary>
    private SentenceWord[] WordsOf(IReadOnlyList<AnalyzedToken> tokens, string text)
    {
        var words = new List<SentenceWord>();
        for (var first = 0; first < tokens.Count;)
        {
            var last = first;
            while (last + 1 < tokens.Count && tokens[last + 1].Start == tokens[first].Start) last++;
            var terms = new string[last - first + 1];
            for (var t = 0; t < terms.Length; t++) terms[t] = tokens[first + t].Term;
            words.Add(Attributes(text.AsSpan(tokens[first].Start, tokens[first].End - tokens[first].Start))
                ? new SentenceWord(tokens[first].Start, [], [])
                : new SentenceWord(tokens[first].Start, [.. terms.Select(TermIds.Intern)], [.. terms.SelectMany(RoughRoots).Select(TermIds.Intern).Distinct()]));
            first = last + 1;
        }
        return [.. words];
    }

    private bool Attributes(ReadOnlySpan<char> word) =>
        word.Length <= MaxAttributionChars && QuestionVocabulary.AttributionWords.Contains(analyzer.Normalize(word.ToString()));

    /// <summary>The longest written attribution word («وفقاً» with its tanween), so that longer words are not normalised to be looked up.</summary>
    private const int MaxAttributionChars = 6;

    /// <summary>The distinct numbers the words have, in order of number.</summary>
    private static int[] Distinct(SentenceWord[] words, Func<SentenceWord, int[]> ids)
    {
        var distinct = words.SelectMany(ids).Distinct().ToArray();
        Array.Sort(distinct);
        return distinct;
    }

    /// <summary>Whether the numbers (in order of number) hold any of <paramref name="ids"/>.</summary>
    /// <summary>Whether the sentence gives an event a place the question names, closer than a country («في هامبورغ»).</summary>
    private static bool NamesAPlaceOf(Sentence sentence, QuestionIntent intent)
    {
        foreach (var cue in sentence.Cues)
        {
            if (!cue.Kinds.HasFlag(CueKinds.Place) || cue.Kinds.HasFlag(CueKinds.Country)) continue;
            foreach (var word in intent.ContentWords) if (word.IsPlace && word.Terms.Any(cue.Terms.Contains)) return true;
        }
        return false;
    }

    private static bool HasAny(int[] sorted, int[] ids)
    {
        foreach (var id in ids)
        {
            if (Array.BinarySearch(sorted, id) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// Where a sentence's content starts: after the number of a list item ("6-تتبنى…", "2) …"), which numbers the list,
    /// not anything the sentence talks about. "19-20 كانون الثاني" opens with a range of days and is kept.
    /// </summary>
    private static int AfterItemNumber(string text, int start, int end)
    {
        var i = start;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        var digits = i;
        while (i < end && char.IsDigit(text[i])) i++;
        if (i == digits || i >= end || text[i] is not ('-' or ')' or '.')) return start;
        return i + 1 < end && char.IsDigit(text[i + 1]) ? start : i + 1;
    }

    /// <summary>
    /// The keys a stem meets other words by, short of its terms: its <see cref="Core"/>, and the root of its verb form
    /// (<see cref="VerbForms"/>; a three-letter stem is its own), kept apart by a mark so that a root meets only roots:
    /// «توقيع» meets «وقّعت», not «موقع».
    /// </summary>
    internal static string[] RoughRoots(string stem)
    {
        // A verbal noun's «ة» is written «ت» before a pronoun («لاستضافتها»), as is a past verb's feminine ending.
        var bare = stem.Length > 3 && stem[^1] == 'ت' ? stem[..^1] : stem;
        var root = VerbForms.Root(stem) ?? VerbForms.Root(bare) ?? (bare.Length == 3 ? bare : null);
        return root is null ? [Core(stem)] : [Core(stem), RootMark + root];
    }

    private const char RootMark = '√';

    /// <summary>
    /// A stem with verb and participle prefixes (س ي ت ن ا م) and a final ت removed, so that "ستتابع" and "متابعة" meet at
    /// "تابع", "رحبت" and "ترحب" at "رحب": a rough stand-in for the root that the light stemmer does not reach. Matches on
    /// it earn partial credit.
    /// </summary>
    internal static string Core(string stem)
    {
        var start = 0;
        while (start < 2 && stem.Length - start > 3 && stem[start] is 'س' or 'ي' or 'ت' or 'ن' or 'ا' or 'م') start++;
        var end = stem.Length;
        // The feminine ending of a past verb ("رحبت" beside "ترحب", "رحب").
        if (end - start > 3 && stem[end - 1] == 'ت') end--;
        return start == 0 && end == stem.Length ? stem : stem[start..end];
    }

    /// <param name="PassageSentences">The analysed sentences of its passage, kept so that no later look at the window
    /// finds the passage's analysis again.</param>
    /// <param name="Pair">When only two subject words match, both in the text: which two, to check they are said together.</param>
    /// <param name="Matched">The share of the question's weight the span holds, before any check.</param>
    /// <param name="Failed">The checks the span failed (<see cref="SpanChecks"/>).</param>
    private sealed record Window(Passage Passage, List<Sentence> PassageSentences, int Start, int End, double Coverage, double Score, int Rank, (int, int)? Pair, double Matched, SpanChecks Failed, double KindCredit)
    {
        public int DocumentStart => Passage.Start + Start;
        public int DocumentEnd => Passage.Start + End;

        public bool Overlaps(Window other) =>
            Passage.DocumentId == other.Passage.DocumentId && DocumentStart < other.DocumentEnd && other.DocumentStart < DocumentEnd;

        /// <summary>Whether this span holds all of <paramref name="other"/> and more.</summary>
        public bool Holds(Window other) =>
            Passage.DocumentId == other.Passage.DocumentId && DocumentStart <= other.DocumentStart && other.DocumentEnd <= DocumentEnd
            && DocumentEnd - DocumentStart > other.DocumentEnd - other.DocumentStart;

        /// <summary>The span's sentences in matching form (see <see cref="SameWords"/>), once asked for.</summary>
        public string? MatchingForm { get; set; }
    }

    /// <summary>
    /// What the passage being scored holds for this question: title credit per word, credit per sentence and word, answer
    /// cue per sentence (<see cref="KindCredit"/>). One per question, sized for its longest passage and refilled for each
    /// passage: arrays made anew per passage were ≈ 7 % of what a question allocated. Per sentence, only the passage's
    /// sentences are meaningful.
    /// </summary>
    private sealed class PassageEvidence(QuestionIntent intent, QuestionTermIds ids, int maxSentences)
    {
        public QuestionIntent Intent => intent;

        public QuestionTermIds Ids => ids;

        public double[] TitleCredits { get; } = new double[intent.ContentWords.Count];

        public CreditTable Credits { get; } = new(maxSentences, intent.ContentWords.Count);

        /// <summary>The passage's sentences, whose evidence the arrays below hold.</summary>
        public List<Sentence> Sentences { get; private set; } = [];

        /// <summary>Per sentence: its <see cref="KindCredit"/>, NaN until a span needs it (<see cref="KindCreditOf"/>).</summary>
        public double[] KindCredits { get; } = new double[maxSentences];

        /// <summary>Per sentence: a line of a few words (a dateline such as "11 تشرين الثاني/نوفمبر، 2017").</summary>
        public bool[] Standalone { get; } = new bool[maxSentences];

        /// <summary>Per sentence: a word that says a reaction stands next to the one whose reaction is asked (<see cref="ReactionsOfSource"/>).</summary>
        public bool[] ReactionOfSource { get; } = new bool[maxSentences];

        /// <summary>Per content word: a source the question names (a speaker, an event) that the document names too (title or any retrieved passage).</summary>
        public bool[] SourceNamed { get; } = new bool[intent.ContentWords.Count];

        /// <summary>Per content word: whom the question cites as its source («بحسب موقع الوقت»), named by the document.</summary>
        public bool[] AttributionNamed { get; } = new bool[intent.ContentWords.Count];

        /// <summary>Per content word: another retrieved document has it in its title.</summary>
        public bool[] TitledElsewhere { get; } = new bool[intent.ContentWords.Count];

        /// <summary>Makes the evidence that of <paramref name="sentences"/>: no sentence's kind credit is known yet.</summary>
        public void StartPassage(List<Sentence> sentences)
        {
            Sentences = sentences;
            Array.Fill(KindCredits, double.NaN, 0, sentences.Count);
        }
    }

    /// <summary>A passage's credits per sentence and content word, in one array (a row per sentence) rather than an array per sentence.</summary>
    private sealed class CreditTable(int maxSentences, int words)
    {
        private readonly double[] _credits = new double[maxSentences * words];

        /// <summary>The sentences of the passage the table is for.</summary>
        public int Sentences { get; private set; }

        /// <summary>Empties the table for a passage of <paramref name="sentences"/> sentences.</summary>
        public void Reset(int sentences)
        {
            Sentences = sentences;
            Array.Clear(_credits, 0, sentences * words);
        }

        public double this[int sentence, int word]
        {
            get => _credits[sentence * words + word];
            set => _credits[sentence * words + word] = value;
        }

        /// <summary>No word is credited in the sentence.</summary>
        public void Clear(int sentence) => Array.Clear(_credits, sentence * words, words);
    }

    /// <summary>
    /// For each retrieved document, which of the question's words it names somewhere (its title or any retrieved passage,
    /// by the word's own terms): a statement is often quoted sentences after its speaker is named («ومن جانبه قال
    /// الكرملين…» … «وشدد الكرملين على…»), and a document that never names a word is not about it. A source the
    /// documents never spell that way is named by a term one typing slip away («تيلرسن», <see cref="NearSpellings"/>).
    /// </summary>
    private static Dictionary<string, bool[]> NamedByDocument(IReadOnlyList<ScoredPassage> passages, AnalysedPassage[] analyses, QuestionIntent intent, QuestionTermIds ids, TermStatistics statistics)
    {
        var misspelt = intent.ContentWords.Select(w => (w.IsSource || w.NamesStatement) && statistics.NeverUsed(w.Terms)
            ? w.Terms.Select(NearSpellings.Of).OfType<Func<string, bool>>().ToArray() : []).ToArray();
        var read = ReadAsNamed(intent);
        var named = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var (scored, analysed) = (passages[rank], analyses[rank]);
            var titleTerms = analysed.TitleTerms;
            if (!named.TryGetValue(scored.Passage.DocumentId, out var flags)) named[scored.Passage.DocumentId] = flags = new bool[intent.ContentWords.Count];
            for (var w = 0; w < flags.Length; w++)
            {
                if (flags[w] || !read[w]) continue;
                var terms = ids.Terms[w];
                flags[w] = titleTerms.ContainsAnyOf(terms) || ContainsAnyKey(analysed.TermSentences, terms)
                    || (misspelt[w].Length > 0 && analysed.TermSentences.Keys.Any(id => misspelt[w].Any(near => near(TermIds.Term(id)))));
            }
        }
        return named;
    }

    /// <summary>
    /// The content words whose naming in the document is read: a source or a statement's name (<see cref="NamedInDocument"/>),
    /// whom the answer is according to, and both words of a pair («ترامب وبوتين», <see cref="CreditPairsNamedByADual"/>).
    /// The others' flags stay false unread: most questions have none of these words, and every retrieved passage was
    /// searched for every word.
    /// </summary>
    private static bool[] ReadAsNamed(QuestionIntent intent)
    {
        var words = intent.ContentWords;
        var read = new bool[words.Count];
        for (var w = 0; w < read.Length; w++)
        {
            read[w] = words[w].IsSource || words[w].NamesStatement || words[w].IsAttribution || words[w].SecondOfPair
                || (w + 1 < read.Length && words[w + 1].SecondOfPair);
        }
        return read;
    }

    // The per-passage evidence below is built with loops rather than LINQ: it runs for every retrieved passage of every question.

    /// <summary>
    /// Sentence <paramref name="s"/>'s kind credit, computed the first time a span reads it: only a sentence about the
    /// question's subject, or a dateline, has its credit read (<see cref="Score"/>); the others' is never computed.
    /// </summary>
    private double KindCreditOf(PassageEvidence evidence, int s)
    {
        var credit = evidence.KindCredits[s];
        return double.IsNaN(credit) ? evidence.KindCredits[s] = KindCredit(evidence.Sentences[s], evidence.Intent, evidence.Ids) : credit;
    }

    /// <summary>Per sentence: a short line can hold a date or a number on its own (a dateline); it cannot hold an outcome.</summary>
    private void Standalone(List<Sentence> sentences, QuestionIntent intent, bool[] standalone)
    {
        for (var s = 0; s < sentences.Count; s++) standalone[s] = intent.Kind != AnswerKind.Outcome && sentences[s].Terms.Length <= _selection.MaxStandaloneLineTerms;
    }

    /// <summary>
    /// Per sentence, for a question that asks how someone reacted («كيف ردّ بشار الأسد…», «ما موقف إيران من…»): whether
    /// a word that says a reaction stands within <see cref="SpanSelectionOptions.MaxReactionSourceDistance"/> words of
    /// the one asked about. A sentence that names them and says a reaction of someone else's does not answer it.
    /// </summary>
    private void ReactionsOfSource(List<Sentence> sentences, int reaction, HashSet<int>? sourceTerms, QuestionTermIds ids, bool[] ofSource)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            ofSource[s] = false;
            if (sourceTerms is null) continue;
            var words = sentences[s].Words;
            for (var i = 0; i < words.Length && !ofSource[s]; i++)
            {
                ofSource[s] = SharesAny(ids.Terms[reaction], words[i].Terms) && Near(words, i, sourceTerms, _selection.MaxReactionSourceDistance);
            }
        }
    }

    /// <summary>Per content word: whether it is of the kind <paramref name="of"/> picks and the document names it.</summary>
    private static void NamedInDocument(QuestionIntent intent, bool[] namedInDocument, Func<QuestionWord, bool> of, bool[] named)
    {
        for (var w = 0; w < named.Length; w++) named[w] = of(intent.ContentWords[w]) && namedInDocument[w];
    }

    private static void TitledElsewhere(QuestionIntent intent, HashSet<string>[] titledIn, string documentId, bool[] elsewhere)
    {
        for (var w = 0; w < elsewhere.Length; w++)
        {
            elsewhere[w] = false;
            if (!intent.ContentWords[w].NamesStatement) continue;
            foreach (var document in titledIn[w])
            {
                if (document == documentId) continue;
                elsewhere[w] = true;
                break;
            }
        }
    }

    /// <summary>
    /// How surely the sentence holds what the interrogative asks for: 1, or 0 when it does not. متى answered by another
    /// event («بعد التخلص من…», «خلال مؤتمر صحفي») earns <see cref="SpanSelectionOptions.RelativeTimeCredit"/>: those words are common, and the
    /// sentence is often about something else than when the question's event happened, so it needs more evidence than a date.
    /// </summary>
    private double KindCredit(Sentence sentence, QuestionIntent intent, QuestionTermIds ids)
    {
        if (intent.Kind == AnswerKind.Any) return 0;
        // «10-تقرر عقد الاجتماع التالي … في شباط 2018» dates and places the next meeting, not the one a question without
        // «next» asks about; a question about what is still to come is not answered by a sentence that speaks of none,
        // nor «أين كان آخر لقاء…» where the sentence speaks of no earlier one («في آخر مرة…»), nor «متى انعقدت…» by a
        // sentence that announces what is still to come, nor «متى القمة المقبلة» by one that names no next event.
        if (intent.Kind is AnswerKind.Time or AnswerKind.Date or AnswerKind.Year or AnswerKind.Place
            && ((intent.AsksFuture ? !Speaks(sentence, intent.AsksNext ? CueKinds.Next : CueKinds.Future) : Speaks(sentence, CueKinds.Next) || (intent.AsksPast && Speaks(sentence, CueKinds.Future)))
                || (intent.AsksPrevious && !Speaks(sentence, CueKinds.Earlier)))) return 0;
        if (intent.Kind != AnswerKind.Time) return AnswersKind(sentence, intent, ids) ? 1 : 0;
        // «إلى متى ستستمر هذه الجهود؟» is answered by what ends them («حتى يتم تحقيق…»), and a date on its own (a
        // dateline, «اليوم») says when they were spoken of, so the bound is as sure an answer as a date is to «متى».
        for (var c = 0; intent.AsksBound && c < sentence.Cues.Count; c++)
        {
            if ((sentence.Cues[c].Kinds & CueKinds.Bound) != 0 && Bounds(sentence, sentence.Cues[c], intent, ids)) return 1;
        }
        for (var c = 0; c < sentence.Cues.Count; c++)
        {
            if (AnswerCues.Answers(AnswerKind.Date, sentence.Cues[c], intent) && Dates(sentence, sentence.Cues[c], ids)) return intent.AsksBound ? _selection.RelativeTimeCredit : 1;
        }
        for (var c = 0; c < sentence.Cues.Count; c++)
        {
            if (AnswerCues.Answers(AnswerKind.Time, sentence.Cues[c], intent) && Bounds(sentence, sentence.Cues[c], intent, ids)) return _selection.RelativeTimeCredit;
        }
        return 0;
    }

    /// <summary>
    /// Whether a relative-time word bounds the question's event: it comes a few words from one of the question's words
    /// (not in another clause of a long sentence), and what it names after it is not that event itself («بعد سيطرة
    /// الجيش…» for «متى سيطر الجيش…؟» says what came after it, not when it was). A place is no such word for a past
    /// event («القرارات التي جرى إقرارها سابقاً في إطار عملية أستانا» is not when a round there was held); a sentence
    /// that already names the next or a future event, as a question about one asks, is dated by where it will be.
    /// </summary>
    private bool Bounds(Sentence sentence, Cue cue, QuestionIntent intent, QuestionTermIds ids)
    {
        var words = sentence.Words;
        var at = After(words, cue);
        return at >= 0 && !Says(words[at], ids.Said) && Near(words, at, intent.AsksFuture ? ids.Said : ids.SaidBesidesPlaces, _selection.MaxBoundDistance);
    }

    /// <summary>
    /// Whether a date is said of the question's event: a few words from one of the question's words, or on a short line
    /// of its own (a dateline); «المذكرة الموقعة بتاريخ 4 أيار» a clause away from «أستانا» dates the memorandum.
    /// </summary>
    private bool Dates(Sentence sentence, Cue cue, QuestionTermIds ids)
    {
        if (sentence.Terms.Length <= _selection.MaxStandaloneLineTerms) return true;
        var words = sentence.Words;
        var at = After(words, cue);
        if (at < 0) at = words.Length - 1;
        return Near(words, at, ids.SaidBesidesPlaces, _selection.MaxDateDistance, sentence.Passage.Text) || DatedByEarlier(sentence, cue, at, ids);
    }

    /// <summary>Whether the word written before <paramref name="start"/> is «قبل» or «بعد» (stop words, so not among a sentence's words).</summary>
    private static bool PlacedAgainst(string text, int start)
    {
        var end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        return end >= 3 && text.AsSpan(end - 3, 3) is "قبل" or "بعد" && (end == 3 || !char.IsLetter(text[end - 4]));
    }

    /// <summary>
    /// «…الذي تم الانتهاء منه في آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز»: the date is the earlier
    /// meeting's, a few words after it, and that meeting dates the question's event said just before it.
    /// </summary>
    private bool DatedByEarlier(Sentence sentence, Cue date, int at, QuestionTermIds ids)
    {
        if (FirstCue(sentence, CueKinds.Earlier) is not { } earlier || earlier.Start >= date.Start) return false;
        var from = After(sentence.Words, earlier);
        return from >= 0 && at - from <= _selection.MaxDateDistance && SaidBefore(sentence.Words, earlier, ids.SaidBesidesPlaces, _selection.MaxBoundDistance);
    }

    /// <summary>The index of the word the cue is; −1 when none (a cue of a stop word).</summary>
    private static int At(SentenceWord[] words, Cue cue)
    {
        for (var i = 0; i < words.Length; i++) if (words[i].Start == cue.Start) return i;
        return -1;
    }

    /// <summary>The index of the first word after the cue's start; −1 when none.</summary>
    private static int After(SentenceWord[] words, Cue cue)
    {
        for (var i = 0; i < words.Length; i++) if (words[i].Start > cue.Start) return i;
        return -1;
    }

    /// <summary>
    /// Whether a word of <paramref name="said"/> stands within <paramref name="distance"/> words of <paramref name="at"/>:
    /// with the terms of the question's words besides places (<see cref="QuestionTermIds.SaidBesidesPlaces"/>), a place's
    /// name does not count: a date beside «عمان» dates what happened there, not necessarily what the question asks about.
    /// </summary>
    /// <param name="referencesIn">The sentence's text, when a word right after «قبل» or «بعد» does not count: «اجتماعاً
    /// تحضيرياً… قبل المؤتمر، وذلك بتاريخ 19-20 كانون الثاني» dates the meeting placed before the conference, not the conference.</param>
    private static bool Near(SentenceWord[] words, int at, HashSet<int> said, int distance, string? referencesIn = null)
    {
        for (var i = Math.Max(0, at - distance); i <= Math.Min(words.Length - 1, at + distance); i++)
        {
            if (Says(words[i], said) && !(referencesIn is not null && PlacedAgainst(referencesIn, words[i].Start))) return true;
        }
        return false;
    }

    // A look-up per term of the word, by number: this runs for the words around every time cue of every retrieved sentence.
    private static bool Says(SentenceWord word, HashSet<int> said) => said.ContainsAnyOf(word.Terms);

    private static bool Speaks(Sentence sentence, CueKinds kind) => FirstCue(sentence, kind) is not null;

    /// <summary>The sentence's first cue of <paramref name="kind"/> («في آخر مرة» for an earlier one of a series); null when it has none.</summary>
    private static Cue? FirstCue(Sentence sentence, CueKinds kind)
    {
        for (var c = 0; c < sentence.Cues.Count; c++)
        {
            if (sentence.Cues[c].Kinds.HasFlag(kind)) return sentence.Cues[c];
        }
        return null;
    }

    /// <summary>
    /// Whether the sentence holds what the interrogative asks for. An identity question ("من هو رئيس الوزراء الأردني؟")
    /// presupposes its description: the sentence must name the person with it, its words in order and close together
    /// ("وزير الخارجية الأميركي ريكس تيلرسون"); a sentence with the same words scattered is about someone else. A count or a
    /// duration («كم عدد السوريين…», «كم استغرق اللقاء…») must be of that noun: a number a few words from a word of it (or
    /// another name of the same kind of event), not one about something else.
    /// </summary>
    private bool AnswersKind(Sentence sentence, QuestionIntent intent, QuestionTermIds ids) => intent.Kind switch
    {
        AnswerKind.Identity => DescriptionEnd(sentence.Words, ids.Description) is var end && end >= 0 && (!intent.AsksName || NamedAfter(sentence.Words, end, ids)),
        AnswerKind.Quantity when intent.Subject.Count > 0 => Counts(sentence, intent, ids),
        AnswerKind.Place when intent.AsksSettlement => NamesCity(sentence, intent, ids),
        // A sentence that speaks of the event as still to come was written before it: it says when, not what came of it.
        // Nor does any sentence say what came of «the next» meeting: a text that calls it so («قررت عقد الاجتماع التالي…»)
        // precedes it, and one that reports it names it otherwise («الجولة التاسعة»).
        AnswerKind.Outcome => !intent.AsksNext && !Speaks(sentence, CueKinds.Future),
        _ => AnswerCues.Answers(intent.Kind, sentence.Cues, intent),
    };

    /// <summary>
    /// Whether the sentence names the city «في أي مدينة» asks for: a place it is said to be in, or a city's name governed
    /// by the question's word or a verbal noun right before it («تحرير الرقة»); a city named elsewhere, or after a
    /// colon or a comma («تيلرسون: واشنطن وموسكو…»), may be the subject of another clause.
    /// </summary>
    private static bool NamesCity(Sentence sentence, QuestionIntent intent, QuestionTermIds ids)
    {
        foreach (var cue in sentence.Cues)
        {
            if (!AnswerCues.Answers(AnswerKind.Place, cue, intent)) continue;
            if (cue.Kinds.HasFlag(CueKinds.Place)) return true;
            var words = sentence.Words;
            var at = At(words, cue);
            // «تحرير الرقة», «استعادة الرقة»: a city governed by a verbal noun is what the action was done to, not a clause's subject.
            var governed = at > 0 && (Says(words[at - 1], ids.Said) || (words[at - 1].Terms.Length > 0 && VerbForms.IsVerbalNoun(TermIds.Term(words[at - 1].Terms[0]))));
            if (governed && !HasPunctuation(sentence.Passage.Text.AsSpan(words[at - 1].Start, cue.Start - words[at - 1].Start))) return true;
        }
        return false;
    }

    private static bool HasPunctuation(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsPunctuation(c)) return true;
        }
        return false;
    }

    private bool Counts(Sentence sentence, QuestionIntent intent, QuestionTermIds ids)
    {
        var words = sentence.Words;
        // «كم جولة…», «شحال من جولة…»: «الجولة الثامنة» says how many there have been (unless the question says which);
        // «كم رقم القرار»: the number a few words after the noun («قرار مجلس الأمن المرقم 2254») is its number.
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (!Says(words[i], ids.SubjectTerms)) continue;
            if (Says(words[i + 1], OrdinalTerms) && !Says(words[i + 1], ids.Said)) return true;
            if (intent.AsksNumberOf && NumberAfter(sentence, i)) return true;
        }
        var cues = sentence.Cues.Where(cue => AnswerCues.Answers(AnswerKind.Quantity, cue, intent)).ToList();
        if (cues.Count == 0) return false;
        foreach (var cue in cues)
        {
            var at = At(words, cue);
            if (at < 0) continue;
            for (var i = Math.Max(0, at - _selection.MaxCountDistance); i <= Math.Min(words.Length - 1, at + _selection.MaxCountDistance); i++)
            {
                if (Says(words[i], ids.SubjectTerms)) return true;
            }
        }
        return false;
    }

    private static readonly HashSet<int> OrdinalTerms = Ordinals.AllStems.Select(TermIds.Intern).ToHashSet();

    /// <summary>Whether a word in digits follows word <paramref name="at"/> within <see cref="SpanSelectionOptions.MaxCountDistance"/> words.</summary>
    private bool NumberAfter(Sentence sentence, int at)
    {
        var words = sentence.Words;
        for (var i = at + 1; i < words.Length && i - at <= _selection.MaxCountDistance; i++)
        {
            if (char.IsAsciiDigit(sentence.Passage.Text[words[i].Start])) return true;
        }
        return false;
    }

    /// <summary>
    /// «ما اسم وزير الخارجية الأمريكي…» is answered where a name follows the description («…الأميركي ريكس تيلرسون»,
    /// «…كازاخستان، السيد نصرلتان نازرباييف»): a sentence that ends with it («مناطق خفض التصعيد الأربع،») or goes on
    /// with the question's own words («وتابع وزيرا خارجية البلدين عمل الخبراء») speaks of them without naming them.
    /// </summary>
    private static bool NamedAfter(SentenceWord[] words, int end, QuestionTermIds ids) =>
        end + 1 < words.Length && !Says(words[end + 1], ids.Said);

    /// <summary>The index of the description's last word where the words say it, in order with small gaps; −1 when they do not (the sentence's length for an empty description).</summary>
    /// <param name="description">Per word of the description, the numbers of its terms and news synonyms.</param>
    private int DescriptionEnd(SentenceWord[] words, int[][] description)
    {
        if (description.Length == 0) return words.Length;
        for (var start = 0; start < words.Length; start++)
        {
            if (!Names(description[0], words[start])) continue;
            var at = start;
            var next = 1;
            for (var i = start + 1; next < description.Length && i < words.Length && i - at <= _selection.MaxDescriptionGap + 1; i++)
            {
                if (!Names(description[next], words[i])) continue;
                at = i;
                next++;
            }
            if (next == description.Length) return at;
        }
        return -1;
    }

    /// <summary>Whether the text's word is the description's word or a news synonym of it («رئيس الدولة» in «رئيس جمهورية»).</summary>
    private static bool Names(int[] described, SentenceWord word) => SharesAny(described, word.Terms);

    private static bool SharesAny(int[] a, int[] b)
    {
        foreach (var id in a)
        {
            if (Array.IndexOf(b, id) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// Per sentence and content word: 1 when the sentence has one of its terms, <see cref="SpanSelectionOptions.SynonymCredit"/> when it has a word that names
    /// the same thing (<see cref="NewsSynonyms"/>, for words the documents never use), <see cref="SpanSelectionOptions.CoreMatchCredit"/> when only
    /// a rough root matches. Looked up per word in the passage's term index, the strongest match written last.
    /// </summary>
    /// <param name="namedInDocument">Which question words the passage's document names (<see cref="NamedByDocument"/>).</param>
    private void Credits(AnalysedPassage passage, QuestionIntent intent, QuestionTermIds ids, bool[] namedInDocument, CreditTable credits)
    {
        credits.Reset(passage.Sentences.Count);
        for (var w = 0; w < intent.ContentWords.Count; w++)
        {
            Credit(passage.CoreSentences, ids.Cores[w], _selection.CoreMatchCredit);
            Credit(passage.TermSentences, ids.Synonyms[w], _selection.SynonymCredit);
            Credit(passage.TermSentences, ids.Terms[w], 1);

            void Credit(SentenceIndex index, int[] keys, double credit)
            {
                for (var k = 0; k < keys.Length; k++)
                {
                    foreach (var s in index.Sentences(keys[k])) credits[s, w] = credit;
                }
            }
        }
        CreditPairsNamedByADual(passage, intent, namedInDocument, credits);
        // A sentence about an earlier one of a series («في آخر مرة التقى فيها الرئيسان…») is no evidence of where or when
        // the one asked about happened, however many words it shares with the question, unless the question names that
        // one by a number of its own («في 7 تموز 2017») or by the place the sentence gives it («…في هامبورغ؟»). When a
        // question's past event is said before it, that earlier one dates it («وقف إطلاق النار… الذي تم الانتهاء منه في
        // آخر مرة…»); where it was done is still not said.
        if (intent.Kind is AnswerKind.Time or AnswerKind.Date or AnswerKind.Year or AnswerKind.Place && !intent.AsksEarlier)
        {
            for (var s = 0; s < credits.Sentences; s++)
            {
                var sentence = passage.Sentences[s];
                if (FirstCue(sentence, CueKinds.Earlier) is { } earlier && !HasAny(sentence.Terms, ids.Numbers) && !NamesAPlaceOf(sentence, intent)
                    && (intent.Kind == AnswerKind.Place || intent.AsksFuture || !SaidBefore(sentence.Words, earlier, ids.SaidBesidesPlaces, sentence.Words.Length))) credits.Clear(s);
            }
        }
    }

    /// <summary>Whether a word of <paramref name="said"/> stands among the <paramref name="distance"/> words before the cue.</summary>
    private static bool SaidBefore(SentenceWord[] words, Cue cue, HashSet<int> said, int distance)
    {
        var at = After(words, cue);
        if (at < 0) at = words.Length;
        for (var i = Math.Max(0, at - 1 - distance); i < at && words[i].Start < cue.Start; i++)
        {
            if (Says(words[i], said)) return true;
        }
        return false;
    }

    /// <summary>
    /// «ترامب وبوتين» are «الرئيسان» in a document that names them both: a sentence with a dual of a title («الرئيسان»,
    /// «الزعيمين», «الوزيرين») speaks of the pair, and each of its two words earns <see cref="SpanSelectionOptions.SynonymCredit"/>
    /// there, as a word named in other words does.
    /// </summary>
    private void CreditPairsNamedByADual(AnalysedPassage passage, QuestionIntent intent, bool[] namedInDocument, CreditTable credits)
    {
        for (var second = 1; second < intent.ContentWords.Count; second++)
        {
            var first = second - 1;
            if (!intent.ContentWords[second].SecondOfPair || !namedInDocument[first] || !namedInDocument[second]) continue;
            for (var s = 0; s < credits.Sentences; s++)
            {
                var sentence = passage.Sentences[s];
                if (!(sentence.NamesPair ??= NamesAPairByTitle(sentence.Passage.Text.AsSpan(sentence.ContentStart, sentence.End - sentence.ContentStart)))) continue;
                credits[s, first] = Math.Max(credits[s, first], _selection.SynonymCredit);
                credits[s, second] = Math.Max(credits[s, second], _selection.SynonymCredit);
            }
        }
    }

    /// <summary>Duals of the titles the press gives a pair of leaders or ministers, as written.</summary>
    private static readonly string[] DualTitles = ["الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين", "الوزيران", "الوزيرين", "وزيرا", "وزيري"];

    private static bool NamesAPairByTitle(ReadOnlySpan<char> text)
    {
        foreach (var title in DualTitles)
        {
            if (text.Contains(title, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Whether one of the sentences says the word: one of its terms, or its rough root (what <c>ask --explain</c> lists as missing when none does).</summary>
    private static bool SaidIn(IEnumerable<Sentence> sentences, int[] terms, int[] cores) =>
        sentences.Any(s => HasAny(s.Terms, terms) || HasAny(s.Cores, cores));

    private static bool ContainsAnyKey(SentenceIndex index, int[] ids)
    {
        foreach (var id in ids)
        {
            if (index.Contains(id)) return true;
        }
        return false;
    }

    /// <summary>How a question's words count.</summary>
    /// <param name="Weights">Per content word: its IDF, less for framing words.</param>
    /// <param name="Numbers">Which content words are numbers or ordinals (a year, a round, a resolution): another number means another thing.</param>
    /// <param name="Optional">Which content words count only when present (<see cref="QuestionWord.NamesAnswerKind"/>).</param>
    /// <param name="Subject">Which content words say what the question is about (not framing words).</param>
    /// <param name="Sources">Which content words name the source of what is asked (whose words, what event): the span or its document must name them.</param>
    /// <param name="Statements">Which content words name whose statement the question is about ("بيان تيلرسون").</param>
    /// <param name="Predicates">Which content word is the relation asked about (<see cref="QuestionWord.IsPredicate"/>).</param>
    /// <param name="Places">Which content words name a place («إيران», «أستانا»).</param>
    /// <param name="KindRequired">Whether a span without what the interrogative asks for is no answer at all.</param>
    /// <param name="AsksPublication">Whether it asks when something was issued («متى صدر…»), which a page's heading lines say.</param>
    /// <param name="Reaction">The content word that asks how its source reacted (any word saying a reaction answers it), when the question names that source; −1 otherwise.</param>
    private sealed record Scoring(double[] Weights, double Total, bool[] Numbers, bool[] Optional, bool[] Subject, bool[] Sources, bool[] Statements, bool[] Predicates, bool[] Places, bool KindRequired, bool AsksPublication, int Reaction);

    /// <summary>The content word that asks a reaction (read with every word that says one), when a source is named; −1 otherwise.</summary>
    private static int AskedReaction(QuestionIntent intent)
    {
        if (!intent.ContentWords.Any(w => w.IsSource)) return -1;
        for (var w = 0; w < intent.ContentWords.Count; w++)
        {
            var word = intent.ContentWords[w];
            if (word.IsPredicate && QuestionVocabulary.ReactionTerms.All(word.Terms.Contains)) return w;
        }
        return -1;
    }

    private Candidate Score(int first, int last, PassageEvidence evidence, Scoring scoring, int rank)
    {
        var weights = scoring.Weights;
        var matched = 0.0;
        var possible = scoring.Total;
        var kindCredit = 0.0;
        var failed = SpanChecks.None;
        var subjectWords = 0;
        var subjectMatched = 0;
        (int, int)? pair = null;
        var titleMatched = false;
        var (otherWords, otherMatched) = (0, 0);
        for (var w = 0; w < weights.Length; w++)
        {
            var credit = evidence.TitleCredits[w];
            var sentenceCredit = 0.0;
            for (var s = first; s <= last; s++) sentenceCredit = Math.Max(sentenceCredit, evidence.Credits[s, w]);
            credit = Math.Max(credit, sentenceCredit);
            // A source is named, not guessed from a rough root («السعودية» is not «عودة»); a word the documents never use is
            // named by one naming the same thing («الزعيمان» by «الرئيسان»), but a place only by itself (a capital is not its country's adjective).
            var named = evidence.TitleCredits[w] > 0 || sentenceCredit >= (scoring.Places[w] ? 1 : _selection.SynonymCredit) || evidence.SourceNamed[w];
            matched += credit * weights[w];
            // «بحسب موقع الوقت»: a document that names whom the question cites speaks for it in every sentence.
            if ((scoring.Optional[w] || evidence.AttributionNamed[w]) && credit == 0) possible -= weights[w];
            if (scoring.Numbers[w] && credit == 0) failed |= SpanChecks.NumberMissing;
            // «من ترأس الوفد…» is not answered by a sentence about the delegation that does not say who headed it.
            if (scoring.Predicates[w] && credit == 0) failed |= SpanChecks.RelationMissing;
            // Someone else's words are no answer to what this speaker said, nor another event's outcome to this one's:
            // the span or its document must name the source.
            if (scoring.Sources[w] && !named) failed |= SpanChecks.SourceNotNamed;
            // "بيان تيلرسون" when another retrieved document is titled with Tillerson: that statement is the one asked about.
            if (scoring.Statements[w] && !named && evidence.TitledElsewhere[w]) failed |= SpanChecks.AnotherStatement;
            if (scoring.Subject[w])
            {
                subjectWords++;
                if (!scoring.Places[w] && !scoring.Numbers[w] && !scoring.Optional[w])
                {
                    otherWords++;
                    if (credit > 0) otherMatched++;
                }
                if (credit > 0)
                {
                    subjectMatched++;
                    if (evidence.TitleCredits[w] == 0) pair = pair is { } one ? (one.Item1, w) : (w, -1);
                    else titleMatched = true;
                }
            }
        }
        // One shared word out of several is coincidence ("أطول نهر في العالم" and "لنهر الفرات"), not evidence.
        if (subjectWords >= _selection.MinMatchedWords && subjectMatched < _selection.MinMatchedWords) failed |= SpanChecks.OneSubjectWord;
        // Places alone are where, not what: «رئيس وفد إيران إلى أستانا» is not answered by any sentence naming Iran and Astana.
        if (otherWords >= _selection.MinMatchedWords && otherMatched == 0) failed |= SpanChecks.PlacesOnly;
        // What the question asks for must be said of its subject: a date in a neighbouring sentence about something
        // else («سيعقد الضامنون اجتماعاً … بتاريخ 19-20 كانون الثاني») does not date it. A dateline stands on its own.
        for (var s = first; s <= last; s++)
        {
            var about = evidence.Standalone[s];
            for (var w = 0; w < weights.Length && !about; w++) about = scoring.Subject[w] && !scoring.Optional[w] && evidence.Credits[s, w] > 0;
            if (about) kindCredit = Math.Max(kindCredit, KindCreditOf(evidence, s));
        }
        // «كيف ردّ بشار الأسد…»: a reaction the span says is his only where it is said next to him, unless the whole
        // document is his.
        if (scoring.Reaction >= 0 && !failed.HasFlag(SpanChecks.RelationMissing) && !ReactionSaidOfSource(first, last, evidence, scoring)) failed |= SpanChecks.SourceNotNamed;
        var kindMatch = kindCredit > 0;
        if (scoring.KindRequired && !kindMatch) failed |= SpanChecks.AnswerKindMissing;
        var share = possible > 0 ? matched / possible : 0;
        var factor = (failed & ~SpanChecks.NumberMissing) != 0 ? 0 : failed.HasFlag(SpanChecks.NumberMissing) ? _selection.MissingNumberFactor : 1;
        if (scoring.KindRequired) factor *= kindCredit;
        var coverage = factor * share;
        // Coverage decides abstention; the score also prefers what the question asks for, fewer sentences and better-ranked passages.
        // «متى صدر البيان…»: a page's heading lines (its title, issuer and dateline) are its record of publication, read as one.
        var extra = 0;
        for (var s = first + 1; s <= last; s++) if (!(scoring.AsksPublication && evidence.Standalone[s])) extra++;
        var score = coverage + (kindMatch ? _selection.KindBonus : 0) - _selection.ExtraSentencePenalty * extra - _selection.RankPenalty * rank;
        var checkPair = subjectWords >= _selection.MinMatchedWords && subjectMatched == _selection.MinMatchedWords && !titleMatched ? pair : null;
        return new Candidate(rank, first, last, coverage, score, checkPair, share, failed, kindCredit);
    }

    private static bool ReactionSaidOfSource(int first, int last, PassageEvidence evidence, Scoring scoring)
    {
        for (var w = 0; w < scoring.Sources.Length; w++) if (scoring.Sources[w] && evidence.TitleCredits[w] > 0) return true;
        for (var s = first; s <= last; s++) if (evidence.ReactionOfSource[s]) return true;
        return false;
    }

    /// <summary>
    /// Marks the question's words that the passages say as a place through the country it lies in («فى دا نانغ بفيتنام»):
    /// a place the gazetteer lacks is still where, not what («ما أفضل الشواطئ في دا نانغ؟» shares only where with them).
    /// </summary>
    private static void PlacedThroughCountry(QuestionIntent intent, AnalysedPassage[] analyses, bool[] places)
    {
        // Each passage's places named so were gathered with its analysis: a look-up per question term and passage here,
        // not a walk over every cue of every retrieved sentence per question.
        foreach (var analysed in analyses)
        {
            if (analysed.PlacedThroughCountry.Count == 0) continue;
            for (var w = 0; w < places.Length; w++)
            {
                if (!places[w] && analysed.PlacedThroughCountry.ContainsAnyOf(intent.ContentWords[w].Terms)) places[w] = true;
            }
        }
    }

    /// <summary>
    /// Two subject words (of two or more), met far apart («تحضير» in «التحضير لمؤتمر…» and «العربية» in «الجمهورية
    /// العربية»; «العاصمة» in a dateline and «فيتنام» in the next sentence) are coincidence: with only two to go on, they
    /// must be said together, in one sentence and at most
    /// <see cref="SpanSelectionOptions.MaxPairDistance"/> words apart.
    /// </summary>
    private bool Coincidental(Window window, QuestionIntent intent, QuestionTermIds ids)
    {
        // A described person, a counted or timed noun already found next to what answers it is no coincidence.
        if (window.Pair is not var (a, b) || intent.Subject.Count > 0) return false;
        foreach (var sentence in SentencesOf(window))
        {
            var words = sentence.Words;
            for (var i = 0; i < words.Length; i++)
            {
                if (!Meets(words[i], a)) continue;
                for (var j = Math.Max(0, i - _selection.MaxPairDistance); j <= Math.Min(words.Length - 1, i + _selection.MaxPairDistance); j++)
                {
                    if (Meets(words[j], b)) return false;
                }
            }
        }
        return true;

        // By number: this runs for every word of a candidate span.
        bool Meets(SentenceWord word, int w) => SharesAny(ids.Terms[w], word.Terms) || SharesAny(ids.Cores[w], word.Roots);
    }

    /// <summary>IDF of a content word (less for a word the documents never use); a word with several analysed forms counts with its most common one.</summary>
    private double Weight(IReadOnlyList<string> terms, TermStatistics statistics)
    {
        var n = Math.Max(1, statistics.PassageCount);
        // A loop rather than LINQ's Max: a closure and a delegate per word of every question.
        var maxFrequency = 0;
        for (var i = 0; i < terms.Count; i++) maxFrequency = Math.Max(maxFrequency, statistics.DocumentFrequency.GetValueOrDefault(terms[i]));
        return Math.Log(1 + (n - maxFrequency + 0.5) / (maxFrequency + 0.5)) * (maxFrequency == 0 ? _selection.UnknownWordWeight : 1);
    }

    /// <summary>What a quote adds around its text: the blank line before it, «», the space and the [n] marker.</summary>
    private const int QuoteMarkChars = 12;

    private static GeneratedAnswer Compose(List<Window> windows)
    {
        // Sized for the quotes and their marks, not grown by doubling.
        var text = new StringBuilder(windows.Sum(w => w.End - w.Start + QuoteMarkChars));
        var citations = new List<Citation>(windows.Count);
        foreach (var window in windows)
        {
            var marker = citations.Count + 1;
            var quote = window.Passage.Text[window.Start..window.End];
            citations.Add(new Citation(marker, window.Passage.DocumentId, window.Passage.Title, window.DocumentStart, window.DocumentEnd, quote, window.Passage.PassageId));
            if (text.Length > 0) text.Append("\n\n");
            // The answer shows the quote on one line; the citation keeps it verbatim.
            text.Append('«').Append(DisplayText.OneLine(quote)).Append("» [").Append(marker).Append(']');
        }
        return new GeneratedAnswer(text.ToString(), false, citations);
    }

    /// <summary>An abstention: the sentence every abstention opens with, then what was looked for and not found
    /// (<see cref="AbstentionExplanations"/>), with what the question asked when <paramref name="asked"/> says it.</summary>
    public static GeneratedAnswer Abstain(string reason, AbstentionExplanations.Asked? asked = null)
    {
        var explanation = AbstentionExplanations.For(reason, asked);
        return new(explanation is null ? NoAnswerText : $"{NoAnswerText}\n\n{explanation}", true, []) { AbstainReason = reason, AbstainExplanation = explanation };
    }
}

/// <summary>The checks a candidate span can fail; any but <see cref="NumberMissing"/> rules it out.</summary>
[Flags]
internal enum SpanChecks
{
    None = 0,
    /// <summary>The question names a number or an ordinal the span lacks: it may be about another one (evidence × 0.3).</summary>
    NumberMissing = 1,
    /// <summary>The question names whose words or which event's outcome it asks about; neither the span nor its document names it.</summary>
    SourceNotNamed = 2,
    /// <summary>The question names a statement another retrieved document is titled with.</summary>
    AnotherStatement = 4,
    /// <summary>Only one of several subject words is in the span.</summary>
    OneSubjectWord = 8,
    /// <summary>The span lacks what the interrogative asks for.</summary>
    AnswerKindMissing = 16,
    /// <summary>The only two subject words the span has are far apart.</summary>
    WordsFarApart = 32,
    /// <summary>The span does not say the relation the question asks about (<see cref="QuestionWord.IsPredicate"/>).</summary>
    RelationMissing = 64,
    /// <summary>Of two or more words the question asks about besides places and numbers, the span has none: it shares only where.</summary>
    PlacesOnly = 128,
}
