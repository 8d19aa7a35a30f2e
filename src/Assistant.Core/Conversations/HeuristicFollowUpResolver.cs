using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Normalization;
using Assistant.Storage;

namespace Assistant.Conversations;

/// <summary>
/// Offline follow-up resolution: a question that names little the documents speak of is read together with what the
/// conversation was about (<see cref="InheritedContext"/>: the subject, event and document of the turns before it,
/// without what they asked), so its subject carries over into the search. What it names is counted in words of its own
/// subject that the documents use: a word no passage has («يقدروا», an Arabizi spelling) cannot carry a subject, and a
/// framing word («قال») names none. A question that opens with «و» or «ف» («ومتى عقد؟») continues the conversation unless
/// it names more than <see cref="MaxJoinedSubjectWords"/> («ومتى أدلى بهذا البيان؟»); one that does not, unless it names
/// more than <see cref="MaxUnjoinedSubjectWords"/> («من حضره؟», but «ماذا قال تيلرسون عن روسيا؟» stands alone). A
/// question that names more, that opens by announcing another subject (<see cref="TopicShift"/>), that names a place the documents never name («ما عاصمة فرنسا؟»), or that does not continue
/// the conversation and says only words they never use («كيف أطبخ الأرز؟»), stands on its own.
/// </summary>
public sealed class HeuristicFollowUpResolver(ArabicTextAnalyzer analyzer, IPassageIndex index) : IFollowUpResolver
{
    /// <summary>A turn that names more words of its own subject than this is where the conversation's subject starts.</summary>
    private const int MaxSubjectWords = 2;

    /// <summary>A question that does not open with a conjunction is a follow-up only when it names at most this many.</summary>
    private const int MaxUnjoinedSubjectWords = 1;

    /// <summary>Words that open a question continuing the conversation as «و» does («طب واتنشر امتى؟»), as typed.</summary>
    private static readonly HashSet<string> ContinuationWords = new(StringComparer.Ordinal) { "طب", "طيب", "زين", "تمام", "حسنا", "حسناً", "بس", "ثم", "إذن", "اذن", "يعني", "وبعدين" };

    /// <summary>A question that says this many words and none the documents use is not a follow-up (unless it opens with «و»).</summary>
    private const int MinUnknownWords = 2;

    /// <summary>A question that opens with a conjunction continues the conversation unless it names this much more.</summary>
    private const int MaxJoinedSubjectWords = 3;

    /// <summary>
    /// Prepositions and adverbs, as typed, that place or qualify what is asked and name no subject: «تحت رعاية من؟» and
    /// «زي إيه مثلاً؟» name at most what the conversation was already about.
    /// </summary>
    private static readonly string[] Particles =
    [
        "تحت", "فوق", "بين", "عند", "لدى", "خلال", "دون", "بدون", "ضد", "نحو", "مثل", "مثلا", "مثلاً", "زي", "غير", "سوا", "سوى", "سويا", "سوياً",
        "أيضا", "أيضاً", "ايضا", "كذلك", "فقط", "بالضبط", "تحديدا", "تحديداً", "بالتحديد", "بالخصوص", "خصوصا", "خصوصاً", "تقريبا", "تقريباً",
    ];

    /// <summary>The terms of <see cref="Particles"/>.</summary>
    private readonly HashSet<string> _particleTerms = Particles.SelectMany(analyzer.Terms).ToHashSet(StringComparer.Ordinal);

