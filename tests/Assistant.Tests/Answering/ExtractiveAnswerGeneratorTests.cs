using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Chunking;
using Assistant.Storage;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// The extractive answerer on small hand-written passages: each test pairs a text that answers the question with one
/// that only talks about the same thing, so what decides is the rule under test, not the corpus.
/// </summary>
public sealed class ExtractiveAnswerGeneratorTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    private Task<GeneratedAnswer> AnswerAsync(string question, params string[] sentences) => AnswerAsync(question, sentences, []);

    /// <param name="more">Further passages retrieved after the one holding <paramref name="sentences"/>.</param>
    private Task<GeneratedAnswer> AnswerAsync(string question, string[] sentences, params Passage[] more) => AnswerAsync(question, sentences, more, questionWordsKnown: true);

    /// <param name="questionWordsKnown">Whether the question's own words count as used by the corpus; when false, a
    /// question word the passages do not have is one the documents never use.</param>
    private async Task<GeneratedAnswer> AnswerAsync(string question, string[] sentences, Passage[] more, bool questionWordsKnown)
    {
        var text = string.Join("\n\n", sentences);
        var passage = new Passage("doc#0", "doc", "وثيقة", 0, text.Length, text, 0);
        // Rarity as in a small corpus: every term occurs in one passage of twenty.
        var allText = string.Join(" ", more.Select(p => p.Text).Prepend(text).Prepend(questionWordsKnown ? question : ""));
        var statistics = new TermStatistics(20, _analyzer.Terms(allText).Distinct().ToDictionary(t => t, _ => 1));
        var generator = Generators.Extractive(_analyzer);
        var retrieved = more.Select(p => new ScoredPassage(p, 0.5, 2, 2)).Prepend(new ScoredPassage(passage, 1, 1, 1)).ToList();
        var request = new AnswerRequest(question, _analyzer.Terms(question), retrieved, statistics);
        return await generator.GenerateAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Quoted(GeneratedAnswer answer) => Assert.Single(answer.Citations).Quote;

    /// <summary>The question, over these sentences, is no answer, for the named reason.</summary>
    private async Task AssertAbstainsAsync(string reason, string question, params string[] sentences)
    {
        var answer = await AnswerAsync(question, sentences);
        Assert.True(answer.Abstained);
        Assert.Equal(reason, answer.AbstainReason);
    }

    [Fact]
    public async Task A_pages_own_date_answers_when_it_was_published_not_when_what_it_reports_happened()
    {
        const string page = "التاريخ : 22 ديسمبر 2017";
        const string report = "بيان حول الاجتماع الدولي الخاص بسوريا في أستانا";
        Assert.True((await AnswerAsync("متى انعقد الاجتماع الدولي الخاص بسوريا في أستانا؟", page, report)).Abstained);
        Assert.False((await AnswerAsync("متى نُشر البيان حول الاجتماع الدولي في أستانا؟", page, report)).Abstained);
        // The same date said in the text, not as the page's field, dates the meeting.
        Assert.False((await AnswerAsync("متى انعقد الاجتماع الدولي الخاص بسوريا في أستانا؟", "في 22 ديسمبر 2017", report)).Abstained);
    }

    [Fact]
    public async Task A_date_question_is_answered_only_by_a_span_with_a_date()
    {
        const string withoutDate = "سيطر الجيش على مدينة البوكمال قرب الحدود مع العراق.";
        Assert.True((await AnswerAsync("في أي يوم سيطر الجيش على مدينة البوكمال؟", withoutDate)).Abstained);

        const string withDate = "سيطر الجيش يوم 3 تشرين الثاني على مدينة البوكمال قرب الحدود.";
        Assert.Equal(withDate, Quoted(await AnswerAsync("في أي يوم سيطر الجيش على مدينة البوكمال؟", withoutDate, withDate)));
    }

    [Fact]
    public async Task An_earlier_meeting_dates_the_event_said_before_it_but_not_the_meeting_asked_about()
    {
        const string earlier = "واستعرضوا التقدم في وقف إطلاق النار بجنوب غرب سوريا الذي تم الانتهاء منه في آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز/ يوليو، 2017.";
        Assert.Contains("7 تموز", (await AnswerAsync("متى تم الانتهاء من وقف إطلاق النار بجنوب غرب سوريا؟", earlier)).ShortAnswer, StringComparison.Ordinal);
        // The meeting the question asks about is not the earlier one, and what is to come is not dated by what was.
        Assert.True((await AnswerAsync("متى التقى الرئيسان؟", earlier)).Abstained);
        Assert.True((await AnswerAsync("أين سيتم وقف إطلاق النار بجنوب غرب سوريا؟", earlier)).Abstained);
    }

    [Fact]
    public async Task An_ordinal_in_the_question_is_matched_by_the_number_of_the_series_and_not_by_another_number()
    {
        const string eighth = "اختتمت محادثات أستانا 8 أعمالها يوم 22 كانون الأول 2017.";
        Assert.Contains("22 كانون الأول", Quoted(await AnswerAsync("متى اختتمت الجولة الثامنة من محادثات أستانا أعمالها؟", eighth)), StringComparison.Ordinal);

        const string seventh = "اختتمت محادثات أستانا 7 أعمالها يوم 31 تشرين الأول 2017.";
        Assert.True((await AnswerAsync("متى اختتمت الجولة الثامنة من محادثات أستانا أعمالها؟", seventh)).Abstained);
    }

    [Fact]
    public async Task The_noun_after_كم_is_what_is_counted_and_a_number_of_something_else_does_not_answer()
    {
        const string otherNumber = "شارك وفد الحكومة في الجولة الثامنة التي امتدت يومين في أستانا.";
        Assert.True((await AnswerAsync("كم وفداً شارك في الجولة الثامنة في أستانا؟", otherNumber)).Abstained);
        Assert.True((await AnswerAsync("بأي عدد من الوفود شاركت الدول في الجولة الثامنة في أستانا؟", otherNumber)).Abstained);

        const string counted = "شاركت خمسة وفود في الجولة الثامنة في أستانا.";
        Assert.Contains("خمسة", Quoted(await AnswerAsync("كم وفداً شارك في الجولة الثامنة في أستانا؟", counted)), StringComparison.Ordinal);

        // Typed as spoken, without the accusative ending, the noun is still what is counted.
        const string duration = "استغرق الاتصال بعد اجتماع أستانا ساعة ونصف الساعة.";
        Assert.True((await AnswerAsync("كم لاجئ رجع بعد اجتماع أستانا؟", duration)).Abstained);
        const string refugees = "رجع 500 لاجئ إلى بيوتهم بعد اجتماع أستانا.";
        Assert.Equal(refugees, Quoted(await AnswerAsync("كم لاجئ رجع بعد اجتماع أستانا؟", duration, refugees)));
    }

    [Fact]
    public async Task How_many_of_a_series_is_answered_by_the_ordinal_of_the_latest()
    {
        const string ordinal = "رحبت الدول الضامنة بالجولة السادسة من المحادثات في العاصمة.";
        Assert.Equal(ordinal, Quoted(await AnswerAsync("كم جولة من المحادثات عقدت في العاصمة؟", ordinal)));
        // An ordinal of another noun counts nothing of this one.
        const string other = "رحبت الدول الضامنة بالمحادثات في الدورة السادسة للمجلس في العاصمة.";
        Assert.True((await AnswerAsync("كم جولة من المحادثات عقدت في العاصمة؟", other)).Abstained);
    }

    [Fact]
    public async Task The_number_of_a_noun_is_the_number_after_it_or_its_ordinal()
    {
        const string resolution = "استند البيان إلى قرار مجلس الأمن المرقم 2254 في العاصمة.";
        Assert.Equal(resolution, Quoted(await AnswerAsync("قديش رقم القرار اللي استند إليه البيان في العاصمة؟", resolution)));
        const string round = "رحبت الدول الضامنة بالجولة السادسة من المحادثات في العاصمة.";
        Assert.Contains("السادسة", (await AnswerAsync("قديش رقم الجولة اللي رحبت بها الدول الضامنة في العاصمة؟", round)).ShortAnswer, StringComparison.Ordinal);
        // Asked after the noun, with a pronoun pointing back to it or «رقم كم».
        Assert.Equal(round, Quoted(await AnswerAsync("الجولة اللي رحبت بها الدول الضامنة في العاصمة كم رقمها؟", round)));
        Assert.Equal(round, Quoted(await AnswerAsync("والجولة اللي رحبت بها الدول الضامنة في العاصمة رقم كم؟", round)));
    }

    [Theory]
    [InlineData("كيف ردّت طهران على البيان المشترك حول سوريا؟")]
    [InlineData("ما موقف طهران من البيان المشترك حول سوريا؟")]
    [InlineData("ماذا كان رد طهران على البيان المشترك حول سوريا؟")]
    public async Task A_question_about_a_reaction_is_answered_only_by_a_span_that_says_one(string question)
    {
        const string mentioned = "وقّعت طهران وموسكو وأنقرة البيان المشترك حول سوريا في أستانا.";
        Assert.True((await AnswerAsync(question, mentioned)).Abstained);

        const string reacted = "رحبت طهران بالبيان المشترك حول سوريا.";
        Assert.Equal(reacted, Quoted(await AnswerAsync(question, mentioned, reacted)));
    }

    [Fact]
    public async Task The_relation_a_who_question_asks_about_may_be_said_in_another_word_for_it()
    {
        const string noOne = "عمل الخبراء على نص البيان المشترك قبل القمة.";
        Assert.True((await AnswerAsync("من أشرف على عمل الخبراء قبل القمة؟", noOne)).Abstained);

        const string followed = "وتابع وزيرا الخارجية عمل الخبراء قبل القمة.";
        Assert.Equal(followed, Quoted(await AnswerAsync("من أشرف على عمل الخبراء قبل القمة؟", noOne, followed)));
    }

    [Fact]
    public async Task A_pair_the_document_names_is_the_dual_of_their_title_in_its_other_sentences()
    {
        const string question = "هل تحدث ترامب وبوتين عن أوكرانيا؟";
        const string dual = "وتبادل الرئيسان وجهات النظر حول أوكرانيا.";
        const string naming = "أجرى ترامب وبوتين اتصالاً هاتفياً.";
        var namingPassage = new Passage("doc#1", "doc", "وثيقة", 0, naming.Length, naming, 1);
        Assert.Equal(dual, Quoted(await AnswerAsync(question, [dual], namingPassage)));

        Assert.True((await AnswerAsync(question, dual)).Abstained);
        const string noTitle = "وجرى تبادل وجهات النظر حول أوكرانيا.";
        Assert.True((await AnswerAsync(question, [noTitle], namingPassage)).Abstained);
    }

    [Fact]
    public async Task A_question_about_the_previous_meeting_is_not_answered_by_a_sentence_that_speaks_of_no_earlier_one()
    {
        const string current = "التقى الرئيسان اليوم في دا نانغ بفيتنام.";
        Assert.True((await AnswerAsync("أين كان آخر لقاء بين الرئيسين قبل قمة فيتنام؟", current)).Abstained);

        const string earlier = "وتم الاتفاق على الهدنة في آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا.";
        var other = new Passage("other#0", "other", "وثيقة أخرى", 0, earlier.Length, earlier, 0);
        Assert.Equal(earlier, Quoted(await AnswerAsync("أين كان آخر لقاء بين الرئيسين قبل قمة فيتنام؟", [current], other)));
    }

    [Theory]
    [InlineData("أين كان آخر لقاء بين الرئيسين؟", true)]
    [InlineData("متى انعقد الاجتماع السابق؟", true)]
    [InlineData("بعد السيطرة على أي مدينة اقتربت نهاية آخر بؤر الإرهاب؟", false)]
    [InlineData("سؤال آخر: متى نشر البيان؟", false)]
    [InlineData("متى التقى بوتين الأسد قبل المكالمة؟", false)]
    public void Only_the_previous_of_a_series_named_as_such_is_asked_as_the_previous(string question, bool previous) =>
        Assert.Equal(previous, QuestionIntent.Of(question, _analyzer).AsksPrevious);

    [Theory]
    [InlineData("ما موعد انعقاد المؤتمر؟", "ما هو موعد انعقاد المؤتمر؟")]
    [InlineData("ما عدد الوفود المشاركة؟", "ما هي عدد الوفود المشاركة؟")]
    [InlineData("من الأطراف التي وقعت المذكرة؟", "من هي الأطراف التي وقعت المذكرة؟")]
    [InlineData("من ترأس الوفد؟", "من هو ترأس الوفد؟")]
    public void The_copula_after_an_opening_interrogative_changes_nothing_it_asks(string plain, string withCopula) =>
        AssertReadAlike(plain, withCopula);

    [Theory]
    [InlineData("من هو رئيس وفد المعارضة؟", "من كان رئيس وفد المعارضة؟")]
    [InlineData("من هي الدولة المضيفة؟", "من كانت الدولة المضيفة؟")]
    public void Who_was_asks_who_is(string present, string past) => AssertReadAlike(present, past);

    [Theory]
    [InlineData("كيف أحضّر الطبق خطوة بخطوة؟", "كيف أحضّر الطبق خطوة؟")]
    [InlineData("ما الذي تغير يوما بيوم؟", "ما الذي تغير يوما؟")]
    public void A_word_said_again_right_away_is_one_word(string doubled, string once) => AssertReadAlike(doubled, once);

    [Theory]
    [InlineData("ما الموعد المحدد لانعقاد المؤتمر؟", AnswerKind.Date)]
    [InlineData("ما التاريخ المقرر للمؤتمر؟", AnswerKind.Date)]
    [InlineData("بأي عدد من الأصوات اعتمد القرار؟", AnswerKind.Quantity)]
    [InlineData("ما المبلغ الذي تعهدت به الدولة؟", AnswerKind.Quantity)]
    [InlineData("ما مساحة المنطقة العازلة؟", AnswerKind.Quantity)]
    [InlineData("ما عمر الاتفاق؟", AnswerKind.Quantity)]
    [InlineData("ما الغاية من إبقاء القنوات مفتوحة؟", AnswerKind.Reason)]
    [InlineData("ما سبب انسحاب الوفد؟", AnswerKind.Reason)]
    public void A_noun_that_names_the_kind_of_answer_does_so_with_its_article_and_after_أي(string question, AnswerKind kind) =>
        Assert.Equal(kind, QuestionIntent.Of(question, _analyzer).Kind);

    [Theory]
    [InlineData("عدد الوفود المشاركة في المؤتمر؟")]
    [InlineData("تاريخ توقيع المذكرة؟")]
    [InlineData("موعد الجولة المقبلة من المباحثات؟")]
    [InlineData("سبب انسحاب الوفد؟")]
    // Typed without its «ما», a question that opens with a noun of a measure, a date or a cause asks what it names.
    public void A_question_that_opens_with_a_noun_of_a_kind_asks_as_if_ما_came_first(string rest) =>
        AssertReadAlike(rest, "ما " + rest);

    /// <summary>The two questions ask the same: the same kind of answer, the same content words in the same roles.</summary>
    private void AssertReadAlike(string one, string other)
    {
        var (a, b) = (QuestionIntent.Of(one, _analyzer), QuestionIntent.Of(other, _analyzer));
        Assert.Equal(a.Kind, b.Kind);
        Assert.Equal(a.ContentWords.Select(w => (string.Join(' ', w.Terms), w.IsPredicate, w.NamesAnswerKind)), b.ContentWords.Select(w => (string.Join(' ', w.Terms), w.IsPredicate, w.NamesAnswerKind)));
    }

    [Theory]
    [InlineData("متى سيلتقي الوزيران مجدداً؟", true)]
    [InlineData("متى سوف يلتقي الوزيران؟", true)]
    [InlineData("إلى متى ستستمر الجهود المشتركة؟", false)]
    [InlineData("حتى متى سيبقى الوفد في المدينة؟", false)]
    public void Until_when_asks_how_long_something_lasts_not_when_a_future_event_happens(string question, bool future) =>
        Assert.Equal(future, QuestionIntent.Of(question, _analyzer).AsksFuture);

    [Theory]
    [InlineData("في أي يوم انعقد الاجتماع؟")]
    [InlineData("في أي أيام انعقد الاجتماع؟")]
    [InlineData("في أي شهر انعقد الاجتماع؟")]
    public void Which_day_days_or_month_asks_for_a_date(string question) =>
        Assert.Equal(AnswerKind.Date, QuestionIntent.Of(question, _analyzer).Kind);

    [Theory]
    [InlineData("الوزير سافر يوم كام؟", AnswerKind.Date)]
    [InlineData("المؤتمر اتعمل شهر كم؟", AnswerKind.Date)]
    [InlineData("المؤتمر انعقد في أيام كام؟", AnswerKind.Date)]
    [InlineData("المذكرة اتمضت بتاريخ كام؟", AnswerKind.Date)]
    [InlineData("الاتفاقية اتوقعت سنة كام؟", AnswerKind.Year)]
    [InlineData("الوزير قعد كام يوم هناك؟", AnswerKind.Quantity)]
    [InlineData("المذكرة، تاريخها كم؟", AnswerKind.Date)]
    public void A_time_noun_before_كم_asks_which_one_not_how_many(string question, AnswerKind kind) =>
        Assert.Equal(kind, QuestionIntent.Of(question, _analyzer).Kind);

    [Theory]
    [InlineData("ومتى أدلى بهذا البيان؟")]
    [InlineData("ومتى أدلى لهذه الصحيفة بالبيان؟")]
    [InlineData("وهذا البيان متى أدلى به؟")]
    public void A_demonstrative_with_a_preposition_or_a_conjunction_names_nothing(string question)
    {
        // «بهذا» points at the statement the conversation was about; as a word of its own it would weigh as much as a rare noun.
        var intent = QuestionIntent.Of(question, _analyzer);
        Assert.Contains(intent.ContentWords, w => w.Terms.Contains("ادل"));
        Assert.DoesNotContain(intent.ContentWords, w => w.Terms.Any(t => t.Contains("هذ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ما كان رد فعل المعارضة على البيان؟")]
    [InlineData("ما ردة الفعل الرسمية للمعارضة على البيان؟")]
    [InlineData("البيان المشترك الأمريكي الروسي، ما كان رد فعل المعارضة عليه؟")]
    public void A_reaction_named_with_its_complement_is_what_is_asked_wherever_it_stands(string question)
    {
        var intent = QuestionIntent.Of(question, _analyzer);
        var reaction = Assert.Single(intent.ContentWords, w => w.IsPredicate);
        Assert.Contains("رحب", reaction.Terms);
        Assert.DoesNotContain(intent.ContentWords, w => w.Terms.Contains("فعل"));
    }

    [Fact]
    public async Task A_reaction_is_not_answered_by_a_sentence_that_says_none()
    {
        const string about = "دعا وزير الخارجية المعارضة السورية إلى المشاركة في المحادثات بعد البيان المشترك.";
        await AssertAbstainsAsync(AbstainReasons.RelationMissing, "البيان المشترك، ما كان رد فعل المعارضة السورية عليه؟", about);
    }

    [Fact]
    public async Task A_reaction_is_the_sources_only_where_it_is_said_next_to_them()
    {
        const string others = "أطلع الرئيس الروسي نظيره على نتائج لقائه بشار الأسد يوم الاثنين، وأكد دعمه ترتيب عمل مشترك ضد الإرهاب في موقف أيده الرئيس الأمريكي.";
        const string his = "رحّب بشار الأسد بالبيان المشترك ووصفه بأنه خطوة إيجابية.";
        await AssertAbstainsAsync(AbstainReasons.SourceNotNamed, "كيف ردّ بشار الأسد على البيان المشترك؟", others);
        Assert.Equal(his, Quoted(await AnswerAsync("كيف ردّ بشار الأسد على البيان المشترك؟", his)));
    }

    [Fact]
    public async Task A_relative_time_near_only_a_place_does_not_date_a_past_event()
    {
        // «سابقاً» a few words from «أستانا» says nothing of when the round there was held.
        const string memorandum = "تؤكد عزمها تنفيذ المذكرة وغيرها من القرارات التي جرى إقرارها سابقاً في إطار عملية أستانا.";
        Assert.True((await AnswerAsync("متى انعقدت الجولة الثامنة في أستانا؟", memorandum)).Abstained);
    }

    [Theory]
    [InlineData("اسم رئيس الوفد الإيراني في المباحثات؟")]
    [InlineData("تاريخ توقيع المذكرة؟")]
    [InlineData("عدد الوفود المشاركة؟")]
    [InlineData("هو موعد الجولة التالية؟")]
    // «وش/شو/إيش + noun» is read as «ماذا + noun»: it asks what «ما + noun» asks.
    public void What_before_a_noun_asks_the_same_in_dialect_as_in_standard_arabic(string rest) =>
        AssertReadAlike("ما " + rest, "ماذا " + rest);

    [Fact]
    public void Names_are_asked_for_as_a_name_is()
    {
        var (one, many) = (QuestionIntent.Of("ما اسم الدولة الضامنة للاتفاق؟", _analyzer), QuestionIntent.Of("ما أسماء الدول الضامنة للاتفاق؟", _analyzer));
        Assert.Equal(AnswerKind.Identity, one.Kind);
        Assert.Equal(one.Kind, many.Kind);
        Assert.Equal(one.ContentWords.Count(w => w.IsFraming), many.ContentWords.Count(w => w.IsFraming));
    }

    [Fact]
    public async Task A_described_person_may_be_described_with_a_synonym_of_the_question_words()
    {
        const string other = "شكرت الدول الضامنة السلطات على استضافة الجولة.";
        Assert.True((await AnswerAsync("من هو رئيس الدولة التي استضافت الجولة؟", other)).Abstained);

        const string president = "شكرت الدول الضامنة رئيس جمهورية كازاخستان على استضافة الجولة.";
        Assert.Equal(president, Quoted(await AnswerAsync("من هو رئيس الدولة التي استضافت الجولة؟", other, president)));
    }

    [Fact]
    public async Task The_first_name_asks_for_a_name_of_the_person_the_rest_describes()
    {
        var intent = QuestionIntent.Of("ما الاسم الأول لوزير الخارجية الأمريكي الذي أصدر البيان؟", _analyzer);
        Assert.Equal(AnswerKind.Identity, intent.Kind);
        Assert.DoesNotContain(intent.Subject, w => w.Terms.Contains("اول"));
        const string named = "وزير الخارجية الأميركي ريكس تيلرسون يصدر بياناً حول اللقاء.";
        Assert.Equal(named, Quoted(await AnswerAsync("ما الاسم الأول لوزير الخارجية الأمريكي الذي أصدر البيان؟", named)));
    }

    [Fact]
    public async Task An_adjective_of_origin_describes_with_the_name_of_its_country()
    {
        const string president = "شكرت الدول الضامنة رئيس جمهورية كازاخستان السيد نصرلتان نازرباييف على استضافة الجولة.";
        Assert.Equal(president, Quoted(await AnswerAsync("ما اسم الرئيس الكازاخي الذي شكرته الدول الضامنة على استضافة الجولة؟", president)));
        // Another country's adjective is another person.
        Assert.True((await AnswerAsync("ما اسم الرئيس الأوزبكي الذي شكرته الدول الضامنة على استضافة الجولة؟", president)).Abstained);
    }

    [Fact]
    public async Task A_qualifier_no_document_says_is_not_required_of_the_description_but_its_head_noun_is()
    {
        // «المضيف» is a word no document uses: the person is still named as «رئيس جمهورية…», the description's head.
        string[] president = ["شكرت الدول الضامنة في ختام الجولة رئيس جمهورية كازاخستان السيد نصرلتان نازرباييف على استضافتها."];
        Assert.Equal(president[0], Quoted(await AnswerAsync("من هو رئيس الجمهورية المضيفة الذي شكرته الدول الضامنة في ختام الجولة؟", president, [], questionWordsKnown: false)));

        // «المبعوث» is the head no document says: «الأممي» alone describes no one, however many other words a sentence shares.
        string[] talks = ["تجري المفاوضات حول سوريا في جنيف تحت رعاية الأمم المتحدة، وشارك فيها السيد أحمد."];
        Assert.True((await AnswerAsync("من هو المبعوث الأممي الذي يدير المفاوضات حول سوريا في جنيف؟", talks, [], questionWordsKnown: false)).Abstained);

        // A name completing the head («رئيس بوليفيا») says who the person is: another country's president is someone else.
        Assert.True((await AnswerAsync("من هو رئيس بوليفيا الذي شكرته الدول الضامنة في ختام الجولة؟", president, [], questionWordsKnown: false)).Abstained);
    }

    [Theory]
    [InlineData("متى تأسس مركز المتابعة في عمان؟", "عمان")]
    [InlineData("متى وقعت المذكرة بسوريا؟", "بسوريا")]
    public void A_place_in_the_question_is_known_as_one_so_that_a_date_beside_it_alone_does_not_date_the_event(string question, string place)
    {
        var intent = QuestionIntent.Of(question, _analyzer);
        var terms = _analyzer.Terms(place);
        Assert.Single(intent.ContentWords, w => w.IsPlace);
        Assert.True(intent.ContentWords.Single(w => w.IsPlace).Terms.Intersect(terms).Any());
    }

    [Fact]
    public async Task A_city_answers_which_city_where_the_question_word_or_a_verbal_noun_governs_it_not_as_the_subject_of_another_clause()
    {
        const string governed = "مع سير عملية تحرير الرقة تلقى التنظيم ضربات موجعة في سوريا.";
        Assert.Contains("الرقة", Quoted(await AnswerAsync("عملية تحرير أي مدينة ألحقت بالتنظيم ضربات موجعة؟", governed)), StringComparison.Ordinal);

        const string subject = "رحبت موسكو بالبيان، وقالت إن التنظيم تلقى ضربات موجعة في سوريا.";
        Assert.True((await AnswerAsync("عملية تحرير أي مدينة ألحقت بالتنظيم ضربات موجعة؟", subject)).Abstained);

        // A verbal noun governs the city as the question's word does, though the question names the action otherwise.
        Assert.Contains("الرقة", Quoted(await AnswerAsync("خلال معركة أي مدينة تلقى التنظيم ضربات موجعة؟", governed)), StringComparison.Ordinal);
        Assert.True((await AnswerAsync("خلال معركة أي مدينة تلقى التنظيم ضربات موجعة؟", subject)).Abstained);
    }

    [Fact]
    public async Task A_date_must_be_said_of_the_question_subject_or_stand_on_its_own_line()
    {
        const string otherMeeting = "سيعقد الضامنون اجتماعاً تحضيرياً في سوتشي بتاريخ 19-20 كانون الثاني 2018.";
        const string round = "ترى الدول الضامنة الجولة القادمة من مفاوضات جنيف خطوة مهمة.";
        Assert.True((await AnswerAsync("ما موعد الجولة القادمة من مفاوضات جنيف؟", otherMeeting + " " + round)).Abstained);

        var dated = await AnswerAsync("متى صدر البيان المشترك حول سوريا؟", "صدر البيان المشترك حول سوريا عن مكتب المتحدث الرسمي", "11 تشرين الثاني/نوفمبر، 2017");
        Assert.Contains("11 تشرين الثاني", Quoted(dated), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_is_also_answered_by_the_event_that_bounds_it()
    {
        const string until = "ستستمر جهود المختصين العسكريين حتى القضاء على داعش.";
        Assert.Equal(until, Quoted(await AnswerAsync("إلى متى ستستمر جهود المختصين العسكريين؟", until)));
    }

    /// <summary>
    /// «إلى متى» asks what ends something: the bound answers it, and a day said of the same subject («اليوم») only says
    /// when it was spoken of, while «متى» is answered by that day.
    /// </summary>
    [Fact]
    public async Task Until_when_is_answered_by_the_bound_rather_than_a_day()
    {
        const string dated = "أكد الرئيسان اليوم أن جهودهما ضد داعش ستستمر.";
        const string bound = "وقال الرئيسان إن جهودهما ضد داعش ستستمر حتى يتم تحقيق الهزيمة النهائية.";
        Assert.Equal(bound, Quoted(await AnswerAsync("إلى متى ستستمر جهود الرئيسين ضد داعش؟", dated, bound)));
        Assert.Equal(dated, Quoted(await AnswerAsync("متى أكد الرئيسان أن جهودهما ضد داعش ستستمر؟", dated, bound)));
    }

    /// <summary>
    /// An event standing in for a date answers متى less surely than a date: two of six words and a common «خلال» are enough
    /// for a date, too little for an event. «بعد سيطرة الجيش» says what came after the capture, and «بعد اختتام هذا العمل»
    /// is in another clause: neither bounds the capture.
    /// </summary>
    [Theory]
    [InlineData("متى أعلن ترامب سحب القوات الأمريكية من سوريا؟",
        "وخلال مؤتمر صحفي أعلن بوتين أن البيان المشترك مهم لمستقبل سوريا.",
        "وفي 19 كانون الأول أعلن بوتين أن البيان المشترك مهم لمستقبل سوريا.")]
    [InlineData("متى سيطر الجيش على مدينة البوكمال؟",
        "يقترب العمل العسكري من نهايته بعد سيطرة الجيش على مدينة البوكمال قرب الحدود ومواصلة تطهير الضفة الشرقية لنهر الفرات من إرهابيي داعش، والمهم الآن بعد اختتام هذا العمل تعزيز الاتفاق.",
        "سيطر الجيش على مدينة البوكمال بعد معارك استمرت أسابيع مع داعش.")]
    public async Task A_bounding_event_answers_when_only_with_enough_evidence_and_about_the_question_s_event(string question, string notAnAnswer, string answer)
    {
        Assert.True((await AnswerAsync(question, notAnAnswer)).Abstained);
        Assert.Equal(answer, Quoted(await AnswerAsync(question, answer)));
    }

    [Fact]
    public async Task A_number_before_a_month_is_a_date_not_a_quantity()
    {
        const string dateOnly = "انتشر الجنود الأمريكيون في سوريا في 8 تشرين الثاني 2017.";
        Assert.True((await AnswerAsync("كم عدد الجنود الأمريكيين المنتشرين في سوريا؟", dateOnly)).Abstained);

        const string count = "ينتشر في سوريا نحو 900 من الجنود الأمريكيين.";
        Assert.Equal(count, Quoted(await AnswerAsync("كم عدد الجنود الأمريكيين المنتشرين في سوريا؟", dateOnly, count)));
    }

    [Fact]
    public async Task A_number_that_names_a_resolution_is_not_a_quantity()
    {
        const string resolution = "أكد الرئيسان في الاتصال الهاتفي ضرورة تطبيق قرار مجلس الأمن رقم 2254.";
        Assert.True((await AnswerAsync("كم استغرق الاتصال الهاتفي بين الرئيسين؟", resolution)).Abstained);

        const string duration = "استغرق الاتصال الهاتفي بين الرئيسين 90 دقيقة.";
        Assert.Equal(duration, Quoted(await AnswerAsync("كم استغرق الاتصال الهاتفي بين الرئيسين؟", resolution, duration)));
    }

    [Theory]
    // A bare number dates something only after a word that introduces a day, or before a month.
    [InlineData("البيان الختامي لمباحثات أستانا 8", "8", false)]
    [InlineData("صادق عليه الرئيسان يوم 11 الشهر الجاري", "11", true)]
    [InlineData("الاجتماع الدولي في أستانا 21-22 كانون الأول/ ديسمبر 2017", "21", true)]
    [InlineData("الاجتماع الدولي في أستانا 21-22 كانون الأول/ ديسمبر 2017", "22", true)]
    public void A_number_is_a_date_only_where_a_day_is_introduced_or_a_month_follows(string text, string number, bool dates) =>
        Assert.Equal(dates, AnswerCues.Find(text, 0, text.Length, _analyzer).Any(cue => cue.Word == number && cue.Kinds.HasFlag(CueKinds.Time)));

    [Theory]
    // Numbered by «المرقم», or by «قرار» with its issuer between: still an identifier; a count a few words on is a count.
    [InlineData("كما هو محدد في قرار مجلس الأمن المرقم 2254.", false)]
    [InlineData("كما هو محدد في قرار مجلس الأمن الدولي 2254.", false)]
    [InlineData("صدر القرار بعد أن انتشر 900 جندي.", true)]
    [InlineData("9-تعرب عن امتنانها للدولة المضيفة.", false)] // an item's number, glued to its first word
    [InlineData("انتشر 9-10 آلاف جندي.", true)]
    public void A_resolution_numbered_in_other_words_is_not_a_quantity(string text, bool counts) =>
        Assert.Equal(counts, AnswerCues.Find(text, 0, text.Length, _analyzer).Any(cue => cue.Kinds.HasFlag(CueKinds.Quantity)));

    [Fact]
    public async Task A_count_must_count_the_noun_the_question_names()
    {
        const string otherNumber = "أكد الرئيسان ضرورة عودة السوريين إلى منازلهم، بعد اتصال هاتفي بين الرئيسين استغرق ساعة ونصف.";
        Assert.True((await AnswerAsync("كم عدد السوريين الذين عادوا إلى منازلهم؟", otherNumber)).Abstained);

        const string count = "عاد نحو 700 ألف من السوريين إلى منازلهم هذا العام.";
        Assert.Equal(count, Quoted(await AnswerAsync("كم عدد السوريين الذين عادوا إلى منازلهم؟", otherNumber, count)));
        Assert.Equal(AnswerKind.Quantity, QuestionIntent.Of("ما عدد السوريين الذين عادوا؟", _analyzer).Kind);
    }

    [Fact]
    public async Task What_an_event_produced_is_not_answered_by_its_announcement()
    {
        const string announced = "تبادل الرئيسان وجهات النظر حول القمة الثلاثية التي ستُعقد اليوم في سوتشي.";
        Assert.True((await AnswerAsync("ما النتائج التي أسفرت عنها القمة الثلاثية في سوتشي؟", announced, "وفق البيان.")).Abstained);
        // «نتائج» reads as «نتاءج» (a hamza after alef is written ء whatever its seat): still a question about an outcome.
        Assert.True((await AnswerAsync("ما هي نتائج القمة الثلاثية في سوتشي؟", announced, "وفق البيان.")).Abstained);
        Assert.Equal(AnswerKind.Outcome, QuestionIntent.Of("ما نتائج القمة؟", _analyzer).Kind);

        const string prepared = "تؤكد الدول عزمها على دعم التحضير لمؤتمر الحوار الوطني في سوتشي.";
        Assert.True((await AnswerAsync("ما النتائج التي خرج بها مؤتمر الحوار الوطني في سوتشي؟", prepared)).Abstained);

        const string held = "أسفرت القمة الثلاثية في سوتشي عن اتفاق على دعم مؤتمر الحوار.";
        Assert.Equal(held, Quoted(await AnswerAsync("ما النتائج التي أسفرت عنها القمة الثلاثية في سوتشي؟", announced, held)));

        // «صدر عن», «انبثق عن» ask what the event produced too; «صدر عنه الإعلان» names what was issued, not its source.
        Assert.True((await AnswerAsync("ما الذي صدر عن القمة الثلاثية في سوتشي من قرارات؟", announced, "وفق البيان.")).Abstained);
        Assert.Equal(AnswerKind.Outcome, QuestionIntent.Of("ما الوثيقة التي انبثقت عن مؤتمر الحوار؟", _analyzer).Kind);
        Assert.DoesNotContain(QuestionIntent.Of("أين جرى اللقاء الذي صدر عنه الإعلان المشترك؟", _analyzer).ContentWords, w => w.IsSource);

        // The next meeting's outcome is not in the sentence that schedules it.
        const string scheduled = "قررت الدول الضامنة عقد الاجتماع التالي في أستانا في شباط 2018.";
        Assert.True((await AnswerAsync("ما الذي أسفر عنه الاجتماع التالي في أستانا؟", scheduled)).Abstained);

        // Asking for an expected outcome is answered in the future tense.
        const string expected = "سينقذ التنفيذ الناجح للاتفاقات آلاف الأرواح.";
        Assert.Equal(expected, Quoted(await AnswerAsync("ما النتيجة المتوقعة للتنفيذ الناجح للاتفاقات؟", expected)));
    }

    [Theory]
    [InlineData("ما موقف السعودية من البيان المشترك؟")]
    [InlineData("لافروف شو قال عن البيان المشترك؟")]
    [InlineData("كيف ردت السعودية على البيان المشترك؟")]
    public async Task What_someone_said_is_not_answered_by_someone_else_s_words(string question)
    {
        // «عودة» shares a rough root with «السعودية»: a source must be named, not guessed.
        const string others = "أكد الرئيسان في البيان المشترك ضرورة عودة السوريين إلى منازلهم.";
        Assert.True((await AnswerAsync(question, others)).Abstained);
    }

    [Fact]
    public async Task Whoever_expressed_a_view_is_its_source()
    {
        // «إزاء» after «المبعوث الأممي» says what the view is about: it is not the envoy's name.
        Assert.Equal(["مبعوث", "امم"], QuestionIntent.Of("ما الموقف الذي عبّر عنه المبعوث الأممي إزاء مؤتمر الحوار؟", _analyzer).ContentWords.Where(w => w.IsSource).Select(w => w.Terms[0]));
        const string others = "أكد الضامنون دعمهم لمؤتمر الحوار الوطني في سوتشي.";
        await AssertAbstainsAsync(AbstainReasons.SourceNotNamed, "ما الموقف الذي عبّر عنه المبعوث الأممي إزاء مؤتمر الحوار الوطني في سوتشي؟", others);
        const string envoy = "عبّر المبعوث الأممي عن ترحيبه بمؤتمر الحوار الوطني في سوتشي.";
        Assert.Null((await AnswerAsync("ما الموقف الذي عبّر عنه المبعوث الأممي إزاء مؤتمر الحوار الوطني في سوتشي؟", envoy)).AbstainReason);
        // «عبر» alone is «via»: what follows it is no speaker.
        Assert.DoesNotContain(QuestionIntent.Of("ما الذي تحقق عبر منصة أستانا؟", _analyzer).ContentWords, w => w.IsSource);
    }

    [Fact]
    public async Task A_speaker_named_earlier_in_the_document_still_counts()
    {
        // The statement is quoted sentences after its speaker is named; here the speaker's name comes in another passage.
        const string quoted = "وشدد على أن المبادرة الروسية تهدف إلى عقد مؤتمر الحوار الوطني السوري في سوتشي.";
        Assert.True((await AnswerAsync("ما المبادرة الروسية التي قال الكرملين إنها تهدف إلى الحوار؟", quoted)).Abstained);
        const string speaker = "ومن جانبه قال الكرملين في بيان صدر عنه.";
        var named = new Passage("doc#1", "doc", "وثيقة", 0, speaker.Length, speaker, 1);
        var answer = await AnswerAsync("ما المبادرة الروسية التي قال الكرملين إنها تهدف إلى الحوار؟", [quoted], named);
        Assert.Equal(quoted, Quoted(answer));
    }

    [Theory]
    [InlineData("وأي ملفات أخرى تطرقا إليها كم دام الاتصال الهاتفي؟", AnswerKind.Any)]
    [InlineData("وهل كان مرتباً له متى عقد الاجتماع؟", AnswerKind.Any)]
    [InlineData("الجولة القادمة من اجتماعات أستانا متى؟", AnswerKind.Time)]
    [InlineData("في أي مدينة عقد الاجتماع؟", AnswerKind.Place)]
    [InlineData("أستانا 8، من كان رئيس وفد المعارضة؟", AnswerKind.Identity)]
    [InlineData("الاجتماع الدولي في أستانا: متى انعقد؟", AnswerKind.Time)]
    [InlineData("ما هي عاصمة ولاية فلوريدا؟", AnswerKind.Place)]
    [InlineData("ما المدينة التي عقد فيها الاجتماع؟", AnswerKind.Place)]
    [InlineData("من أي مدينة صدر البيان؟", AnswerKind.Place)] // «من» before «أي» is «from»
    public void A_question_that_opens_with_its_interrogative_asks_what_that_one_asks(string question, AnswerKind kind) =>
        Assert.Equal(kind, QuestionIntent.Of(question, _analyzer).Kind);

    [Theory]
    [InlineData("ماذا قال الكرملين عن البيان؟", "الكرملين")]
    [InlineData("هل كان الاتفاق يسيراً كما يقول الوزير؟", "الوزير")]
    [InlineData("بأي وصف نعت الوزير المدينة؟", null)]
    [InlineData("الوزير قال رأيه في البيان أين؟", "الوزير")]
    [InlineData("بوتين شو قال يصير بالمدينة؟", "بوتين")]
    [InlineData("الوزير قال لازم الأطراف تتذكر من؟", "الوزير")]
    [InlineData("بماذ وصف الوزير البيان؟", "الوزير")] // no interrogative: its first word may be one, mistyped
    [InlineData("الكرملين شو كان تعليقه على البيان؟", "الكرملين")]
    [InlineData("الاتحاد الأوروبي كيف علّق على البيان؟", "الأوروبي")]
    [InlineData("وخلال أي فترة دعا الوزير الأطراف؟", "الوزير")]
    [InlineData("وفقاً للمستندات المتوفرة لديك، ما الذي قال الوزير إنه مهم؟", "الوزير")]
    [InlineData("إلى ماذا دعا الوزير جميع الأطراف؟", "الوزير")]
    [InlineData("بماذا حذر الكرملين الأطراف؟", "الكرملين")]
    [InlineData("إيران، ماذا كان موقفها من البيان؟", "إيران")] // a topic set off by a comma, which the pronoun points back to
    [InlineData("البيان، ماذا كان موقف الكرملين منه؟", "الكرملين")]
    [InlineData("هل الصين علّقت على المكالمة؟", "الصين")] // the one word between «هل» and the verb of saying
    [InlineData("هل علّقت الصين على المكالمة؟", "الصين")]
    public void The_speaker_is_the_word_after_a_verb_of_saying_or_the_one_the_question_opens_with(string question, string? speaker) =>
        Assert.Equal(speaker is null ? null : _analyzer.Terms(speaker)[0], QuestionIntent.Of(question, _analyzer).ContentWords.SingleOrDefault(w => w.IsSource)?.Terms[0]);

    [Theory]
    [InlineData("ماذا قال الرئيس التركي أردوغان عن البيان؟", "أردوغان", true)]
    [InlineData("ماذا قال الوزير الروسي لافروف عن البيان؟", "لافروف", true)]
    [InlineData("بوتين قال التسوية السياسية هتمشي إزاي؟", "هتمشي", false)] // no office before the adjective
    [InlineData("أين رأى الرئيس الروسي إمكانية للتعاون؟", "إمكانية", false)] // a noun in «ة» is what he saw, not his name
    public void The_name_after_an_office_and_its_adjective_of_origin_is_the_speaker_too(string question, string name, bool source) =>
        Assert.Equal(source, QuestionIntent.Of(question, _analyzer).ContentWords.Single(w => w.Terms[0] == _analyzer.Terms(name)[0]).IsSource);

    [Fact]
    public async Task A_source_the_documents_never_name_is_not_answered_by_another_speaker_s_words()
    {
        string[] others = ["رحب الرئيس الروسي بنتائج محادثات أستانا.", "بيان لإيران وروسيا وتركيا حول نتائج محادثات أستانا."];
        Assert.True((await AnswerAsync("ماذا قال الرئيس التركي أردوغان عن نتائج محادثات أستانا؟", others, [], questionWordsKnown: false)).Abstained);
    }

    [Fact]
    public async Task A_source_the_documents_name_in_other_words_is_named()
    {
        // «الزعيمان» is «الرئيسان» in news Arabic; a capital is not its country's speaker, though («أنقرة» for «التركية»).
        string[] said = ["وصف الرئيسان مناطق خفض التصعيد بأنها خطوة مؤقتة للحد من العنف."];
        var answer = await AnswerAsync("كيف وصف الزعيمان مناطق خفض التصعيد؟", said, [], questionWordsKnown: false);
        Assert.False(answer.Abstained);
        string[] turkish = ["رحبت الحكومة التركية بمذكرة المبادئ المبرمة في عمّان."];
        Assert.True((await AnswerAsync("ما موقف أنقرة من مذكرة المبادئ المبرمة في عمّان؟", turkish, [], questionWordsKnown: false)).Abstained);
    }

    [Fact]
    public async Task The_source_a_question_cites_is_named_by_the_document_not_again_by_the_answering_sentence()
    {
        const string answer = "يجب منع استخدام الأسلحة الكيميائية في الحرب السورية من قبل أي طرف.";
        const string naming = "صرح الوزير تيلرسون للصحفيين في واشنطن اليوم.";
        var namingPassage = new Passage("doc#1", "doc", "وثيقة", 0, naming.Length, naming, 1);
        const string other = "تحدث الوزير تيلرسون عن الأسلحة في الحرب السورية.";
        var otherPassage = new Passage("other#0", "other", "وثيقة أخرى", 0, other.Length, other, 0);
        Assert.Equal(answer, Quoted(await AnswerAsync("ما الذي يجب منعه في الحرب السورية بحسب الوزير تيلرسون؟", [answer], otherPassage, namingPassage)));
    }

    [Fact]
    public async Task A_date_a_clause_away_from_the_question_s_words_dates_something_else()
    {
        const string far = "وقعت المذكرة بتاريخ 4 أيار 2017 بعد مفاوضات طويلة وشاقة استمرت أسابيع عدة بين الوفود المختلفة داخل فندق كبير وسط العاصمة ثم انعقدت الجولة الثامنة.";
        Assert.True((await AnswerAsync("متى انعقدت الجولة الثامنة؟", far)).Abstained);
        const string near = "انعقدت الجولة الثامنة بتاريخ 21 كانون الأول 2017.";
        Assert.Equal(near, Quoted(await AnswerAsync("متى انعقدت الجولة الثامنة؟", far, near)));
    }

    [Fact]
    public async Task A_date_of_the_next_meeting_does_not_date_this_one()
    {
        const string next = "تقرر عقد الاجتماع الدولي التالي في أستانا في شباط 2018.";
        const string held = "عقد الاجتماع الدولي في أستانا يومي 21-22 كانون الأول 2017.";
        Assert.Equal(held, Quoted(await AnswerAsync("متى عقد الاجتماع الدولي في أستانا؟", next, held)));
        Assert.Equal(next, Quoted(await AnswerAsync("متى سيعقد الاجتماع الدولي القادم في أستانا؟", held, next)));
    }

    [Theory]
    [InlineData("تقرر عقد الاجتماع التالي في النصف الثاني من شباط 2018.", true)]
    [InlineData("تقرر عقد الاجتماع التالي في شهر شباط 2018.", true)]
    [InlineData("تقرر عقد الاجتماع التالي يوم 14 شباط 2018.", false)]
    [InlineData("تقرر عقد الاجتماع التالي يوم عشرين شباط.", false)]
    [InlineData("تقرر عقد الاجتماع التالي يوم الأربعاء.", false)]
    public async Task Which_day_is_answered_by_a_day_not_by_a_month_or_part_of_one(string sentence, bool abstains)
    {
        var answer = await AnswerAsync("في أي يوم سيعقد الاجتماع التالي؟", sentence);
        Assert.Equal(abstains, answer.Abstained);
        // Asked when, the month is an answer.
        Assert.False((await AnswerAsync("متى سيعقد الاجتماع التالي؟", sentence)).Abstained);
    }

    [Theory]
    [InlineData("في أي يوم سيعقد الاجتماع؟", true)]
    [InlineData("الاجتماع بيتعمل يوم كام؟", true)]
    [InlineData("في أي شهر سيعقد الاجتماع؟", false)]
    [InlineData("متى سيعقد الاجتماع؟", false)]
    public void Which_day_is_read_from_the_noun_day(string question, bool asksDay) =>
        Assert.Equal(asksDay, QuestionIntent.Of(question, _analyzer).AsksDay);

    [Theory]
    [InlineData("في أي ساعة بدأ الاتصال؟", true)]
    [InlineData("الساعة كم بدأ الاتصال؟", true)]
    [InlineData("كم ساعة استغرق الاتصال؟", false)]
    [InlineData("في أي يوم بدأ الاتصال؟", false)]
    public void The_time_of_day_is_asked_with_the_noun_hour_after_which(string question, bool asksHour) =>
        Assert.Equal(asksHour, QuestionIntent.Of(question, _analyzer).AsksHour);

    [Theory]
    [InlineData("الساعة كم بدأ الاتصال؟", "الساعة")]
    [InlineData("الاجتماع بيتعمل يوم كام؟", "يوم")]
    [InlineData("ما الجهة التي نشرت البيان؟", "الجهة")] // an institution is asked for: «وجهات النظر» is not it
    [InlineData("من هي الجهات المدعوة إلى المؤتمر؟", "الجهات")]
    public void A_noun_that_says_what_kind_of_answer_is_asked_names_it_and_is_no_word_of_the_answer(string question, string noun)
    {
        var terms = _analyzer.Terms(noun);
        Assert.True(QuestionIntent.Of(question, _analyzer).ContentWords.Single(w => w.Terms.Intersect(terms).Any()).NamesAnswerKind);
    }

    [Fact]
    public async Task Which_hour_is_answered_by_a_clock_time_only()
    {
        const string duration = "استغرق الاتصال الهاتفي بين الرئيسين ساعة ونصف الساعة يوم 14 أيار.";
        await AssertAbstainsAsync(AbstainReasons.AnswerKindMissing, "في أي ساعة بدأ الاتصال الهاتفي بين الرئيسين؟", duration);

        const string clock = "بدأ الاتصال الهاتفي بين الرئيسين في الساعة العاشرة مساء.";
        Assert.Equal(clock, Quoted(await AnswerAsync("في أي ساعة بدأ الاتصال الهاتفي بين الرئيسين؟", duration, clock)));
        const string digits = "بدأ الاتصال الهاتفي بين الرئيسين عند 10:30 مساء.";
        Assert.Equal(digits, Quoted(await AnswerAsync("الساعة كم بدأ الاتصال الهاتفي بين الرئيسين؟", duration, digits)));
    }

    [Fact]
    public async Task An_event_asked_of_in_the_past_tense_is_not_dated_or_placed_by_a_sentence_that_announces_it()
    {
        const string announced = "سيعقد الضامنون الاجتماع الدولي في سوتشي بتاريخ 19-20 كانون الثاني 2018.";
        Assert.True((await AnswerAsync("متى انعقد الاجتماع الدولي للضامنين؟", announced)).Abstained);
        Assert.True((await AnswerAsync("في أي مدينة انعقد الاجتماع الدولي للضامنين؟", announced)).Abstained);
        Assert.False((await AnswerAsync("متى سينعقد الاجتماع الدولي للضامنين؟", announced)).Abstained);
        Assert.False((await AnswerAsync("متى موعد الاجتماع الدولي للضامنين؟", announced)).Abstained);
    }

    [Fact]
    public void A_number_the_question_names_as_an_ordinal_is_not_its_answer()
    {
        const string text = "اختتمت محادثات أستانا أعمالها يوم 8";
        var cues = AnswerCues.Find(text, 0, text.Length, _analyzer);
        Assert.False(AnswerCues.Answers(AnswerKind.Date, cues, QuestionIntent.Of("متى اختتمت الجولة الثامنة من محادثات أستانا؟", _analyzer)));
        Assert.True(AnswerCues.Answers(AnswerKind.Date, cues, QuestionIntent.Of("متى اختتمت محادثات أستانا؟", _analyzer)));
    }

    [Fact]
    public void A_follow_up_asks_about_publishing_only_when_its_own_words_do()
    {
        var statistics = new TermStatistics(1, new Dictionary<string, int>());
        var resolved = new AnswerRequest("والاجتماع نفسه اتعمل امتى؟ البيان اتنشر امتى", [], [], statistics);
        Assert.True(resolved.Intent(_analyzer).AsksPublication);
        Assert.False((resolved with { Asked = "والاجتماع نفسه اتعمل امتى؟" }).Intent(_analyzer).AsksPublication);
        Assert.True((resolved with { Asked = "والبيان اتنشر امتى؟" }).Intent(_analyzer).AsksPublication);
    }

    [Fact]
    public async Task The_next_of_a_series_is_dated_by_a_sentence_about_the_next_one_not_by_any_future()
    {
        const string other = "قال الرئيسان إن التعاون بينهما سيكون مفيداً، في 11 تشرين الثاني 2017 على هامش القمة.";
        Assert.True((await AnswerAsync("متى موعد القمة المقبلة بين الرئيسين؟", other)).Abstained);
        const string next = "تقرر عقد القمة المقبلة بين الرئيسين في شباط 2018.";
        Assert.Equal(next, Quoted(await AnswerAsync("متى موعد القمة المقبلة بين الرئيسين؟", other, next)));
    }

    [Fact]
    public async Task The_place_of_an_earlier_meeting_is_not_where_this_one_was()
    {
        const string here = "التقى الرئيسان على هامش القمة في دا نانغ بفيتنام.";
        const string earlier = "واستعرضا ما أنجز منذ آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز.";
        Assert.Equal(here, Quoted(await AnswerAsync("أين التقى الرئيسان؟", earlier, here)));
        Assert.Equal(earlier, Quoted(await AnswerAsync("أين كان آخر لقاء التقى فيه الرئيسان؟", here, earlier)));
        Assert.Equal(earlier, Quoted(await AnswerAsync("أين التقى الرئيسان في 7 تموز؟", here, earlier)));
    }

    [Fact]
    public async Task An_earlier_meeting_named_by_its_place_is_the_one_asked_about()
    {
        const string here = "التقى الرئيسان في 11 تشرين الثاني على هامش القمة في دا نانغ بفيتنام.";
        const string earlier = "واستعرضا ما أنجز منذ آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز.";
        Assert.Equal(earlier, Quoted(await AnswerAsync("متى التقى الرئيسان في هامبورغ؟", here, earlier)));
        // A country names no one meeting: the earlier one is still not this one.
        Assert.Equal(here, Quoted(await AnswerAsync("متى التقى الرئيسان في ألمانيا وفيتنام؟", earlier, here)));
    }

    [Theory]
    [InlineData("تقرر عقد الاجتماع التالي في أستانا.", true)]
    [InlineData("ستزداد المساعدات خلال الأشهر المقبلة.", false)]
    public void Next_names_one_of_a_series_unless_it_follows_a_span_of_time(string text, bool next) =>
        Assert.Equal(next, AnswerCues.Find(text, 0, text.Length, _analyzer).Any(cue => cue.Kinds.HasFlag(CueKinds.Next)));

    [Theory]
    [InlineData("إلامَ دعا الرئيسان؟")]
    [InlineData("علامَ اتفق الرئيسان؟")]
    public void A_preposition_fused_with_ما_is_an_interrogative_not_a_content_word(string question) =>
        Assert.Equal(2, QuestionIntent.Of(question, _analyzer).ContentWords.Count);

    [Theory]
    [InlineData("أين التقيا قبل قمة أبيك وفق بيانهما المشترك؟", "قمة أبيك")]
    [InlineData("ما التنظيمات التي بحثاها غير داعش؟", "داعش")]
    [InlineData("أين التقيا بعد ذلك؟", "")]
    public void The_point_of_reference_is_the_phrase_after_before_or_other_than(string question, string reference) =>
        Assert.Equal(_analyzer.Terms(reference).ToHashSet(), QuestionIntent.Of(question, _analyzer).ReferenceTerms);

    [Fact]
    public async Task Where_before_a_place_is_not_answered_by_that_place()
    {
        const string there = "التقى الرئيسان في دا نانغ بفيتنام.";
        const string before = "وكان الرئيسان قد التقيا في هامبورغ بألمانيا.";
        Assert.Equal(before, Quoted(await AnswerAsync("أين التقى الرئيسان قبل قمة فيتنام؟", there, before)));
        Assert.Equal(there, Quoted(await AnswerAsync("في أي مدينة فيتنامية التقى الرئيسان؟", there, before)));
    }

    [Fact]
    public async Task A_speaker_misspelt_by_one_letter_is_still_named()
    {
        const string said = "وقال إن لدى البلدين خلافات لم تحل بعد.";
        const string speaker = "وزير الخارجية ريكس تيلرسون يصدر بياناً.";
        var named = new Passage("doc#1", "doc", "وثيقة", 0, speaker.Length, speaker, 1);
        Assert.Equal(said, Quoted(await AnswerAsync("ماذا قال تيلرسن عن الخلافات بين البلدين؟", [said], [named], questionWordsKnown: false)));
        // A long vowel left out leaves a short stem («تلرس» of «تلرسون»), one slip from the named one's.
        Assert.Equal(said, Quoted(await AnswerAsync("ماذا قال تلرسون عن الخلافات بين البلدين؟", [said], [named], questionWordsKnown: false)));
        // A name more than one slip away is someone else's.
        Assert.True((await AnswerAsync("ماذا قال تيلمان عن الخلافات بين البلدين؟", [said], [named], questionWordsKnown: false)).Abstained);
    }

    [Fact]
    public async Task As_someone_says_names_the_speaker_only()
    {
        // «كما» is «as», not «ك» + «ما»: the word before «يقول» is no speaker to look for.
        const string said = "وأضاف الوزير: لم يكن من السهل الوصول إلى الاتفاق.";
        Assert.False((await AnswerAsync("هل كان الوصول إلى الاتفاق أمراً يسيراً كما يقول الوزير؟", said)).Abstained);
    }

    [Fact]
    public async Task Who_with_a_role_noun_is_an_identity_question()
    {
        const string unrelated = "أكد الرئيسان ضرورة إنهاء الحرب في سوريا وإحلال السلام فيها.";
        Assert.True((await AnswerAsync("من مؤلف رواية الحرب والسلام؟", unrelated)).Abstained);
        Assert.Equal(AnswerKind.Identity, QuestionIntent.Of("من رئيس وفد المعارضة؟", _analyzer).Kind);
        Assert.Equal(AnswerKind.Identity, QuestionIntent.Of("من قائد الوفد؟", _analyzer).Kind);
        Assert.Equal(AnswerKind.Any, QuestionIntent.Of("من ترأس وفد المعارضة؟", _analyzer).Kind);
    }

    [Fact]
    public async Task An_outcome_must_be_of_the_event_the_question_names()
    {
        const string otherMeeting = "أكدت إيران وروسيا وتركيا في ختام اجتماع أستانا دعمها لوقف إطلاق النار.";
        Assert.True((await AnswerAsync("ما الذي أسفرت عنه القمة التي جمعت روسيا وتركيا وإيران؟", otherMeeting)).Abstained);

        const string summit = "أسفرت القمة التي جمعت روسيا وتركيا وإيران عن اتفاق على دعم الحوار.";
        Assert.Equal(summit, Quoted(await AnswerAsync("ما الذي أسفرت عنه القمة التي جمعت روسيا وتركيا وإيران؟", otherMeeting, summit)));
    }

    [Fact]
    public async Task A_statement_named_after_a_document_s_author_is_that_document_s()
    {
        const string views = "المشاهدات : 5623 بيان مشترك حول الاجتماع الدولي";
        const string question = "كم عدد مشاهدات بيان تيلرسون؟";
        Assert.Equal(views, Quoted(await AnswerAsync(question, views)));

        // Once a retrieved document is titled with Tillerson, another document's view count is not his statement's.
        const string tillerson = "واشنطن وموسكو حققتا تقدماً في إقامة مناطق خفض التصعيد.";
        var titled = new Passage("tillerson#0", "tillerson", "تيلرسون: واشنطن وموسكو حققتا تقدماً", 0, tillerson.Length, tillerson, 0);
        Assert.True((await AnswerAsync(question, [views], titled)).Abstained);
    }

    [Fact]
    public async Task A_duration_must_be_of_the_event_the_question_names()
    {
        const string call = "أشار البيت الأبيض إلى أن الاتصال الهاتفي استغرق تقريباً ساعة ونصف، وأكد ترامب وبوتين ضرورة إنهاء الحرب.";
        // The call is the same event as «المكالمة»; the meeting in Da Nang is another one.
        Assert.Equal(call, Quoted(await AnswerAsync("كم استغرقت المكالمة بين ترامب وبوتين؟", call)));
        Assert.Equal(call, Quoted(await AnswerAsync("كم دامت المحادثة الهاتفية بين ترامب وبوتين؟", call)));
        Assert.True((await AnswerAsync("كم استغرق لقاء ترامب وبوتين في دا نانغ؟", call)).Abstained);
        // «ما المدة» asks the same as «كم».
        Assert.True((await AnswerAsync("ما المدة التي استغرقها اجتماع ترامب وبوتين في دا نانغ؟", call)).Abstained);
        Assert.Equal(call, Quoted(await AnswerAsync("ما المدة التي استغرقتها المكالمة بين ترامب وبوتين؟", call)));
    }

    [Fact]
    public async Task Who_did_it_is_not_answered_by_a_span_that_does_not_say_it_was_done()
    {
        const string hosted = "أعربت الدول عن امتنانها لرئيس جمهورية كازاخستان لاستضافة الجولة الثامنة من المباحثات.";
        await AssertAbstainsAsync(AbstainReasons.RelationMissing, "من ترأس وفد المعارضة في الجولة الثامنة من المباحثات؟", hosted);

        const string headed = "ترأس وفد المعارضة في الجولة الثامنة من المباحثات السيد أحمد طعمة.";
        Assert.Equal(headed, Quoted(await AnswerAsync("من الذي ترأس وفد المعارضة في الجولة الثامنة من المباحثات؟", hosted, headed)));
    }

    [Fact]
    public async Task A_later_part_answered_by_a_span_holding_the_earlier_parts_span_keeps_its_answer()
    {
        const string text = "اتفق الوزيران على إبقاء قنوات الاتصال العسكرية مفتوحة لضمان سلامة الطواقم. وأكدا أن هذه الجهود ستستمر حتى نهاية العام المقبل.";
        var answer = await AnswerAsync("ما الغرض من إبقاء قنوات الاتصال العسكرية مفتوحة؟ وإلى متى ستستمر هذه الجهود؟", text);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("حتى نهاية العام المقبل", StringComparison.Ordinal));
        Assert.Contains(answer.Citations, c => c.Quote.Contains("لضمان سلامة الطواقم", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_part_no_span_answers_is_said_to_be_unanswered()
    {
        const string question = "ما الغرض من إبقاء قنوات الاتصال العسكرية مفتوحة؟ وكم عدد الجنود المنتشرين في المنطقة؟";
        const string purpose = "اتفق الوزيران على إبقاء قنوات الاتصال العسكرية مفتوحة لضمان سلامة الطواقم.";
        const string noCount = "وصل الجنود المنتشرون إلى المنطقة.";
        var answer = await AnswerAsync(question, purpose, noCount);
        Assert.False(answer.Abstained);
        Assert.EndsWith(UnansweredParts.Note([1]), answer.Text, StringComparison.Ordinal);
        // The short answer is the first part's alone: nothing is cut from the quote for a part it does not answer.
        Assert.Equal((await AnswerAsync("ما الغرض من إبقاء قنوات الاتصال العسكرية مفتوحة؟", purpose, noCount)).ShortAnswer, answer.ShortAnswer);

        var both = await AnswerAsync(question, purpose, "ينتشر في المنطقة 500 من الجنود.");
        Assert.DoesNotContain(UnansweredParts.Note([1]), both.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("متى انعقد ذلك الاجتماع؟")]
    [InlineData("متى انعقد هؤلاء في الاجتماع؟")]
    public void A_demonstrative_is_no_content_word(string question) =>
        Assert.Equal(["انعقد", "اجتماع"], QuestionIntent.Of(question, _analyzer).ContentWords.Select(w => w.Terms[0]));

    [Fact]
    public async Task A_word_that_attributes_is_not_the_verb_it_shares_a_root_with()
    {
        // «وفق المتحدث» (according to) is not «اتفق» (agreed): the sentence does not say who agreed.
        await AssertAbstainsAsync(AbstainReasons.RelationMissing, "من الذي اتفق مع بوتين على البيان؟", "أصدر ترامب البيان مع بوتين، وفق المتحدث.");
        Assert.False((await AnswerAsync("من الذي اتفق مع بوتين على البيان؟", "اتفق ترامب مع بوتين على البيان، وفق المتحدث.")).Abstained);
    }

    [Fact]
    public async Task A_part_about_whoever_did_something_is_unanswered_when_no_span_says_who()
    {
        // «وبأي صفة؟» is read with «من الذي وقّع مذكرة المبادئ»: it asks about the signer, whom the sentence does not name.
        const string welcomed = "رحب الرئيسان بمذكرة المبادئ المبرمة في عمان بين الأردن وروسيا.";
        Assert.True((await AnswerAsync("من الذي وقّع مذكرة المبادئ في عمان، وبأي صفة؟", welcomed)).Abstained);

        // A part read with the subject of a «when» part asks about the event itself, whatever became of the other part.
        const string done = "أنجز الرئيسان في لقائهما بألمانيا اتفاقا لوقف إطلاق النار.";
        Assert.False((await AnswerAsync("متى التقى الرئيسان في ألمانيا، وماذا أنجزا؟", done)).Abstained);
    }

    [Fact]
    public async Task A_part_asking_for_what_no_quote_holds_is_unanswered_though_the_quotes_say_its_words()
    {
        // The quote says the meeting and the summit (most of the second part's words), but no duration.
        const string met = "ناقش الرئيسان الأزمة السورية في اجتماعهما على هامش قمة أبيك.";
        var answer = await AnswerAsync("ماذا ناقش الرئيسان على هامش قمة أبيك؟ وكم دقيقة دام اجتماع الرئيسين على هامش القمة؟", met);
        Assert.False(answer.Abstained);
        Assert.EndsWith(UnansweredParts.Note([1]), answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1 }, "لم أجد في الوثائق ما يجيب عن الشق الثاني من السؤال.")]
    [InlineData(new[] { 0, 2 }, "لم أجد في الوثائق ما يجيب عن الشقين الأول والثالث من السؤال.")]
    public void An_unanswered_part_is_named_by_its_place(int[] parts, string note) => Assert.Equal(note, UnansweredParts.Note(parts));

    [Fact]
    public async Task A_span_that_shares_only_the_places_named_does_not_answer_what_is_asked_about_them()
    {
        const string places = "بيان مشترك لإيران وروسيا وتركيا حول الاجتماع الدولي الخاص بسوريا في أستانا.";
        await AssertAbstainsAsync(AbstainReasons.PlacesOnly, "ما المنصب الذي يشغله قائد وفد إيران إلى أستانا؟", places);

        // The same places with one of the words asked about answer it.
        const string delegation = "ترأس وفد إيران إلى أستانا مساعد وزير الخارجية حسين جابري أنصاري.";
        Assert.Equal(delegation, Quoted(await AnswerAsync("ما المنصب الذي يشغله قائد وفد إيران إلى أستانا؟", places, delegation)));
    }

    [Fact]
    public async Task A_place_the_gazetteer_lacks_is_still_a_place_when_the_text_says_it_through_its_country()
    {
        // «كوتا كينابالو» is in no gazetteer; «بماليزيا» after it says it is a place.
        const string summit = "التقى الوزيران في كوتا كينابالو بماليزيا على هامش القمة.";
        await AssertAbstainsAsync(AbstainReasons.PlacesOnly, "ما أشهر الأسواق الشعبية في كوتا كينابالو؟", summit);
        Assert.Equal(summit, Quoted(await AnswerAsync("أين التقى الوزيران على هامش القمة؟", summit)));
    }

    [Theory]
    [InlineData("من ترأس وفد المعارضة؟", "تراس")]
    [InlineData("من الذي وقع المذكرة؟", "وقع")]
    [InlineData("من أين ستتابع الترتيبات؟", null)]
    [InlineData("من الطرف الذي ضمن الاتفاق؟", null)]
    [InlineData("من هو وزير الخارجية؟", null)]
    [InlineData("متى ترأس الوزير الوفد؟", null)]
    public void The_relation_asked_about_is_the_verb_after_an_opening_who(string question, string? predicate) =>
        Assert.Equal(predicate, QuestionIntent.Of(question, _analyzer).ContentWords.SingleOrDefault(w => w.IsPredicate)?.Terms[0]);

    [Fact]
    public async Task An_amount_must_be_of_the_noun_after_the_measure_word()
    {
        const string otherNumber = "دعا الرئيسان إلى زيادة المساعدات الإنسانية لسوريا خلال العام المقبل في مؤتمر يحضره قادة 40 دولة.";
        Assert.True((await AnswerAsync("كم مبلغ المساعدات الإنسانية لسوريا؟", otherNumber)).Abstained);

        const string amount = "تعهدت الدول بتقديم مساعدات إنسانية لسوريا بقيمة 500 مليون دولار.";
        Assert.Equal(amount, Quoted(await AnswerAsync("ما قيمة المساعدات الإنسانية لسوريا؟", otherNumber, amount)));
    }

    [Fact]
    public async Task The_noun_that_names_the_kind_of_answer_is_not_looked_for()
    {
        // «المدة» says a duration is wanted; the text gives the duration without the word.
        const string call = "أجرى الرئيسان اتصالاً هاتفياً استغرق ساعة ونصف الساعة، وفق بيان البيت الأبيض.";
        Assert.Equal(call, Quoted(await AnswerAsync("ما المدة الزمنية التي دامها الاتصال الهاتفي بين الرئيسين؟", call)));
        foreach (var question in new[] { "ما المدة التي استغرقها الاتصال؟", "ما عدد السوريين العائدين؟", "ما قيمة المساعدات؟" })
        {
            Assert.True(QuestionIntent.Of(question, _analyzer).ContentWords[0].NamesAnswerKind, question);
        }
    }

    [Fact]
    public async Task A_unit_of_time_with_the_article_is_not_an_amount()
    {
        const string months = "دعا الرئيسان إلى زيادة المساعدات الإنسانية لسوريا خلال الأشهر المقبلة.";
        Assert.True((await AnswerAsync("ما قيمة المساعدات الإنسانية لسوريا؟", months)).Abstained);
        Assert.Equal(AnswerKind.Quantity, QuestionIntent.Of("ما قيمة المساعدات؟", _analyzer).Kind);
    }

    [Fact]
    public async Task A_past_verb_meets_its_present_on_the_rough_root()
    {
        // «رحبت» and «ترحب» share no stem; on the rough root they are the same verb, so the sentence has two of the words.
        const string welcomes = "ترحب اللجنة بالاتفاق الجديد.";
        Assert.Equal(welcomes, Quoted(await AnswerAsync("ما الذي رحبت به اللجنة العليا أمس؟", welcomes)));
    }

    [Fact]
    public async Task A_rough_root_is_taken_from_the_word_not_from_a_guessed_proclitic()
    {
        // «فيروس» read as ف + «يروس» would meet «روسيا» on the rough root «روس»: a word is not two guesses away from another.
        const string teams = "بمشاركة فرق خبراء من روسيا والأردن.";
        Assert.True((await AnswerAsync("ما الفرق بين الفيروس والبكتيريا؟", teams)).Abstained);
    }

    [Fact]
    public async Task Two_of_several_words_met_far_apart_are_coincidence()
    {
        const string far = "تؤكد الدول الضامنة عزمها على التفاعل الوثيق بشكل منتظم لدعم التحضير لمؤتمر حوار وطني وعقده في سوتشي بتاريخ 29-30 كانون الثاني بمشاركة جميع شرائح المجتمع والدعوة إلى تمثيل حكومة البلاد والمعارضة الملتزمة بسيادة البلاد واستقلالها ووحدتها وسلامة أراضيها والطبيعة غير المجزأة للجمهورية العربية.";
        Assert.True((await AnswerAsync("ما أفضل طريقة لتحضير القهوة العربية؟", far)).Abstained);

        const string near = "أفضل طريقة لتحضير القهوة أن تغلى على نار هادئة.";
        Assert.Contains(near, Quoted(await AnswerAsync("ما أفضل طريقة لتحضير القهوة العربية؟", far, near)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_two_words_of_a_two_word_question_met_in_different_sentences_are_coincidence()
    {
        const string apart = "واشنطن العاصمة 11 تشرين الثاني/نوفمبر، 2017\nأكد الرئيسان اليوم على هامش مؤتمر أبيك في دا نانغ بفيتنام التزامهما.";
        Assert.True((await AnswerAsync("ما هي عاصمة فيتنام؟", apart)).Abstained);

        const string together = "هانوي هي عاصمة فيتنام.";
        Assert.Contains(together, Quoted(await AnswerAsync("ما هي عاصمة فيتنام؟", apart, together)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_question_is_answered_only_by_a_span_with_a_year()
    {
        const string dayOnly = "صادق الرئيسان على البيان المشترك حول سوريا يوم 11 الشهر الجاري.";
        Assert.True((await AnswerAsync("في أي عام صادق الرئيسان على البيان المشترك حول سوريا؟", dayOnly)).Abstained);

        const string year = "صادق الرئيسان على البيان المشترك حول سوريا في تشرين الثاني 2017.";
        Assert.Equal(year, Quoted(await AnswerAsync("في أي عام صادق الرئيسان على البيان المشترك حول سوريا؟", dayOnly, year)));
    }

    [Fact]
    public async Task Colloquial_function_words_are_not_evidence_to_look_for()
    {
        // "رح" (will) and "يلي" (which) occur in no document; counted as content they would sink a well-matched answer.
        const string answer = "وستستمر متابعة ترتيبات وقف إطلاق النار المتفق عليها من خلال مركز المتابعة في عمان.";
        var answered = await AnswerAsync("عن طريق شو رح تنتابع ترتيبات وقف إطلاق النار يلي اتفقوا عليها؟", answer);
        Assert.Equal(answer, Quoted(answered));
        Assert.DoesNotContain(QuestionIntent.Of("شو رح يصير يلي بعده؟", _analyzer).ContentWords, w => w.Terms.Contains("رح") || w.Terms.Contains("يل"));
        var gulf = QuestionIntent.Of("وش الآليات اللي بحثوها أثناء الاجتماع عشان الاستقرار؟", _analyzer).ContentWords.SelectMany(w => w.Terms).ToList();
        Assert.DoesNotContain("وش", gulf);
        Assert.DoesNotContain("اثناء", gulf);
        Assert.DoesNotContain(gulf, t => t.StartsWith("عش", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ما نوع السلاح الذي يرى الوزير أن على موسكو منع استعماله؟", "ير")]
    [InlineData("ما الذي رأت الدول الضامنة أنه قريب؟", "رات")]
    public void A_verb_of_opinion_frames_the_question(string question, string verb)
    {
        // "يرى/رأت" (thinks) frames what follows, like "قال": the text says it in other words or not at all.
        Assert.True(QuestionIntent.Of(question, _analyzer).ContentWords.Single(w => w.Terms.Contains(verb)).IsFraming);
    }

    [Theory]
    [InlineData("إلى متى سيستمر العمل المشترك ضد داعش وفق البيان الذي نقله موقع الوقت؟", "نقل")]
    [InlineData("كيف وصف البيان طابع سوريا كما أورده موقع الوقت؟", "اورد")]
    public void A_verb_of_reporting_after_kama_or_a_relative_cites_the_source(string question, string verb)
    {
        // «…الذي نقله موقع الوقت», «كما أورده…»: the verb frames, the source after it is cited, and the outlet's kind is no
        // word of what is asked (the documents name «الوقت» without «موقع»).
        var words = QuestionIntent.Of(question, _analyzer).ContentWords;
        Assert.True(words.Single(w => w.Terms.Contains(verb)).IsFraming);
        Assert.False(words.Single(w => w.Terms.Contains(verb)).IsAskedAction);
        Assert.True(words.Single(w => w.Terms.Contains("وقت")).IsAttribution);
        Assert.True(words.Single(w => w.Terms.Contains("موقع")).IsFraming);
    }

    [Fact]
    public void A_verb_of_reporting_that_is_asked_about_stays_content()
    {
        // «ماذا نقل موقع الوقت عن…» asks what was reported: no «كما» or relative before the verb.
        var words = QuestionIntent.Of("ماذا نقل موقع الوقت عن القمة؟", _analyzer).ContentWords;
        Assert.False(words.Single(w => w.Terms.Contains("نقل")).IsFraming);
    }

    [Fact]
    public async Task A_noun_that_after_a_preposition_only_joins_words_is_not_evidence()
    {
        // «إلى جانب» is "besides": a sentence with «الجانب» in another sense (and "آخر" as "last") is not about this.
        const string otherSense = "أكد الجانب الروسي أن آخر بؤر الإرهاب في سوريا تقترب من نهايتها.";
        const string answer = "تحدث ترامب مع بوتين عن كوريا الشمالية أيضاً.";
        var other = new Passage("other#0", "other", "وثيقة أخرى", 0, answer.Length, answer, 0);
        Assert.Equal(answer, Quoted(await AnswerAsync("عن أي بلد آخر إلى جانب سوريا قال ترامب إنه تحدث مع بوتين؟", [otherSense], other)));

        Assert.DoesNotContain(QuestionIntent.Of("عن أي بلد إلى جانب سوريا تحدثا؟", _analyzer).ContentWords, w => w.Terms.Contains("جانب"));
        Assert.DoesNotContain(QuestionIntent.Of("ما الخطر في حال غياب الاستقرار؟", _analyzer).ContentWords, w => w.Terms.Contains("حال"));
        Assert.Contains(QuestionIntent.Of("ماذا قال الجانب الروسي؟", _analyzer).ContentWords, w => w.Terms.Contains("جانب"));
    }

    [Fact]
    public async Task Who_is_needs_the_person_named_with_the_description_the_question_gives()
    {
        const string scattered = "رحب رئيس المملكة بالمذكرة التي وقعتها الوزراء في عمان بالأردن.";
        Assert.True((await AnswerAsync("من هو رئيس الوزراء الأردني الذي وقع المذكرة في عمان؟", scattered)).Abstained);

        const string named = "وقع رئيس الوزراء الأردني هاني الملقي المذكرة في عمان.";
        Assert.Equal(named, Quoted(await AnswerAsync("من هو رئيس الوزراء الأردني الذي وقع المذكرة في عمان؟", scattered, named)));
    }

    [Fact]
    public async Task A_name_question_is_answered_where_a_name_follows_the_description_not_where_the_text_only_mentions_it()
    {
        const string endsWithIt = "رحب الحاضرون بكلمة وزير الخارجية الأردني.";
        const string goesOnWithTheQuestion = "ألقى وزير الخارجية الأردني كلمة في المؤتمر.";
        const string named = "ألقى وزير الخارجية الأردني أيمن الصفدي كلمة.";

        await AssertAbstainsAsync(AbstainReasons.AnswerKindMissing, "ما اسم وزير الخارجية الأردني؟", endsWithIt);
        await AssertAbstainsAsync(AbstainReasons.AnswerKindMissing, "ما اسم وزير الخارجية الأردني الذي ألقى كلمة في المؤتمر؟", goesOnWithTheQuestion);
        Assert.Equal(named, Quoted(await AnswerAsync("ما اسم وزير الخارجية الأردني؟", endsWithIt, named)));
        // «من هو…» asks who he is, which the description itself may say: only a name question wants the name.
        Assert.True(QuestionIntent.Of("ما اسم وزير الخارجية الأردني؟", _analyzer).AsksName);
        Assert.False(QuestionIntent.Of("من هو وزير الخارجية الأردني؟", _analyzer).AsksName);
        Assert.False((await AnswerAsync("من هو وزير الخارجية الأردني؟", endsWithIt)).Abstained);
    }

    [Theory]
    [InlineData("على ماذا اتفق الوزيران في الاجتماع؟", "اتفق")]
    [InlineData("ما الذي اتفق عليه الوزيران؟", "اتفق")]
    [InlineData("بماذا خرجت القمة الثلاثية؟", "خرجت")]
    [InlineData("لماذا قبلت الحكومة البند؟", "قبلت")]
    [InlineData("في أي مدينة استقبل الرئيس ضيفه؟", "استقبل")]
    [InlineData("الوفد كيف استقبل البيان؟", "استقبل")]
    [InlineData("ما موقف الحكومة من البيان؟", null)]
    [InlineData("ماذا قال الوزير عن البيان؟", null)]
    [InlineData("من ترأس الوفد؟", null)]
    [InlineData("كم عدد الوفود؟", null)]
    public void The_action_asked_about_is_the_word_after_the_interrogative(string question, string? action) =>
        Assert.Equal(action is null ? null : _analyzer.Terms(action)[0], QuestionIntent.Of(question, _analyzer).ContentWords.SingleOrDefault(w => w.IsAskedAction)?.Terms[0]);

    [Fact]
    public async Task A_name_question_accepts_the_other_spelling_of_a_foreign_name()
    {
        const string named = "قال وزير الخارجية الأميركي ريكس تيلرسون إن على الأطراف ضمان الاستقرار.";
        Assert.Equal(named, Quoted(await AnswerAsync("ما الاسم الكامل لوزير الخارجية الأمريكي؟", named)));
    }

    [Fact]
    public async Task An_ordinal_picks_one_of_a_series()
    {
        const string eighth = "عقدت الجولة الثامنة من مباحثات أستانا في 21 كانون الأول 2017.";
        Assert.True((await AnswerAsync("متى عقدت الجولة السابعة من مباحثات أستانا؟", eighth)).Abstained);
        Assert.Equal(eighth, Quoted(await AnswerAsync("متى عقدت الجولة الثامنة من مباحثات أستانا؟", eighth)));
    }

    [Fact]
    public async Task What_a_capital_is_asks_for_a_city_not_the_state_it_is_the_capital_of()
    {
        Assert.True(QuestionIntent.Of("ما عاصمة ولاية فلوريدا؟", _analyzer).AsksSettlement);
        Assert.True((await AnswerAsync("ما هي عاصمة ولاية فلوريدا الأمريكية؟", "غادر الرئيس الأمريكي البيت الأبيض إلى ولاية فلوريدا.")).Abstained);
    }

    [Fact]
    public async Task The_name_of_a_city_asks_where_as_which_city_does_not_who()
    {
        var intent = QuestionIntent.Of("ما اسم المدينة الألمانية التي التقى فيها الرئيسان آخر مرة؟", _analyzer);
        Assert.Equal(AnswerKind.Place, intent.Kind);
        Assert.True(intent.AsksSettlement);
        Assert.Contains(intent.ContentWords, w => w.NamesAnswerKind && w.Terms.Contains("مدين"));
        // Of a person, the name still asks who.
        Assert.Equal(AnswerKind.Identity, QuestionIntent.Of("ما اسم وزير الخارجية الأمريكي؟", _analyzer).Kind);

        const string met = "استعرض الرئيسان ما تم في آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز.";
        Assert.Equal(met, Quoted(await AnswerAsync("شو اسم المدينة الألمانية اللي التقى فيها الرئيسان آخر مرة؟", met)));
    }

    [Fact]
    public async Task The_noun_after_which_need_not_be_in_the_answer()
    {
        const string city = "صدر البيان عن مكتب المتحدث الرسمي في واشنطن العاصمة.";
        Assert.Equal(city, Quoted(await AnswerAsync("في أي مدينة صدر البيان عن مكتب المتحدث الرسمي؟", city)));
    }
}
