using Assistant.Analysis;
using static Assistant.Answering.QuestionVocabulary;

namespace Assistant.Answering;

/// <summary>
/// Reads a question word by word into a <see cref="QuestionIntent"/>: the kind of answer from the interrogative, the
/// content words, and what the answer must be said of (a described person, a counted or timed noun, a source).
/// </summary>
internal sealed class QuestionReader(string question, ArabicTextAnalyzer analyzer)
{
    private readonly List<QuestionWord> _words = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _all = new(StringComparer.Ordinal);
    private readonly List<QuestionWord> _subject = [];
    private AnswerKind _kind = AnswerKind.Any;
    private string _previous = "";
    private string _beforePrevious = "";
    private bool _subjectOpen;
    private bool _countedWasDefinite;
    private bool _lastWasContent;
    private bool _contentBeforePrevious;
    private int _wordIndex;
    private int _interrogativeAt = -1;

    /// <summary>Where «هل» opens the question's clause; −1 when it does not.</summary>
    private int _whetherAt = -1;

    /// <summary>
    /// Where the question's own clause starts: after a topic set off by a comma («أستانا 8، مين كان رئيس الوفد؟»,
    /// «إيران، شو كان موقفها؟») it is read as if it opened the message; 0 otherwise.
    /// </summary>
    private int _clauseAt;
    private bool _predicatePending;
    private readonly AskedAction _action = new();
    private readonly MarkedPhrase _referencePhrase = new(ReferenceMarkers);
    private readonly MarkedPhrase _attributionPhrase = new(AttributionMarkers);
    private bool _speakerFirst;
    private int _openingWords;
    private bool _openingClosed;
    private int _topicAt = -1;
    private int _topicClosedAt;
    private bool _asksSettlement;
    private bool _asksDay;
    private bool _asksHour;
    private bool _asksBound;
    private bool _asksNumberOf;
    private bool _numbersOpening;
    private int _speakerBeforeVerb = -1;
    private bool _asked;
    private bool _previousWasSource;
    private readonly HashSet<string> _reference = new(StringComparer.Ordinal);
    private readonly AnswerCues.SpokenTime _spoken = new();

    public QuestionIntent Read()
    {
        analyzer.ForEachWord(question, 0, question.Length, (span, start, end) =>
        {
            _spoken.Read(span);
            OnWord(span.ToString(), start, end);
        });
        if (_speakerBeforeVerb >= 0 && _asked)
        {
            _words[_speakerBeforeVerb] = _words[_speakerBeforeVerb] with { IsSource = true };
            // What follows the verb is what was said, not who said it.
            for (var i = _speakerBeforeVerb + 1; i < _words.Count; i++) _words[i] = _words[i] with { IsSource = false };
        }
        // "ما اسم الموقع…" asks for a name the text may give without the generic noun; a description of two words or
        // more ("وزير الخارجية الروسي") is how the text itself would name the person.
        var asksName = _all.Contains("اسم") || _all.Contains("الاسم") || _all.Contains("اسماء");
        if (_kind == AnswerKind.Identity && asksName && _subject.Count < 2) return Completed(new QuestionIntent(AnswerKind.Any, _words, _all, []));
        if (_kind == AnswerKind.Any && AsksOutcome(_all)) _kind = AnswerKind.Outcome;
        if (_numbersOpening && _subject.Count == 0 && _words.Count > 0)
        {
            _subject.Add(_words[0]);
            _asksNumberOf = true;
        }
        return Completed(new QuestionIntent(_kind, _words, _all, _subject) { AsksName = asksName && _kind == AnswerKind.Identity });
    }

    /// <summary>The intent with what is read from the whole question: its point of reference and which of a series it asks of.</summary>
    private QuestionIntent Completed(QuestionIntent intent)
    {
        return intent with
        {
            ReferenceTerms = _reference,
            // «إلى متى ستستمر…» asks how long something goes on, not when a future event happens.
            AsksFuture = !_asksBound && _spoken.Future,
            AsksNext = !_asksBound && _spoken.Next,
            AsksPast = !_spoken.Future && _spoken.Past,
            AsksEarlier = _spoken.Earlier,
            AsksPrevious = _spoken.Previous,
            AsksSettlement = _asksSettlement,
            AsksDay = _asksDay,
            AsksHour = _asksHour,
            AsksBound = _asksBound,
            AsksNumberOf = _asksNumberOf,
            AsksPublication = AnswerCues.AsksPublication(intent.Words),
        };
    }

