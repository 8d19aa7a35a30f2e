using System.ComponentModel.DataAnnotations;

namespace Assistant.Configuration;

/// <summary>
/// The offline answerer's tuning (section <c>Answering:Selection</c>): how candidate spans are cut, how a question's
/// words count in them, and how far apart the words of a check may be. The defaults are the values the gold sets were
/// measured with (docs/evaluation.md); change them only with an evaluation run beside the change.
/// </summary>
public sealed class SpanSelectionOptions
{
    public const string Section = "Answering:Selection";

    /// <summary>The most adjacent sentences one cited span may join (a statement spread over short sentences).</summary>
    [Range(1, 20, ErrorMessage = "Answering:Selection:MaxWindowSentences must be between {1} and {2}.")]
    public int MaxWindowSentences { get; set; } = 5;

    /// <summary>The most characters a span of several sentences may have; a single sentence is never cut.</summary>
    [Range(50, 5000, ErrorMessage = "Answering:Selection:MaxWindowChars must be between {1} and {2}.")]
    public int MaxWindowChars { get; set; } = 450;

    /// <summary>Ranking bonus for a span that holds what the interrogative asks for (a date for متى, a number for كم).</summary>
    [Range(0.0, 2.0, ErrorMessage = "Answering:Selection:KindBonus must be between {1} and {2}.")]
    public double KindBonus { get; set; } = 0.25;

    /// <summary>Ranking cost of each sentence a span adds: the shortest span that holds the evidence is quoted.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:ExtraSentencePenalty must be between {1} and {2}.")]
    public double ExtraSentencePenalty { get; set; } = 0.03;

    /// <summary>Ranking cost per place a passage stands lower in retrieval: between equal spans, the better-ranked passage wins.</summary>
    [Range(0.0, 0.1, ErrorMessage = "Answering:Selection:RankPenalty must be between {1} and {2}.")]
    public double RankPenalty { get; set; } = 0.005;

    /// <summary>A further span is cited when its evidence is at least this share of the best span's.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:SecondCitationRatio must be between {1} and {2}.")]
    public double SecondCitationRatio { get; set; } = 0.7;

    /// <summary>Weight of a framing word («قال», «اسم», «وصف») against a word of what is asked.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:FramingWeight must be between {1} and {2}.")]
    public double FramingWeight { get; set; } = 0.3;

    /// <summary>Credit for a word met only on its rough root («رحبت» in «ترحب»): likely the same word, not surely.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:CoreMatchCredit must be between {1} and {2}.")]
    public double CoreMatchCredit { get; set; } = 0.5;

    /// <summary>Credit for a word that names the same thing (news synonyms, for words the documents never use): the writer chose another word, not another fact.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:SynonymCredit must be between {1} and {2}.")]
    public double SynonymCredit { get; set; } = 0.8;

    /// <summary>Credit for a word of the document's title (typically its source): it applies to all of the document, less surely to one sentence.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:TitleCredit must be between {1} and {2}.")]
    public double TitleCredit { get; set; } = 0.5;

    /// <summary>
    /// Share of its rarity a word the documents never use weighs: it is as often another wording of what they say (a
    /// paraphrase, a dialect word) as a fact they lack. Chosen over every gold set but one (docs/evaluation.md).
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:UnknownWordWeight must be between {1} and {2}.")]
    public double UnknownWordWeight { get; set; } = 0.75;

    /// <summary>
    /// Weight of a word a follow-up inherited from the turns before it («ومتى أُبرمت؟» read with the memorandum asked about
    /// before) against one of its own: the earlier subject places the answer, the follow-up's own words say what it asks.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:InheritedWordWeight must be between {1} and {2}.")]
    public double InheritedWordWeight { get; set; } = 0.5;

    /// <summary>Ranking bonus, for a resolved follow-up, of a span in the document the previous answer quoted first.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:PreviousDocumentBonus must be between {1} and {2}.")]
    public double PreviousDocumentBonus { get; set; } = 0.1;

    /// <summary>A question with at most this many words of what is asked is short: matching half of them is chance.</summary>
    [Range(0, 10, ErrorMessage = "Answering:Selection:ShortQuestionWords must be between {1} and {2}.")]
    public int ShortQuestionWords { get; set; } = 2;

    /// <summary>Evidence a short question needs beyond <c>Answering:MinEvidence</c>.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:ShortQuestionExtraEvidence must be between {1} and {2}.")]
    public double ShortQuestionExtraEvidence { get; set; } = 0.2;

