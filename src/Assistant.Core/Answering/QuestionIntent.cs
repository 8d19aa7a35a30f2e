using Assistant.Analysis;
using Assistant.Storage;

namespace Assistant.Answering;

/// <summary>What kind of answer a question asks for, read from its interrogative (متى، كم، لماذا، من هو …).</summary>
/// <remarks><see cref="Time"/> (متى) is also answered by an event ("بعد التخلص من…"); <see cref="Date"/> ("في أي يوم") only by a date;
/// <see cref="Year"/> ("في أي عام") only by a year. <see cref="Outcome"/> ("ما النتائج التي أسفرت عنها القمة؟") asks what an event
/// produced, which a sentence announcing the event as still to come cannot say. <see cref="Place"/> (أين، في أي مدينة) is answered by a
/// place name (see <see cref="Places"/>).</remarks>
public enum AnswerKind { Any, Time, Date, Year, Quantity, Reason, Identity, Outcome, Place }

/// <summary>
/// The parts of a question that matter for matching evidence: its content words (each with the terms it analyses to)
/// and the kind of answer it asks for. Interrogatives and other function words ("حسب", "وفق", "عنه") are not content.
/// </summary>
/// <param name="Words">Every word of the question in matching form (interrogatives included).</param>
/// <param name="Subject">What the answer must be said of: for an identity question ("من هو رئيس الوزراء الأردني؟", "ما اسم وزير
/// الخارجية …؟") the content words that describe whom it asks about, in order; for «كم عدد X» and «كم استغرق X» the counted
/// or timed noun X (with the other names of a meeting or a call); empty otherwise.</param>
public sealed record QuestionIntent(AnswerKind Kind, IReadOnlyList<QuestionWord> ContentWords, IReadOnlySet<string> Words, IReadOnlyList<QuestionWord> Subject)
{
    public static QuestionIntent Of(string question, ArabicTextAnalyzer analyzer) => new QuestionReader(question, analyzer).Read();

    /// <summary>Every analysed term of the content words.</summary>
    public IReadOnlySet<string> Terms { get; } = ContentWords.SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Terms of what the question takes as its point of reference («قبل قمة فيتنام», «غير داعش», «باستثناء سوريا»):
    /// the answer is something else, so a place among them does not answer أين.
    /// </summary>
    public IReadOnlySet<string> ReferenceTerms { get; init; } = new HashSet<string>();

    /// <summary>Whether the question speaks of a future or next event («متى سيُعقد…», «الجولة المقبلة»).</summary>
    public bool AsksFuture { get; init; }

    /// <summary>Whether the question asks of the next of a series («القمة المقبلة»).</summary>
    public bool AsksNext { get; init; }

    /// <summary>Whether the question asks of an event that took place («متى انعقدت…»), and of no future one.</summary>
    public bool AsksPast { get; init; }

    /// <summary>Whether the question asks of the previous one of a series by name («آخر لقاء», «الاجتماع السابق»).</summary>
    public bool AsksPrevious { get; init; }

    /// <summary>Whether the question asks when something was published («متى نُشر…»): only then does a page's own date answer it.</summary>
    public bool AsksPublication { get; init; }

    /// <summary>Whether the question asks for a city or a town («في أي مدينة»): a country alone does not answer it.</summary>
    public bool AsksSettlement { get; init; }

    /// <summary>Whether the question asks which day («في أي يوم», «يوم كام»): a month or «النصف الثاني من شباط» does not answer it.</summary>
    public bool AsksDay { get; init; }

    /// <summary>Whether the question asks until when («إلى متى ستستمر…»): the bound that ends it answers it, a date alone hardly.</summary>
    public bool AsksBound { get; init; }

    /// <summary>Whether the question asks the time of day («في أي ساعة», «الساعة كم»): only a clock time answers it.</summary>
    public bool AsksHour { get; init; }

    /// <summary>Whether the question asks the number a noun is known by («كم رقم القرار»): the number after the noun answers it, though it counts nothing.</summary>
    public bool AsksNumberOf { get; init; }