    private void OnWord(string word, int start, int end)
    {
        // «كم عدد السوريين…», «ما قيمة المساعدات…», «كم استغرقت المكالمة…»: what is counted, measured or timed is the noun
        // right after a measure noun or the verb of duration, with its adjective (its complements, "لقاء ترامب وبوتين",
        // name whose it is, not what is measured).
        // «بأي عدد من الأصوات», «كم من الوقت»: «من» between the measure and what it measures changes nothing.
        var measured = _previous == "من" && (MeasureNouns.Contains(Undefined(_beforePrevious)) || _beforePrevious == "كم");
        // «قديش رقم الجولة…»: which of a series, said by the noun's number or its ordinal.
        var numbered = _previous == NumberNoun;
        // «جولة أستانا هذي كم رقمها؟»: the number of the noun the pronoun points back to, the question's first.
        _numbersOpening |= _kind == AnswerKind.Quantity && _previous == "كم" && word != NumberNoun && WithoutPronoun(word) == NumberNoun;
        _asksNumberOf |= numbered && _kind == AnswerKind.Quantity;
        var counted = _kind == AnswerKind.Quantity && (MeasureNouns.Contains(_previous) || DurationVerbs.Contains(_previous) || measured || numbered || (_previous == "كم" && IsCountedNoun(word))) && _subject.Count == 0 && !_numbersOpening;
        // A definite adjective after a definite noun qualifies it ("المحادثة الهاتفية", "الدول الضامنة").
        var qualifies = _kind == AnswerKind.Quantity && _subject.Count == 1 && _countedWasDefinite && word.StartsWith("ال", StringComparison.Ordinal);
        _countedWasDefinite = counted && word.StartsWith("ال", StringComparison.Ordinal);
        _all.Add(word);
        var bare = WithoutProclitics(word);
        // «والهدف منها؟»: a follow-up's opening noun is read without the «و» that joins it.
        if (_wordIndex == _clauseAt && bare.Length > 1 && bare[0] is 'و' or 'ف' && NamesKindUnasked(bare[1..])) bare = bare[1..];
        // «عدد المقاتلين الأجانب؟», «موعد الجولة المقبلة؟»: typed without its «ما», a question asks what the noun it opens with names.
        if (_wordIndex == _clauseAt && NamesKindUnasked(bare)) _previous = "ما";
        // «ما هو الموعد…», «ما هي الدول…»: the copula after an opening «ما» is transparent; the noun after it says what is asked.
        // «من كان رئيس الوفد» asks who «من هو رئيس الوفد» asks about.
        // «ماذا كان موقف…» asks what «ما موقف…» asks.
        var copula = bare is "هو" or "هي" or "كان" or "كانت" && _previous is "ما" or "ماذا" or "من" or "مين";
        if (copula && _interrogativeAt == _clauseAt && _wordIndex == _clauseAt + 1) return;
        // «ردّ فعل إسرائيل»: the reaction word's complement is transparent (the source comes after it), and the pair names
        // a reaction wherever it stands in the question: any word that says a reaction answers it, and only such a word.
        if (ReactionWords.Contains(_previous) && ReactionComplements.Contains(bare))
        {
            if (_lastWasContent) _words[^1] = _words[^1] with { Terms = [.. _words[^1].Terms, .. ReactionTerms.Except(_words[^1].Terms)], IsPredicate = true };
            return;
        }
        if (_wordIndex++ == _clauseAt) _predicatePending = PredicateInterrogatives.Contains(bare);
        _asked |= Asks(bare);
        _action.Reads(bare);
        var kindSetHere = false;
        if (_wordIndex == _clauseAt + 1 && bare == "هل") _whetherAt = _clauseAt;
        if (_wordIndex == _clauseAt + 1 && Interrogatives.Contains(bare)) _interrogativeAt = _clauseAt;
        // «من أي مدينة…»: «من» before «أي» is «from», and «أي» the interrogative.
        else if (_interrogativeAt == _clauseAt && _wordIndex == _clauseAt + 2 && _previous == "من" && bare == "اي") _interrogativeAt = _clauseAt + 1;
        // A question that opens with its interrogative has its kind from it and the word after it («ما تاريخ»): a
        // follow-up read with the previous question («وأي ملفات أخرى تطرقا إليها كم دام الاتصال…») asks what it asks,
        // not what that one did. («من» and «ما» elsewhere may be a preposition or a negation.)
        if (_kind == AnswerKind.Any && (_interrogativeAt < 0 || _wordIndex - 1 <= _interrogativeAt + 1))
        {
            _kind = KindOf(bare, _previous);
            _subjectOpen = _kind == AnswerKind.Identity;
            kindSetHere = _kind != AnswerKind.Any;
            // «يوم كام», «سنة كام», «الساعة كم»: the noun before the interrogative named the kind of answer.
            if (kindSetHere && bare is "كم" or "كام" && _kind != AnswerKind.Quantity && _lastWasContent) _words[^1] = _words[^1] with { NamesAnswerKind = true };
            _asksSettlement = _kind == AnswerKind.Place && (_previous == "اي" || IsWhat(_previous)) && SettlementNouns.Contains(Undefined(bare));
            // «والجولة رقم كم؟»: which of a series the question's first noun is.
            _numbersOpening |= _kind == AnswerKind.Quantity && _previous == NumberNoun;
            _asksDay = _kind == AnswerKind.Date && (bare.StartsWith("يوم", StringComparison.Ordinal) || bare == "ايام" || _previous == "يوم");
            _asksHour = _kind == AnswerKind.Date && (HourWords.Contains(bare) || HourWords.Contains(_previous));
            _asksBound = _kind == AnswerKind.Time && _previous is "الي" or "حتي" or "لحد" or "لغايه";
        }
        // «ما اسم المدينة التي…», «شو اسم المنطقة…»: the name of a kind of place is where, as «ما المدينة التي…» asks, not
        // whom; the place noun names the kind of answer as it does there.
        if (_kind == AnswerKind.Identity && _previous is "اسم" or "الاسم" && _subject.Count == 0 && PlaceKindNouns.Contains(Undefined(bare)))
        {
            _kind = AnswerKind.Place;
            _subjectOpen = false;
            _asksSettlement = SettlementNouns.Contains(Undefined(bare));
            kindSetHere = true;
        }
        // «في أي مدينة», «ما تاريخ…», «ما المدة…», «ما عدد…»: the noun names the kind of answer, which the text gives without it.
        // «ما الجهة التي…», «من الجهة التي…»: «body» says an institution is asked for, and is no word of the answer («وجهات النظر»).
        var namesKind = _previous == "اي" || ((IsWhat(_previous) || _kind == AnswerKind.Place && _previous is "اسم" or "الاسم") && (DateNouns.Contains(bare) || kindSetHere))
            || ((IsWhat(_previous) || _previous == "من") && BodyNouns.Contains(Undefined(bare)));
        // The source of what is asked comes right after the word that introduces it: "قال بوتين…", "موقف السعودية
        // من…", "ما الذي أسفرت عنه القمة…", "نتائج المؤتمر"; in the colloquial order the speaker comes first: "لافروف شو قال…".
        // «بأي وصف…» asks which description: after «أي» a speech word is a noun and introduces no one.
        // «موقف الاتحاد الأوروبي»: the source's adjective of origin is part of its name (the Russian «الاتحاد» is another).
        // «الرئيس التركي أردوغان»: the name after an office and its adjective of origin is the office holder's own name.
        var source = (IntroducesSource(_previous, _beforePrevious) && _beforePrevious != "اي")
            || (_previousWasSource && _previous.StartsWith("ال", StringComparison.Ordinal) && (IsNisba(bare) || NamesOfficeHolder(bare)));
        var afterStatement = StatementNouns.Contains(_previous);
        var speaker = SpeakerBefore(bare);
        if (speaker >= 0)
        {
            _words[speaker] = _words[speaker] with { IsSource = true };
            // «بوتين شو قال عم يصير…»: the speaker came first; what follows the verb is what was said.
            _speakerFirst = true;
        }
        if (_speakerFirst && SpeechWords.Contains(_previous)) source = false;
        var joinsOnly = PrepositionalNouns.TryGetValue(_previous, out var nouns) && nouns.Contains(bare);
        // «ترامب وبوتين»: a content word joined by «و» to the content word right before it names the second of a pair.
        var secondOfPair = _lastWasContent && word.Length > 3 && word[0] == 'و';
        _beforePrevious = _previous;
        _contentBeforePrevious = _lastWasContent;
        _previous = bare;
        _lastWasContent = false;
        if (RelativeWords.Contains(bare)) _subjectOpen = false;
        var terms = FunctionWords.Contains(bare) || joinsOnly ? [] : Ordinals.WithOtherWording(DistinctTerms(start, end));
        if (_referencePhrase.Takes(bare, terms.Count > 0)) _reference.UnionWith(terms);
        // «…وفق البيان الذي نقله موقع الوقت», «كما أورده موقع الوقت»: a verb of reporting after «كما» or a relative cites
        // the source named after it; it frames, and the outlet's kind («موقع») is no word of what is asked.
        var reporting = terms.Count > 0 && (_beforePrevious == "كما" || RelativeWords.Contains(_beforePrevious)) && ReportingVerbs.Contains(WithoutPronoun(bare));
        var attribution = reporting ? _attributionPhrase.Open() : _attributionPhrase.Takes(bare, terms.Count > 0);
        // «ما الاسم الأول لوزير الخارجية…»: an ordinal right after «الاسم» says which of the person's names is asked
        // (the first), not who the person is; it frames as «الاسم» does. («أول», which Ordinals leaves out as it also
        // means «foremost», can mean only «first» here.)
        var whichName = _kind == AnswerKind.Identity && _beforePrevious is "اسم" or "الاسم" && terms.Count > 0 && terms.All(t => t == FirstStem || Ordinals.IsOrdinal(t));
        var framing = reporting || whichName || IsFraming(bare) || (attribution && OutletNouns.Contains(bare));
        ReadOpening(bare, terms.Count > 0, end < question.Length && question[end] is '،' or ',' or ':' or '.' or '؛');
        _previousWasSource = false;
        if (terms.Count == 0)
        {
            // «من الذي ترأس…» still asks who did it; «من أين…» asks where from.
            if (_wordIndex > _clauseAt + 1 && !RelativeWords.Contains(bare)) _predicatePending = false;
            _action.Passes(bare);
            return;
        }

        // What can be the relation or action asked about: an indefinite word that names no kind of answer, frames nothing
        // and carries no relation itself. A definite word after «من» is whom it asks about («من الطرف الذي…»), not what was done.
        var namesDoing = !namesKind && !framing && !bare.StartsWith("ال", StringComparison.Ordinal)
            && !SupportVerbs.Contains(bare) && _kind is not (AnswerKind.Identity or AnswerKind.Quantity);
        var isPredicate = _predicatePending && namesDoing;
        _predicatePending = _predicatePending && SupportVerbs.Contains(bare);
        // «كيف ردّت طهران…», «ما هو موقف أنقرة…»: a reaction word right after the interrogative is what is asked, and
        // any word that says a reaction answers it.
        var asksReaction = _interrogativeAt == _clauseAt && _wordIndex - _clauseAt <= MaxReactionWordAt && ReactionWords.Contains(bare);
        if (asksReaction) terms = [.. terms, .. ReactionTerms.Except(terms)];
        // «ما الذي اتفق عليه…», «بماذا خرجت القمة…»: the verb after the interrogative is the action asked about, unless
        // it is the relation or reaction read above.
        var isAction = _action.Takes(bare) && namesDoing && !isPredicate && !asksReaction;
        var questionWord = new QuestionWord(terms, framing, namesKind)
        {
            IsPredicate = isPredicate || asksReaction,
            IsAskedAction = isAction,
            SecondOfPair = secondOfPair,
            IsPlace = AnswerCues.NamesPlace(bare),
            IsDefinite = bare.StartsWith("ال", StringComparison.Ordinal),
            IsSource = source && !IsFraming(bare) && !IsFraming(WithoutPronoun(bare)) && !ExpectationWords.Contains(bare),
            NamesStatement = afterStatement,
            IsAttribution = attribution,
        };
        var key = string.Join(' ', terms);
        // «خطوة بخطوة»: a word said again right away, in any of its forms, is one word.
        if (_contentBeforePrevious && _words[^1].Terms.SharesAnyWith(terms)) _seen.Add(key);
        _lastWasContent = !_seen.Contains(key);
        if (_subjectOpen && !questionWord.IsFraming) _subject.Add(questionWord);
        if (counted || qualifies) _subject.Add(questionWord with { Terms = [.. terms, .. terms.SelectMany(t => EventSynonyms.GetValueOrDefault(t, []))] });
        if (_seen.Add(key)) _words.Add(questionWord);
        _previousWasSource = questionWord.IsSource;
    }