    public async Task<string> ResolveAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0) return question;
        if (TopicShift.Without(question) is { } fresh) return fresh;
        var joined = question.TrimStart() is ['و' or 'ف', ..] || ContinuationWords.Contains(question.TrimStart().Split(' ', 2)[0].TrimEnd('،', ','));
        var (named, unknown, elsewhere) = await NamedAsync(question, cancellationToken);
        // «كيف أطبخ الأرز؟»: a question that does not continue with «و» and says only words the documents never use is
        // about something else, as is one that names a place they never name.
        if (named > (joined ? MaxJoinedSubjectWords : MaxUnjoinedSubjectWords) || elsewhere || (!joined && named == 0 && unknown >= MinUnknownWords)) return question;
        // Joined without the follow-up's question mark: one question with the earlier subject, not two questions. One
        // that asks nothing itself («والجولة التالية؟», «وبعد ذلك؟») asks what the turn before it asked.
        var asking = AsksNothing(question) ? EarlierAsking(history) : null;
        return $"{WithoutEndMark(question)}{(asking is null ? "" : " " + asking)} {await ContextAsync(history, cancellationToken)}؟";
    }

    /// <summary>
    /// Whether a question is only a noun phrase («والجولة التالية؟», «وبعد ذلك؟»): at most <see cref="MaxPhraseWords"/>
    /// words, no interrogative, Modern Standard or dialect («بإيه»), and no noun that says what kind of answer it wants
    /// («والهدف منها؟» asks a reason). A longer one without an interrogative asks in words of its own («وترامب وافق؟»,
    /// a dialect interrogative no list has).
    /// </summary>
    private bool AsksNothing(string question)
    {
        if (InheritedContext.Asking(question, analyzer) is not null || QuestionIntent.Of(question, analyzer).Kind != AnswerKind.Any) return false;
        var (asks, words) = (false, 0);
        analyzer.ForEachWord(question, 0, question.Length, (word, _, _) =>
        {
            var form = word.ToString();
            if (form is "و" or "ف") return;
            words++;
            var bare = QuestionReader.WithoutProclitics(form);
            asks |= DialectWords.Asks(form) || DialectWords.Asks(bare) || QuestionVocabulary.WhatWords.Contains(bare);
        });
        return !asks && words <= MaxPhraseWords;
    }

    /// <summary>A follow-up of at most this many words (a joining «و» apart) and no interrogative is an elliptical noun phrase.</summary>
    private const int MaxPhraseWords = 2;

    /// <summary>
    /// What the latest turn that asked something asked («متى» of «ومتى اجتمعت؟»), when it asked for a kind of answer (a
    /// time, a place, a number, a reason…); null otherwise: «ما» or «من» alone would ask nothing the follow-up's own words
    /// do not already.
    /// </summary>
    private string? EarlierAsking(IReadOnlyList<ConversationTurn> history)
    {
        for (var k = history.Count - 1; k >= 0; k--)
        {
            if (InheritedContext.Asking(history[k].Asked ?? history[k].Question, analyzer) is { } asking)
            {
                return QuestionIntent.Of(asking, analyzer).Kind == AnswerKind.Any ? null : asking;
            }
        }
        return null;
    }

    /// <summary>
    /// What a follow-up to the last of these turns inherits. The most recent subject wins: going back from the last
    /// turn, a turn read on its own, or a follow-up that named a subject of its own («ومتى تقرر عقد الجولة التالية؟»),
    /// is where the subject starts; an elliptical one («ومتى أُبرمت؟») also carries what it inherited.
    /// </summary>
    private async Task<string> ContextAsync(IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var questions = new List<string>();
        for (var k = history.Count - 1; k >= 0; k--)
        {
            var turn = history[k];
            var followedUp = turn.Asked is { } asked && turn.StandaloneQuestion.StartsWith(WithoutEndMark(asked) + " ", StringComparison.Ordinal);
            if (!followedUp)
            {
                questions.Add(turn.StandaloneQuestion);
                break;
            }
            questions.Add(turn.Asked!);
            if ((await NamedAsync(turn.Asked!, cancellationToken)).Named > MaxSubjectWords) break;
        }
        return InheritedContext.Of(string.Join(' ', questions), analyzer);
    }

    /// <summary>
    /// How many words of its own subject, that the documents use, a question names; how many it says that they never use;
    /// and whether it names a place they never name («ما عاصمة فرنسا؟»).
    /// </summary>
    private async Task<(int Named, int Unknown, bool PlaceElsewhere)> NamedAsync(string question, CancellationToken cancellationToken)
    {
        var intent = QuestionIntent.Of(question, analyzer);
        var statistics = await index.GetTermStatisticsAsync(intent.ContentWords.SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var own = intent.ContentWords.Where(w => !w.IsFraming && !w.Terms.All(_particleTerms.Contains)).ToList();
        var unknown = own.Count(w => statistics.NeverUsed(w.Terms));
        return (own.Count - unknown, unknown, own.Any(w => w.IsPlace && statistics.NeverUsed(w.Terms)));
    }

    private static string WithoutEndMark(string question) => question.Trim().TrimEnd('؟', '?', '!', '.', ' ');
}