    /// <summary>Whether an identity question asks for a name («ما اسم وزير الخارجية الأمريكي…»): only a name after the description answers it.</summary>
    public bool AsksName { get; init; }

    /// <summary>Whether the question asks of an earlier event of a series («آخر لقاء», «الاجتماع السابق»).</summary>
    public bool AsksEarlier { get; init; }
}

/// <param name="Terms">The analysed terms the word produces (a stem and its variants); a match on any of them counts.</param>
/// <param name="IsFraming">A framing word ("اسم", "وصف", "قال" …), weighted lightly.</param>
/// <param name="NamesAnswerKind">The noun after "أي" ("في أي مدينة", "أي سنة") or "ما تاريخ/موعد": it names the kind of
/// answer, which is rarely worded with it, so a span that lacks it loses nothing.</param>
public sealed record QuestionWord(IReadOnlyList<string> Terms, bool IsFraming, bool NamesAnswerKind)
{
    /// <summary>
    /// Terms of news words that name the same thing («زعيم» for «رئيس») as the word's own terms (<see cref="Terms"/> as
    /// read; a copy with other terms keeps them); a match on them earns less than on <see cref="Terms"/>. Looked up when
    /// first asked for: only the subject's words and a word the documents may say otherwise (<see cref="SaidOtherwise"/>)
    /// are read through them, not every word of every question.
    /// </summary>
    public IReadOnlyList<string> Synonyms => _synonyms ??= NewsSynonyms.Of(_synonymsOf);

    private readonly IReadOnlyList<string> _synonymsOf = Terms;
    private IReadOnlyList<string>? _synonyms;

    /// <summary>
    /// Whether the documents may say this word in other words, so that its <see cref="Synonyms"/> count: it is the
    /// relation asked about, or the documents never use it. A word they do use is matched as it is, so «اللقاء» does not
    /// also find every «اجتماع».
    /// </summary>
    public bool SaidOtherwise(TermStatistics statistics) => IsPredicate || statistics.NeverUsed(Terms);

    /// <summary>
    /// The source of what the question asks for: whose words or view ("قال بوتين", "موقف السعودية"), or what produced the
    /// outcome ("أسفرت عنه القمة"). An answer must come from it.
    /// </summary>
    public bool IsSource { get; init; }

    /// <summary>Whether the word names a place («عمان», «في سوريا»): where something happened, not what happened.</summary>
    public bool IsPlace { get; init; }

    /// <summary>Whether the word is written with the article («المضيف»): after a noun, an adjective qualifying it rather
    /// than a name completing it («رئيس بوليفيا»).</summary>
    public bool IsDefinite { get; init; }

    /// <summary>Whether the word is joined by «و» to the content word before it («ترامب وبوتين»): the two name a pair.</summary>
    public bool SecondOfPair { get; init; }

    /// <summary>Names whose statement it is ("بيان تيلرسون", "بيان أستانا"), which may be how a document is titled.</summary>
    public bool NamesStatement { get; init; }

    /// <summary>
    /// The relation the question asks about: the verb after an opening «من» («من ترأس…», «من الذي وقّع…»). A span that
    /// does not say it answers another question about the same people.
    /// </summary>
    public bool IsPredicate { get; init; }

    /// <summary>
    /// The action a «ماذا/ما الذي/لماذا/كيف/متى/أين/هل/أي» question asks about: the word after its interrogative («على
    /// ماذا اتفق…», «بماذا خرجت القمة…», «في أي مدينة استقبل…»). A span that does not say it (nor its root or a word
    /// naming the same) often tells of something else done by the same people; as often the text says it in other words
    /// («يلتئم» for «يُعقد»), so it is a figure the abstention gate weighs, not a check.
    /// </summary>
    public bool IsAskedAction { get; init; }

    /// <summary>
    /// Whom the question cites as the answer's source («بحسب موقع الوقت», «وفق بيان أستانا»): a document that names it
    /// anywhere speaks for it, and the sentence that answers need not say it again.
    /// </summary>
    public bool IsAttribution { get; init; }
}