    /// <summary>Evidence kept by a span that lacks a number or an ordinal the question names (it may be about another round or resolution).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:MissingNumberFactor must be between {1} and {2}.")]
    public double MissingNumberFactor { get; set; } = 0.3;

    /// <summary>Of a question's several subject words, a span must hold at least this many: one shared word is coincidence.</summary>
    [Range(1, 10, ErrorMessage = "Answering:Selection:MinMatchedWords must be between {1} and {2}.")]
    public int MinMatchedWords { get; set; } = 2;

    /// <summary>Words allowed between the words of a described person («وزير الخارجية الأميركي ريكس تيلرسون»).</summary>
    [Range(0, 10, ErrorMessage = "Answering:Selection:MaxDescriptionGap must be between {1} and {2}.")]
    public int MaxDescriptionGap { get; set; } = 2;

    /// <summary>Words a number may stand from the noun it counts («700 ألف من السوريين»).</summary>
    [Range(0, 20, ErrorMessage = "Answering:Selection:MaxCountDistance must be between {1} and {2}.")]
    public int MaxCountDistance { get; set; } = 4;

    /// <summary>Words the only two subject words a span holds may stand apart and still be said together.</summary>
    [Range(1, 100, ErrorMessage = "Answering:Selection:MaxPairDistance must be between {1} and {2}.")]
    public int MaxPairDistance { get; set; } = 20;

    /// <summary>A line of at most this many words can hold a date or a number on its own (a dateline), not an outcome.</summary>
    [Range(0, 20, ErrorMessage = "Answering:Selection:MaxStandaloneLineTerms must be between {1} and {2}.")]
    public int MaxStandaloneLineTerms { get; set; } = 6;

    /// <summary>Credit for answering متى with another event («بعد التخلص من…»): common words, often about something else.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:Selection:RelativeTimeCredit must be between {1} and {2}.")]
    public double RelativeTimeCredit { get; set; } = 0.6;

    /// <summary>Words a date may stand from the question's words and still date its event (a dateline needs none).</summary>
    [Range(0, 50, ErrorMessage = "Answering:Selection:MaxDateDistance must be between {1} and {2}.")]
    public int MaxDateDistance { get; set; } = 8;

    /// <summary>Words a relative-time word may stand from the question's words and still bound its event.</summary>
    [Range(0, 50, ErrorMessage = "Answering:Selection:MaxBoundDistance must be between {1} and {2}.")]
    public int MaxBoundDistance { get; set; } = 8;

    /// <summary>
    /// Words a word that says a reaction may stand from the one whose reaction is asked and still be theirs («رحّبت
    /// تركيا بـ…»); farther, it is someone else's («… لقائه بشار الأسد … في موقع أيده ترامب»).
    /// </summary>
    [Range(0, 50, ErrorMessage = "Answering:Selection:MaxReactionSourceDistance must be between {1} and {2}.")]
    public int MaxReactionSourceDistance { get; set; } = 6;
}

/// <summary>The learned abstention gate (section <c>Answering:Gate</c>, docs/evaluation.md#the-abstention-gate).</summary>
public sealed class AbstentionGateOptions
{
    public const string Section = "Answering:Gate";

    /// <summary>
    /// Whether the gate may turn an answer the checks let through into an abstention. On: on the held-out half of the gold
    /// sets it turns away 9 more unanswerable questions for 2 evidence hits (docs/evaluation.md#the-abstention-gate),
    /// and its features hold nothing of the index back-end's ranks or scores; off, <c>ask --explain</c> and the eval
    /// report still show what it would decide.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The probability at or above which it abstains; unset, the threshold the model was fitted with (chosen on held-out sets).</summary>
    [Range(0.5, 1.0, ErrorMessage = "Answering:Gate:Threshold must be between {1} and {2}.")]
    public double? Threshold { get; set; }

    /// <summary>
    /// The probability at or above which it abstains on a span that leaves unsaid what the question asks: the action after
    /// its interrogative («على ماذا اتفق…» against a sentence where they only «تحدثنا عن» it), a reason for «لماذا», or
    /// the question's rarest word. Such a span is a near-miss more often than one that says them, so less doubt suffices;
    /// used when below <see cref="Threshold"/>. 0.50 is where the study half of the gold sets gains most with no answer
    /// lost (docs/evaluation.md#the-abstention-gate).
    /// </summary>
    [Range(0.05, 1.0, ErrorMessage = "Answering:Gate:UnsaidThreshold must be between {1} and {2}.")]
    public double UnsaidThreshold { get; set; } = 0.50;
}
