using System.Diagnostics;
using System.Text;
using Assistant.Analysis;
using Assistant.Answering.Normalization;
using Assistant.Citations;
using Assistant.Answering.Llm;
using Assistant.Configuration;
using Assistant.Conversations;
using Assistant.Retrieval;
using Assistant.Storage;
using Assistant.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Answering;

/// <summary>
/// The answering pipeline every host uses: clean and check the question, resolve a follow-up against the
/// conversation, search through the kernel's passage-search function, generate, verify every citation against the
/// documents, remember the turn. An answer whose citations do not verify is never returned: it becomes an abstention.
/// Each turn runs within one time budget for whatever it asks the model (<see cref="TurnBudget"/>).
/// </summary>
public sealed class AnswerService(
    Kernel kernel,
    IAnswerGenerator generator,
    IFollowUpResolver followUps,
    IConversationMemory memory,
    IPassageIndex index,
    QuestionNormalizer normalizer,
    DialectSpelling dialectSpelling,
    ArabicTextAnalyzer analyzer,
    TurnBudget budget,
    IOptions<AnsweringOptions> options,
    ILogger<AnswerService> logger) : IAnswerService
{
    private readonly AnsweringOptions _options = options.Value;

    public async Task<Answer> AskAsync(Question question, CancellationToken cancellationToken)
    {
        // The normaliser sees the message's lines (typed without punctuation, a message ends its sentences only there);
        // the question the answer repeats is on one line.
        var lines = QuestionText.Clean(question.Text, keepLineBreaks: true);
        var text = lines.Replace('\n', ' ');
        if (text.Length == 0) throw new InvalidQuestionException("السؤال فارغ. اكتب سؤالك عن الوثائق بالعربية، مثلًا: متى صدر البيان المشترك؟");
        if (QuestionText.TypedLength(question.Text) is var typed && typed > _options.MaxQuestionChars)
        {
            throw new InvalidQuestionException(Replies.TooLong(typed, _options.MaxQuestionChars));
        }

        using var turn = budget.Start();
        var history = question.ConversationId is null ? [] : await memory.RecentAsync(question.ConversationId, cancellationToken);
        var normalized = await normalizer.NormalizeAsync(lines, index, cancellationToken);
        // Dialect words no passage uses are read through their standard spelling («التلاتية» → «الثلاثية»).
        var respelled = await dialectSpelling.RespellAsync(normalized.Text, cancellationToken);
        var asked = respelled?.Text ?? normalized.Text;
        // The question is read once per turn: whether it names a subject here, what it asks in the answering stages.
        var readings = new QuestionReadings();
        var unsearchable = Unsearchable(normalized, asked, history, readings);
        // A greeting or thanks alone continues no subject, and is no subject for the next turn to continue.
        var standalone = unsearchable is not null ? asked : await followUps.ResolveAsync(asked, history, cancellationToken);

        var clock = Stopwatch.StartNew();
        var retrieval = await SearchAsync(standalone, question.TopK, cancellationToken);
        var retrievalMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var passages = standalone == asked ? retrieval.Passages : WithPreviousPassages(retrieval.Passages, history);
        // «وهل يريان حلاً عسكرياً للصراع؟» after two turns about where a statement was issued: the words the follow-up
        // inherited outnumber its own in the resolved search, which then finds the earlier subject's passages, not the
        // one its own words name. Its own words are searched too, and what they find in the documents the conversation
        // has quoted is read after the rest: elsewhere, the same words are about another subject.
        if (standalone != asked && OwnSubjectWords(asked, readings, retrieval.Statistics) >= MinOwnSearchWords)
        {
            var quoted = history.SelectMany(t => t.CitedPassages ?? []).Select(p => p.Passage.DocumentId).ToHashSet(StringComparer.Ordinal);
            passages = Merged(passages, [.. (await SearchAsync(asked, question.TopK, cancellationToken)).Passages.Where(p => quoted.Contains(p.Passage.DocumentId))]);
        }
        var request = new AnswerRequest(standalone, retrieval.Terms, passages, retrieval.Statistics, question.Explain)
        {
            Readings = readings,
            InheritedTerms = Inherited(asked, standalone),
            PreviousDocument = standalone == asked ? null : history[^1].AnsweredFrom,
            Measure = question.Measure,
            Asked = standalone == asked ? null : asked,
            EarlierAsked = standalone == asked ? null : history[^1].Asked ?? history[^1].Question,
        };
        // Without a word (binary noise, a lone letter) no passage can answer, whatever a stray letter matched.
        var generated = unsearchable
            ?? (QuestionText.HasWord(standalone) ? await generator.GenerateTracedAsync(request, cancellationToken)
            : ExtractiveAnswerGenerator.Abstain(AbstainReasons.NoPassages));
        // «أين كان آخر لقاء بينهما قبل قمة فيتنام؟»: the words of the point of reference find the event it names, which
        // is not the one asked about; when what was found lacks the asked kind of answer, search once more without them.
        if (generated.Abstained && generated.AbstainReason == AbstainReasons.AnswerKindMissing
            && WithoutReference(standalone, request.Readings.Intent(standalone, analyzer)) is { } wider)
        {
            var more = (await SearchAsync(wider, question.TopK, cancellationToken)).Passages;
            retrieval = retrieval with { Passages = Merged(retrieval.Passages, more) };
            passages = Merged(passages, more);
            generated = await generator.GenerateTracedAsync(request with { Passages = passages }, cancellationToken);
        }
        var ranking = generated.PassageRanking;
        generated = await VerifiedOrAbstainAsync(generated, cancellationToken);
        var answerMs = clock.Elapsed.TotalMilliseconds;

        if (question.ConversationId is not null && unsearchable is null)
        {
            var cited = generated.Citations.Select(c => c.PassageId).ToHashSet(StringComparer.Ordinal);
            await memory.AddAsync(question.ConversationId, new ConversationTurn(text, standalone, generated.Text, passages.Where(p => cited.Contains(p.Passage.PassageId)).ToList()) { Asked = asked, AnsweredFrom = generated.Citations.FirstOrDefault()?.DocumentId }, cancellationToken);
        }
        return new Answer(
            text,
            generated.Text,
            generated.Abstained,
            generated.Citations,
            Listed(retrieval.Passages, ranking).Select(i =>
            {
                var p = retrieval.Passages[i];
                return new PassageReference(p.Passage.PassageId, p.Passage.DocumentId, p.Passage.Start, p.Passage.End, Math.Round(p.Score, 6))
                {
                    RetrievalRank = i + 1,
                    LexicalRank = p.LexicalRank,
                    DenseRank = p.DenseRank,
                };
            }).ToList(),
            new AnswerTimings(Math.Round(retrievalMs, 3), Math.Round(answerMs, 3)))
        {
            StandaloneQuestion = standalone == text ? null : standalone,
            ShortAnswer = generated.Abstained ? null : generated.ShortAnswer,
            AbstainReason = generated.Abstained ? generated.AbstainReason ?? AbstainReasons.Unspecified : null,
            AbstainExplanation = generated.Abstained ? generated.AbstainExplanation : null,
            Generator = generated.Generator,
            Model = generated.Model,
            GateFeatures = generated.GateFeatures,
            Explanation = question.Explain
                ? [.. normalized.Notes, .. respelled?.Notes ?? [], $"searched for: {standalone}", .. generated.Explanation ?? [], .. generated.Model?.Lines() ?? [],
                    .. generated.Abstained && generated.AbstainExplanation is { } why ? [$"in plain words: {why}"] : Array.Empty<string>()]
                : null,
        };
    }

    /// <summary>
    /// The reply to a message no passage can answer whatever it says, or null when it is to be searched: punctuation
    /// or symbols alone («؟؟؟», «...»), told as a blank message is; a greeting or thanks alone («مرحبا», whatever a
    /// passage says of «مرحبةً»); a question in Latin letters that is not Arabizi; a question that names no subject
    /// («ومتى؟») with no earlier turn to take one from.
    /// </summary>
    private GeneratedAnswer? Unsearchable(NormalizedQuestion normalized, string asked, IReadOnlyList<ConversationTurn> history, QuestionReadings readings) =>
        !QuestionText.HasLetterOrDigit(asked) ? NoQuestionFound
        : normalized.NotArabic ? NotArabic
        : normalized.AsksNothing ? (normalized.Thanks ? ThankedOnly : NothingAsked)
        : history.Count == 0 && NamesNoSubject(asked, readings) ? SubjectUnknown
        : null;

    /// <summary>
    /// A follow-up is searched on its own words as well when it names at least this many words of its own subject that
    /// the documents use: with fewer («ومن استضافها؟», «ووصفها بإيه؟») it is about the earlier subject, and one word
    /// alone finds passages about anything.
    /// </summary>
    private const int MinOwnSearchWords = 2;

    /// <summary>How many words of its own subject, that some passage uses, a question names.</summary>
    private int OwnSubjectWords(string question, QuestionReadings readings, TermStatistics statistics) =>
        readings.Intent(question, analyzer).ContentWords.Count(w => !w.IsFraming && !statistics.NeverUsed(w.Terms));

    /// <summary>Whether a question is only an interrogative and framing words («ومتى؟»، «ماذا قال؟»).</summary>
    private bool NamesNoSubject(string question, QuestionReadings readings) =>
        QuestionText.HasWord(question) && readings.Intent(question, analyzer).ContentWords.All(w => w.IsFraming);

    private static readonly GeneratedAnswer NotArabic = new(Replies.NotArabic, true, []) { AbstainReason = AbstainReasons.NotArabic };

    /// <summary>The reply to «ومتى؟» with nothing before it: a question back, not "the documents do not say".</summary>
    private static readonly GeneratedAnswer SubjectUnknown = new(
        "عمّ تسأل؟ لم يسبق سؤالك سؤال أعود إليه؛ اكتب السؤال كاملًا، مثلًا: متى صدر البيان المشترك لترامب وبوتين؟", true, [])
    { AbstainReason = AbstainReasons.SubjectUnknown };

    /// <summary>The reply to thanks that ask nothing more.</summary>
    private static readonly GeneratedAnswer ThankedOnly = NoQuestion("العفو! يسعدني ذلك. إن كان لديك سؤال آخر عمّا تذكره الوثائق فاسألني، وسأجيبك مع ذكر المصدر بالنص.");

    /// <summary>The reply to a message that asks nothing: an invitation to ask, not "the documents do not say".</summary>
    private static readonly GeneratedAnswer NothingAsked = NoQuestion("أهلًا بك! اسألني عمّا تذكره الوثائق: متى، وأين، ومن، وكم، ولماذا… وسأجيبك مع ذكر المصدر بالنص.");

    /// <summary>The reply to a message with no letter or digit: the words a channel answers a blank message with.</summary>
    private static readonly GeneratedAnswer NoQuestionFound = NoQuestion(Replies.NoQuestionFound);

    private static GeneratedAnswer NoQuestion(string reply) => new(reply, true, []) { AbstainReason = AbstainReasons.NoQuestion };

    /// <summary>The kernel's passage search, found once: looking it up by plugin and function name hashed both names with
    /// a case-insensitive comparer on every search.</summary>
    private KernelFunction? _search;

    private async Task<RetrievalResult> SearchAsync(string query, int? topK, CancellationToken cancellationToken)
    {
        var search = _search ??= kernel.Plugins.GetFunction(PassageSearchPlugin.PluginName, PassageSearchPlugin.FunctionName);
        var arguments = new KernelArguments { ["query"] = query, ["topK"] = topK ?? 0 };
        return (await search.InvokeAsync(kernel, arguments, cancellationToken)).GetValue<RetrievalResult>()
            ?? throw new InvalidOperationException("The passage search returned nothing.");
    }

    /// <summary>The question without the words of its point of reference; null when it has none.</summary>
    private string? WithoutReference(string question, QuestionIntent intent)
    {
        if (intent.ReferenceTerms.Count == 0) return null;
        var kept = new StringBuilder(question.Length);
        analyzer.ForEachWord(question, 0, question.Length, (_, start, end) =>
        {
            var terms = analyzer.Terms(question[start..end]);
            if (terms.Count == 0 || !terms.All(intent.ReferenceTerms.Contains)) kept.Append(question, start, end - start).Append(' ');
        });
        return kept.ToString().TrimEnd();
    }

    /// <summary>
    /// The retrieved passages (indices) in the order the answer lists them: the generator's ranking by support where it
    /// gave one (it may also rank the previous turn's passages, which are not listed), else the retrieval order.
    /// </summary>
    private static IEnumerable<int> Listed(IReadOnlyList<ScoredPassage> retrieved, IReadOnlyList<int>? ranking) =>
        ranking is null ? Enumerable.Range(0, retrieved.Count) : ranking.Where(i => i < retrieved.Count);

    /// <summary>The terms a resolved follow-up has only from the conversation; null for a question read on its own.</summary>
    private IReadOnlySet<string>? Inherited(string asked, string standalone)
    {
        if (standalone == asked) return null;
        var inherited = analyzer.Terms(standalone).ToHashSet(StringComparer.Ordinal);
        inherited.ExceptWith(analyzer.Terms(asked));
        return inherited;
    }

    /// <summary>The passages of <paramref name="first"/>, then those of <paramref name="more"/> it lacks.</summary>
    private static IReadOnlyList<ScoredPassage> Merged(IReadOnlyList<ScoredPassage> first, IReadOnlyList<ScoredPassage> more)
    {
        var present = first.Select(p => p.Passage.PassageId).ToHashSet(StringComparer.Ordinal);
        return [.. first, .. more.Where(p => present.Add(p.Passage.PassageId))];
    }

    /// <summary>A follow-up keeps the passages the previous answer cited in view, after the ones its own search found.</summary>
    private static IReadOnlyList<ScoredPassage> WithPreviousPassages(IReadOnlyList<ScoredPassage> retrieved, IReadOnlyList<ConversationTurn> history)
    {
        var previous = history.Count == 0 ? null : history[^1].CitedPassages;
        if (previous is null || previous.Count == 0) return retrieved;
        var present = retrieved.Select(p => p.Passage.PassageId).ToHashSet(StringComparer.Ordinal);
        return [.. retrieved, .. previous.Where(p => present.Add(p.Passage.PassageId))];
    }

    private async Task<GeneratedAnswer> VerifiedOrAbstainAsync(GeneratedAnswer generated, CancellationToken cancellationToken)
    {
        GeneratedAnswer Abstain(string reason) => ExtractiveAnswerGenerator.Abstain(reason) with { Model = generated.Model };
        if (generated.Abstained) return generated.Citations.Count == 0 ? generated : Abstain(generated.AbstainReason ?? AbstainReasons.Unspecified);
        using var activity = AnswerActivities.StartVerify(generated);
        if (generated.Citations.Count == 0)
        {
            logger.LogError("The answer generator returned an answer without citations; abstaining instead.");
            return Abstain(AbstainReasons.NoCitations);
        }
        var documents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in generated.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal))
        {
            documents[id] = (await index.GetDocumentAsync(id, cancellationToken))?.Text;
        }
        var problems = CitationVerifier.Verify(generated.Text, generated.Citations, id => documents.GetValueOrDefault(id));
        if (problems.Count == 0) return generated;
        logger.LogError("Citations failed verification ({Problems}); abstaining instead.", string.Join("; ", problems));
        return Abstain(AbstainReasons.CitationUnverified);
    }
}