    /// <summary>
    /// In the colloquial order the speaker opens the question, before its interrogative or its speech word: «لافروف شو
    /// قال…», «أردوغان شو كان تعليقه…», «الاتحاد الأوروبي كيف علّق…», «تيلرسون قال لازم…». Returns the index of the
    /// speaker's (last) word among the content words, or -1.
    /// </summary>
    private int SpeakerBefore(string bare)
    {
        if (!SpeechWords.Contains(bare) && !SpeechWords.Contains(WithoutPronoun(bare))) return -1;
        // (_contentBeforePrevious: the word before the interrogative was the last content word added.)
        // After a topic set off by a comma, only a pronoun points back to it («إيران، ماذا كان موقفها؟»): «البيان، ماذا كان
        // موقف الكرملين منه؟» names its speaker after the noun.
        if (WhatWords.Contains(_previous) && _contentBeforePrevious && (_clauseAt == 0 || bare != WithoutPronoun(bare)))
        {
            return _words[^1].IsFraming ? -1 : _words.Count - 1;
        }
        // «تيلرسون قال لازم…»: decided once the question is read, as a message with no interrogative at all («بماذ وصف
        // ترامب…», a typo) may have its interrogative in that first word.
        if (!_openingClosed && _openingWords > 0 && _lastWasContent)
        {
            if (!_words[^1].IsFraming) _speakerBeforeVerb = _words.Count - 1;
            return -1;
        }
        // «هل الصين علّقت…»: the one word between «هل» and the speech verb is who spoke.
        if (_whetherAt >= 0 && _wordIndex == _whetherAt + 3 && _lastWasContent && !_words[^1].IsFraming)
        {
            return _words.Count - 1;
        }
        var near = _topicAt >= 0 && _wordIndex - _topicClosedAt <= MaxWordsToSpeechWord;
        return near && !_words[_topicAt].IsFraming ? _topicAt : -1;
    }

