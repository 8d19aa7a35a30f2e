namespace Assistant.Answering;

/// <summary>
/// The plain Arabic line an abstention's reply ends with, after the sentence every abstention opens with: what was
/// looked for and not found, per <see cref="AbstainReasons"/> code. The replies to a message that asks nothing, is not
/// in Arabic or names no subject are their own explanation and get none.
/// </summary>
public static class AbstentionExplanations
{
    /// <summary>What the question says it asks for, as far as the explanation needs it; null when nothing is known of it.</summary>
    /// <param name="Predicate">The verb or stance the question asks about as the asker wrote it («وقع»، «موقف»), if any.</param>
    /// <param name="Numbers">The numbers and ordinals the question names, as written («8»، «الثامنة»).</param>
    /// <param name="UnusedWords">The question's words no document uses, as written (a typo, or a name the documents never give).</param>
    public sealed record Asked(QuestionIntent Intent, string? Predicate, IReadOnlyList<string> Numbers, IReadOnlyList<string> UnusedWords);

    /// <summary>The explanation of <paramref name="reason"/>, with what the question asked where it is known; null for a reason whose reply explains itself.</summary>
    public static string? For(string reason, Asked? asked = null)
    {
        var line = reason switch
        {
            AbstainReasons.NoQuestion or AbstainReasons.NotArabic or AbstainReasons.SubjectUnknown => null,
            AbstainReasons.NoPassages => "لا تذكر أيٌّ من الوثائق كلمةً من كلمات سؤالك.",
            AbstainReasons.BelowEvidence => "أقرب ما وجدته لا يذكر إلا بعض ما سألت عنه، وهذا لا يكفي دليلًا على جواب.",
            AbstainReasons.AnswerKindMissing => $"لم أجد في النصوص التي تتحدث عمّا سألت عنه {Kind(asked?.Intent)}.",
            AbstainReasons.RelationMissing => asked?.Predicate is { } predicate
                ? $"وجدت نصوصًا تذكر ما سألت عنه، لكن أيًّا منها لا يذكر «{predicate}» بالمعنى الذي سألت عنه."
                : "وجدت نصوصًا تذكر ما سألت عنه، لكن أيًّا منها لا يذكر الأمر الذي سألت عنه بعينه.",
            AbstainReasons.SourceNotNamed => "أقرب النصوص إلى سؤالك كلامُ غير المصدر الذي ذكرته أو خبرُ حدث آخر، لا ما سألت عنه.",
            AbstainReasons.AnotherStatement => "سألت عن بيان بعينه، وأقرب نص وجدته من وثيقة أخرى غير ذلك البيان.",
            AbstainReasons.OneSubjectWord => "أقرب نص وجدته لا يشترك مع سؤالك إلا في كلمة واحدة مما سألت عنه، وهذا مصادفة لا دليل.",
            AbstainReasons.PlacesOnly => "النصوص التي وجدتها تذكر المكان الذي ذكرته، لا ما سألت عنه فيه.",
            AbstainReasons.WordsFarApart => "وجدت كلمات سؤالك متفرقة في مواضع متباعدة، لا في جملة واحدة تجمعها.",
            AbstainReasons.NumberMissing => asked?.Numbers is [_, ..] numbers
                ? $"لم أجد في النصوص القريبة من سؤالك الرقم الذي ذكرته: {Quoted(numbers)}."
                : "لم أجد في النصوص القريبة من سؤالك الرقم الذي ذكرته.",
            AbstainReasons.GateDoubt => "أقرب نص وجدته يشترك مع سؤالك في كلماته، لكنه لا يبدو أنه يذكر ما سألت عنه بعينه.",
            AbstainReasons.NoCitations => "أُعدّ جواب لا يذكر مصدره من الوثائق، فلم أعطه.",
            AbstainReasons.CitationUnverified => "أُعدّ جواب لا يطابق اقتباسه نص الوثيقة حرفًا بحرف، فلم أعطه.",
            AbstainReasons.ModelRefused => "قرأ النموذج اللغوي النصوص التي وجدتها فلم يجد فيها جوابًا.",
            _ => "لم أجد نصًا يصلح جوابًا.",
        };
        if (line is null) return null;
        // A word no document uses is most often a typo («كازخستان»): naming it tells the asker what to fix. Many such
        // words say the question is about something else; a few of them show it.
        return asked?.UnusedWords switch
        {
            [var word] => $"{line} ولم ترد في أيٍّ من الوثائق كلمة «{word}».",
            { Count: > 1 and <= MaxNamedWords } unused => $"{line} ولم ترد في أيٍّ من الوثائق الكلمات {Quoted(unused)}.",
            { Count: > MaxNamedWords } unused => $"{line} ولم ترد في أيٍّ من الوثائق كلمات كثيرة من سؤالك، منها {Quoted([.. unused.Take(MaxNamedWords)])}.",
            _ => line,
        };
    }

    /// <summary>Unused words named one by one; beyond this, the first of them stand for the rest.</summary>
    private const int MaxNamedWords = 3;

    /// <summary>What a question asked for that the texts about it lack, said after «لم أجد في النصوص … ».</summary>
    private static string Kind(QuestionIntent? intent) => intent switch
    {
        null => "نوع الجواب الذي يطلبه سؤالك",
        { AsksHour: true } => "ساعةً محددة له",
        { AsksDay: true } => "يومًا محددًا له",
        { AsksNext: true } => "ذكرًا للحدث المقبل الذي سألت عنه",
        { AsksPrevious: true } or { AsksEarlier: true } => "ذكرًا للحدث السابق الذي سألت عنه",
        { Kind: AnswerKind.Year } => "سنةً له",
        { Kind: AnswerKind.Time or AnswerKind.Date } => "تاريخًا له",
        { Kind: AnswerKind.Quantity } => "عددًا أو مقدارًا له",
        { Kind: AnswerKind.Place, AsksSettlement: true } => "اسمَ المدينة التي سألت عنها",
        { Kind: AnswerKind.Place } => "مكانًا له",
        { Kind: AnswerKind.Identity } => "اسمَ الشخص الذي يصفه سؤالك",
        { Kind: AnswerKind.Outcome } => "ما أسفر عنه، بل تتحدث عنه حدثًا قادمًا",
        _ => "نوع الجواب الذي يطلبه سؤالك",
    };

    private static string Quoted(IReadOnlyList<string> words) => string.Join(" و", words.Select(w => $"«{w}»"));
}