    /// <summary>
    /// Follows the question's opening: the content words before its first function word. An opening of at most
    /// <see cref="MaxOpeningWords"/> words closed by an interrogative is the question's topic («أردوغان شو…»).
    /// </summary>
    private void ReadOpening(string bare, bool content, bool punctuated)
    {
        if (_openingClosed) return;
        // «لديك، ما الذي…»: a phrase set off by punctuation is not the speaker of the clause after it.
        if (content && _openingWords < MaxOpeningWords && !punctuated)
        {
            _openingWords++;
            return;
        }
        _openingClosed = true;
        // «أستانا 8، مين كان…»: a topic of a few words set off by a comma before any interrogative; the question proper follows.
        if (punctuated && content && _openingWords < MaxOpeningWords && _interrogativeAt < 0 && !_asked) _clauseAt = _wordIndex;
        if (punctuated) _openingWords = 0;
        // «خلال أي فترة», «بيان من»: after a word, «أي» and «من» are governed by it, not a question about it.
        if (_openingWords > 0 && !content && Asks(bare) && bare is not ("اي" or "من"))
        {
            _topicAt = _words.Count - 1;
            _topicClosedAt = _wordIndex;
        }
    }

    /// <summary>Whether a word without its proclitics is an interrogative, «ما/ماذا» or the dialect «شو/ايش».</summary>
    private static bool Asks(string bare) => Interrogatives.Contains(bare) || WhatWords.Contains(bare);

    /// <summary>A speaker's name or office: «بوتين», «وزير الخارجية الأمريكي».</summary>
    private const int MaxOpeningWords = 3;

    /// <summary>The interrogative and a copula may stand between the speaker and the speech word («شو كان تعليقه»).</summary>
    private const int MaxWordsToSpeechWord = 2;

    /// <summary>«رقم»: «كم رقم الجولة» asks which of a series the noun after it is.</summary>
    private const string NumberNoun = "رقم";

    /// <summary>The reaction word is at most the third («ما كان رد…», «ما هو موقف…»).</summary>
    private const int MaxReactionWordAt = 3;

    /// <summary>The word's terms, each once, in the analyser's order (a word has a few: a list beats a LINQ set here).</summary>
    private List<string> DistinctTerms(int start, int end)
    {
        var tokens = analyzer.Analyze(question, start, end);
        var terms = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (!terms.Contains(token.Term)) terms.Add(token.Term);
        }
        return terms;
    }

    /// <summary>
    /// «كم منطقةً», «كم وفداً», «كم مرة»: the noun after «كم» is what is counted; it is indefinite and ends in the
    /// accusative «ا» or in «ة», where a verb after «كم» («كم استغرقت», «كم دام») ends otherwise. «كم مرة» counts
    /// occurrences, which a text gives in other words («المشاهدات: 5623»), so it names nothing to find by the number.
    /// </summary>
    private static bool IsCountedNoun(string word) =>
        word.Length > 2 && !word.StartsWith("ال", StringComparison.Ordinal) && (word[^1] is 'ا' or 'ه' || IsBareNoun(word)) && word != "مره"
        && !FunctionWords.Contains(word) && !DurationVerbs.Contains(word);

    /// <summary>
    /// «كم لاجئ», «كم شخص»: typed as spoken, without its accusative ending; a word that does not open like a
    /// present-tense or future verb («يستمر», «تبلغ», «سيعقد») or a derived past one («استمر») is taken as the noun. A measure noun
    /// («كم عدد») measures the noun after it, «كم رقم» asks which of a series, and «كم واحد» counts people without naming them.
    /// </summary>
    private static bool IsBareNoun(string word) => word[0] is not ('ي' or 'ت' or 'ن' or 'ا' or 'س') && !MeasureNouns.Contains(word) && word is not ("واحد" or NumberNoun);

    /// <summary>
    /// The content words right after a marker word, at most <see cref="MaxReferenceWords"/> of them and up to the first
    /// function word after one: the point of reference of «قبل قمة أبيك», whom «بحسب موقع الوقت» cites.
    /// </summary>
    private sealed class MarkedPhrase(HashSet<string> markers)
    {
        private int _left;
        private bool _taken;

        /// <summary>Whether the word (<paramref name="content"/> when it has analysed terms) is one of the phrase.</summary>
        public bool Takes(string bare, bool content)
        {
            if (markers.Contains(bare))
            {
                _left = MaxReferenceWords;
                return false;
            }
            if (_left > 0 && content)
            {
                _left--;
                _taken = true;
                return true;
            }
            // A function word once a phrase has begun starts another («قبل قمة أبيك وفق بيانهما»).
            if (_taken) _left = 0;
            return false;
        }

        /// <summary>Opens a phrase at a word that is no marker but acts as one (a verb of reporting); the word itself is not of it.</summary>
        public bool Open()
        {
            (_left, _taken) = (MaxReferenceWords, false);
            return false;
        }
    }

    /// <summary>
    /// Follows the question's first interrogative of <see cref="ActionInterrogatives"/> to the word right after it (after
    /// «ما», after its relative: «ما الذي اتفق…»; after «أي», after its noun: «في أي مدينة استقبل…»; a relative or a
    /// support verb passes it on: «كيف قام…»).
    /// </summary>
    private sealed class AskedAction
    {
        private bool _read;
        private bool _pending;
        private bool _afterRelative;
        private bool _afterNoun;

        /// <summary>Reads a word (without proclitics) for the interrogative that opens an action.</summary>
        public void Reads(string bare)
        {
            if (_read || !ActionInterrogatives.Contains(bare)) return;
            _read = true;
            (_pending, _afterRelative, _afterNoun) = (bare is not ("ما" or "اي"), bare == "ما", bare == "اي");
        }

        /// <summary>A function word: a relative keeps the action open («ما الذي…»), any other closes it.</summary>
        public void Passes(string bare)
        {
            if (ActionInterrogatives.Contains(bare) && (_pending || _afterRelative || _afterNoun)) return;
            var relative = RelativeWords.Contains(bare);
            _pending = (_pending || _afterRelative) && relative;
            _afterRelative = false;
        }

        /// <summary>Whether a content word is the one right after the interrogative; a support verb passes the action on.</summary>
        public bool Takes(string bare)
        {
            var takes = _pending;
            // «في أي مدينة استقبل…»: after «أي» the noun names the kind of answer, and the word after it the action.
            _pending = (_pending && SupportVerbs.Contains(bare)) || _afterNoun;
            (_afterRelative, _afterNoun) = (false, false);
            return takes;
        }
    }

    /// <summary>A word without the article after «office + adjective of origin» («الرئيس التركي أردوغان»).</summary>
    /// <remarks>A word in «ة» (matching form «ه») is a noun, not a name: «رأى الرئيس الروسي إمكانية…» names what he saw;
    /// nor is a preposition of topic («المبعوث الأممي إزاء المؤتمر»).</remarks>
    private bool NamesOfficeHolder(string word) =>
        !word.StartsWith("ال", StringComparison.Ordinal) && word[^1] != 'ه' && !TopicPrepositions.Contains(word) && IsNisba(_previous) && RoleNouns.Contains(Undefined(_beforePrevious));

    private static bool IntroducesSource(string previous, string beforePrevious) =>
        SpeechWords.Contains(previous) || OutcomeWords.Contains(previous)
        || (previous is "عنه" or "عنها" or "به" or "بها" && (OutcomeVerbs.Contains(beforePrevious) || OutcomeWords.Contains(beforePrevious)))
        || (previous == "عن" && IssuedVerbs.Contains(beforePrevious))
        || (previous is "عنه" or "عنها" && ExpressingVerbs.Contains(beforePrevious));

    private static bool AsksOutcome(HashSet<string> words)
    {
        var outcome = words.Overlaps(OutcomeWords) || (words.Overlaps(OutcomeVerbs) && (words.Contains("بها") || words.Contains("به")))
            || (words.Overlaps(IssuedVerbs) && (words.Contains("عن") || words.Contains("عنه") || words.Contains("عنها")));
        return outcome && !words.Overlaps(ExpectationWords);
    }

    private static bool IsFraming(string word) =>
        FramingWords.Contains(word) || (word.Length > 3 && word[0] is 'و' or 'ف' or 'ب' or 'ل' && FramingWordsBySpan.Contains(word.AsSpan(1)));

    // The word without its proclitics is looked up as a span of it: no string per word and position tried.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FramingWordsBySpan = FramingWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordsBySpan = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A word without an attached pronoun («رأيه» → «راي», «موقفهم» → «موقف»), to tell what kind of word it is.</summary>
    private static string WithoutPronoun(string word) =>
        word.Length > 4 && (word.EndsWith("هم", StringComparison.Ordinal) || word.EndsWith("ها", StringComparison.Ordinal)) ? word[..^2]
        : word.Length > 3 && word[^1] == 'ه' ? word[..^1]
        : word;

    /// <summary>"وبأي" → "اي", "لماذا" stays: up to two proclitics (و ف ب ل ك) are removed when what is left is an interrogative.</summary>
    internal static string WithoutProclitics(string word)
    {
        for (var i = 0; i <= 2 && i < word.Length - 1; i++)
        {
            if (i > 0 && word[i - 1] is not ('و' or 'ف' or 'ب' or 'ل' or 'ك')) break;
            if (FunctionWordsBySpan.TryGetValue(word.AsSpan(i), out var function)) return function;
        }
        return word;
    }

    /// <summary>A noun of a measure, a date or a cause («عدد», «موعد», «سبب»): one that «ما» before it makes a question of its kind (<see cref="KindOf"/>).</summary>
    private static bool NamesKindUnasked(string noun) =>
        KindOf(noun, "") == AnswerKind.Any && KindOf(noun, "ما") is AnswerKind.Quantity or AnswerKind.Date or AnswerKind.Reason;

    /// <summary>«أول» as the analyser gives it.</summary>
    private const string FirstStem = "اول";

    /// <summary>A word without the preposition «ب» joined to it: «بتاريخ كام» asks what «تاريخ كام» asks.</summary>
    private static string WithoutBi(string word) => word.Length > 3 && word[0] == 'ب' ? word[1..] : word;

    /// <summary>A noun without its article: «ما الموعد» asks what «ما موعد» asks.</summary>
    private static string Undefined(string word) => word.Length > 4 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;

    /// <summary>«ما» before a noun; the dialect «شو/وش/إيش/إيه» read as «ماذا» asks what «ما» does there («وش اسم…»، «شو تاريخ…»).</summary>
    private static bool IsWhat(string previous) => previous is "ما" or "ماذا";

    private static AnswerKind KindOf(string word, string previous) => word switch
    {
        "متي" or "امتي" or "ايمتي" => AnswerKind.Time,
        "كم" or "كام" when YearWords.Contains(previous) => AnswerKind.Year, // dialect «سنة كام»: which year, not how many
        "كم" or "كام" when WithoutBi(previous) is "يوم" or "ايام" or "شهر" or "تاريخ" || WithoutPronoun(previous) == "تاريخ" || HourWords.Contains(previous) => AnswerKind.Date, // «يوم كام», «أيام كام», «بتاريخ كام»: which day(s), not how many; «الساعة كم», «تاريخها قداش»: what time, what date
        "كم" or "قديش" or "قداش" or "كام" => AnswerKind.Quantity,
        "لماذا" or "ليش" or "ليه" => AnswerKind.Reason,
        "اين" or "وين" or "فين" => AnswerKind.Place,
        _ when previous is "اي" && PlaceKindNouns.Contains(word) => AnswerKind.Place, // "في أي مدينة"
        _ when IsWhat(previous) && PlaceKindNouns.Contains(Undefined(word)) => AnswerKind.Place, // "ما عاصمة…", "ما المدينة التي…"
        "ايه" when previous is "قد" => AnswerKind.Quantity, // Egyptian "قد إيه"
        _ when (IsWhat(previous) || previous is "اي") && (MeasureNouns.Contains(Undefined(word)) || Undefined(word) is "مده") => AnswerKind.Quantity, // "ما عدد…", "ما قيمة…", "ما المدة…", "بأي عدد…"
        _ when IsWhat(previous) && DateNouns.Contains(Undefined(word)) => AnswerKind.Date, // "ما تاريخ…", "ما الموعد…"
        _ when IsWhat(previous) && ReasonNouns.Contains(Undefined(word)) => AnswerKind.Reason, // "ما سبب…", "ما الغاية من…"
        "هو" or "هي" when previous is "من" or "مين" => AnswerKind.Identity,
        _ when previous is "من" or "مين" && RoleNouns.Contains(Undefined(word)) => AnswerKind.Identity, // "من مؤلف…"
        "اسم" or "الاسم" or "اسماء" when IsWhat(previous) || previous == "هو" => AnswerKind.Identity,
        _ when previous is "اي" && YearWords.Contains(word) => AnswerKind.Year, // "في أي عام"
        _ when previous is "اي" && (TimeWords.Contains(word) || HourWords.Contains(word) || word.StartsWith("يوم", StringComparison.Ordinal) || word == "ايام") => AnswerKind.Date, // "في أي يوم(ين)", "في أي أيام", "أي شهر"
        _ => AnswerKind.Any,
    };
}
