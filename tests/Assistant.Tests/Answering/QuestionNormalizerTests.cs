using Assistant.Answering;
using Assistant.Analysis;
using Assistant.Answering.Normalization;

namespace Assistant.Tests.Answering;

public sealed class QuestionNormalizerTests
{
    private static readonly QuestionNormalizer Normalizer = new(new ArabicTextAnalyzer());

    [Theory]
    [InlineData("س5) ما عاصمة الأردن؟")]
    [InlineData("س 5 - ما عاصمة الأردن؟")]
    [InlineData("س-2: ما عاصمة الأردن؟")]
    [InlineData("Q-3 ما عاصمة الأردن؟")]
    [InlineData("2- ما عاصمة الأردن؟")]
    [InlineData("Q3. ما عاصمة الأردن؟")]
    [InlineData("(٤) ما عاصمة الأردن؟")]
    [InlineData("السؤال السابع: ما عاصمة الأردن؟")]
    [InlineData("سؤال رقم 12: ما عاصمة الأردن؟")]
    [InlineData("أولاً: ما عاصمة الأردن؟")]
    [InlineData("• ما عاصمة الأردن؟")]
    [InlineData("ما عاصمة الأردن؟ (س3)")]
    [InlineData("Question 6: ما عاصمة الأردن؟")]
    [InlineData("#2 ما عاصمة الأردن؟")]
    [InlineData("رقم 4: ما عاصمة الأردن؟")]
    [InlineData("2.3 ما عاصمة الأردن؟")]
    [InlineData("1.2. ما عاصمة الأردن؟")]
    [InlineData("3️⃣ ما عاصمة الأردن؟")]
    [InlineData("ب) ما عاصمة الأردن؟")]
    [InlineData("(أ) ما عاصمة الأردن؟")]
    [InlineData("أ- ما عاصمة الأردن؟")]
    [InlineData("b) ما عاصمة الأردن؟")]
    [InlineData("س: ما عاصمة الأردن؟")]
    [InlineData("Q: ما عاصمة الأردن؟")]
    [InlineData("ما عاصمة الأردن (3)؟")]
    public void Question_numbers_and_list_markers_are_not_part_of_the_question(string numbered) =>
        Assert.Equal("ما عاصمة الأردن؟", Normalizer.Normalize(numbered).Text);

    [Theory]
    [InlineData("1- متى انعقد الاجتماع؟\n2- أين انعقد الاجتماع؟")]
    [InlineData("س1) متى انعقد الاجتماع؟ س2) أين انعقد الاجتماع؟")]
    [InlineData("أ. متى انعقد الاجتماع؟\nب. أين انعقد الاجتماع؟")]
    public void Each_question_of_a_numbered_list_loses_its_marker(string listed) =>
        Assert.Equal("متى انعقد الاجتماع؟ أين انعقد الاجتماع؟", Normalizer.Normalize(listed).Text);

    [Theory]
    [InlineData("سِ٢: مَتى عُقِدَ الاجتماعُ؟", "متى عقد الاجتماع؟")]
    [InlineData("متـــى عقد الاجتمـاع؟", "متى عقد الاجتماع؟")]
    [InlineData("من وقّع المذكرة؟", "من وقّع المذكرة؟")]
    [InlineData("هل كان الاجتماع مثمراً؟", "هل كان الاجتماع مثمراً؟")]
    public void Short_vowels_and_tatweel_are_dropped_and_shadda_and_tanween_stay(string typed, string read) =>
        Assert.Equal(read, Normalizer.Normalize(typed).Text);

    [Fact]
    public void A_when_typed_with_a_dotted_ya_still_opens_a_second_question() =>
        Assert.Equal(["متى انعقد الاجتماع الأول في عمان", "ومتى سيعقد الاجتماع التالي في جنيف؟"],
            QuestionParts.Split(Normalizer.Normalize("متي انعقد الاجتماع الأول في عمان، ومتي سيعقد الاجتماع التالي في جنيف؟").Text, new ArabicTextAnalyzer()));

    [Theory]
    [InlineData("8 تشرين الثاني هو تاريخ أي مذكرة؟")]
    [InlineData("2254 هو رقم أي قرار؟")]
    [InlineData("هل عقد الاجتماع في 21/12؟")]
    public void A_number_or_letter_that_is_part_of_the_question_stays(string question) =>
        Assert.Equal(question, Normalizer.Normalize(question).Text);

    [Theory]
    [InlineData("مرحبا، ما عاصمة الأردن؟")]
    [InlineData("السلام عليكم، سؤالي هو: ما عاصمة الأردن؟")]
    [InlineData("لو سمحت ما عاصمة الأردن؟ شكراً جزيلاً")]
    [InlineData("يا ريت توضحلي الله يخليك، ما عاصمة الأردن؟")]
    [InlineData("بحسب الوثائق، ما عاصمة الأردن؟")]
    [InlineData("بناءً على الأخبار المتوفرة، ما عاصمة الأردن؟")]
    [InlineData("وفقاً للمستندات المتوفرة لديك، ما عاصمة الأردن؟")]
    [InlineData("بناءً على الوثائق فقط: ما عاصمة الأردن؟")]
    [InlineData("مرحبا، عندي سؤال بسيط لو تكرمت: ما عاصمة الأردن؟")]
    [InlineData("ممكن مساعدة سريعة please: ما عاصمة الأردن؟")]
    [InlineData("ما عاصمة الأردن بحسب الوثائق؟")]
    [InlineData("ما عاصمة الأردن كما تقول الوثائق؟")]
    [InlineData("أريد أن أعرف ما عاصمة الأردن؟")]
    [InlineData("ممكن تقولي ما عاصمة الأردن؟")]
    [InlineData("صباح الخير! ما عاصمة الأردن؟ وشكراً مقدماً")]
    [InlineData("ما عاصمة الأردن؟ وفقاً للوثائق المتاحة")]
    [InlineData("بدي أتأكد: ما عاصمة الأردن؟")]
    [InlineData("أتمنى تساعدني، عايز أفهم ما عاصمة الأردن؟")]
    [InlineData("أحتاج إلى معرفة ما عاصمة الأردن؟")]
    [InlineData("يا ريت تقلي ما عاصمة الأردن؟")]
    [InlineData("هلا والله، كيفك؟ ممكن تقلي ما عاصمة الأردن؟ يعطيك العافية")]
    [InlineData("أهلين، شلونك؟ ما عاصمة الأردن؟")]
    public void Greetings_thanks_politeness_and_framing_are_cut_from_the_question(string wrapped) =>
        Assert.Equal("ما عاصمة الأردن؟", Normalizer.Normalize(wrapped).Text);

    [Theory]
    [InlineData("من هو الوزير المذكور في الوثائق؟")]
    [InlineData("من هو الوزير الوارد في النص؟")]
    [InlineData("من هو الوزير اللي في الأخبار؟")]
    [InlineData("من هو الوزير المذكور في البيان؟")]
    [InlineData("من هو الوزير الوارد في التقرير؟")]
    public void Where_the_asked_one_is_mentioned_is_framing_too(string framed) =>
        Assert.Equal("من هو الوزير؟", Normalizer.Normalize(framed).Text);

    [Theory]
    [InlineData("أنا صحفي وأعد تقريراً عن الأزمة السورية. متى انعقد الاجتماع الدولي في أستانا؟")]
    [InlineData("مرحبا 👋\nأعمل على ورقة بحثية حول المفاوضات.\nمتى انعقد الاجتماع الدولي في أستانا؟\nممتن لك مسبقاً")]
    [InlineData("متى انعقد الاجتماع الدولي في أستانا؟ أحتاج التاريخ لبحثي.")]
    // A line that ends with a colon introduces the next; it does not run into it.
    [InlineData("مساء الخير، أراجع مادة عن المفاوضات ولدي سؤال واحد:\nمتى انعقد الاجتماع الدولي في أستانا؟")]
    // A line that opens with an interrogative starts the question; the line before it tells.
    [InlineData("في سياق مراجعتنا لتقرير منشور عن المفاوضات،\nمتى انعقد الاجتماع الدولي في أستانا؟")]
    public void What_the_asker_tells_around_a_question_that_stands_alone_is_dropped(string told) =>
        Assert.Equal("متى انعقد الاجتماع الدولي في أستانا؟", Normalizer.Normalize(told).Text);

    [Theory]
    // Typed over lines without a question mark: the line holding an interrogative asks, the others tell.
    [InlineData("مرحبا\nعم نكتب تقرير عن المفاوضات\nمتى انعقد الاجتماع الدولي في أستانا\nمشكورين")]
    [InlineData("عم حضّر ملخص عن المفاوضات\nالاجتماع الدولي في أستانا انعقد امتى")]
    public void Lines_without_question_marks_are_sentences_and_the_one_with_an_interrogative_asks(string told) =>
        Assert.DoesNotContain("المفاوضات", Normalizer.Normalize(QuestionText.Clean(told, keepLineBreaks: true)).Text);

    [Fact]
    public void A_line_that_says_who_the_asker_is_from_does_not_ask_by_its_from()
    {
        // «من» opening no sentence is a preposition: both lines tell, neither asks, and nothing is dropped.
        const string told = "أنا صحفي من الأردن\nأكتب عن الاجتماع الدولي في أستانا";
        Assert.Contains("الأردن", Normalizer.Normalize(QuestionText.Clean(told, keepLineBreaks: true)).Text);
    }

    [Theory]
    [InlineData("  متى \r\n\n انعقد  \t الاجتماع؟ \n", true, "متى\nانعقد الاجتماع؟")]
    [InlineData("  متى \r\n\n انعقد  \t الاجتماع؟ \n", false, "متى انعقد الاجتماع؟")]
    public void Cleaning_collapses_blanks_and_keeps_a_line_break_only_when_asked(string raw, bool keepLineBreaks, string clean) =>
        Assert.Equal(clean, QuestionText.Clean(raw, keepLineBreaks));

    [Theory]
    // The question points back at the context, or names too little to stand alone.
    [InlineData("ذكر بوتين مدينة سيطر عليها الجيش السوري. ما اسم هذه المدينة وأين تقع؟")]
    [InlineData("قرأت عن اجتماع أستانا الثامن. متى انعقد؟")]
    public void Context_a_question_leans_on_stays(string told) =>
        Assert.Equal(told, Normalizer.Normalize(told).Text);

    [Theory]
    [InlineData("الوفود ديل وصلوا أستانا ح تكون الجولة متين؟", "الوفود هؤلاء وصلوا أستانا سوف تكون الجولة متى؟")]
    [InlineData("هدول الوفود شو قالوا؟", "هؤلاء الوفود ماذا قالوا؟")]
    public void Dialect_demonstratives_and_the_separate_future_particle_read_as_standard_arabic(string question, string normalized) =>
        Assert.Equal(normalized, Normalizer.Normalize(question).Text);

    [Theory]
    [InlineData("ما يا ترى عاصمة الأردن؟")]
    [InlineData("ما عاصمة الأردن بالضبط؟")]
    [InlineData("ما من فضلك عاصمة الأردن تحديداً؟")]
    [InlineData("ما عاصمة الأردن على وجه الدقة؟")]
    [InlineData("ما عاصمة الأردن بالزبط؟")]
    public void Interjections_inside_the_question_are_cut(string question) =>
        Assert.Equal("ما عاصمة الأردن", Normalizer.Normalize(question).Text.TrimEnd('؟'));

    [Theory]
    [InlineData("من يعني ترأس الوفد؟", "من ترأس الوفد؟")]
    [InlineData("كم يعني عدد الوفود؟", "كم عدد الوفود؟")]
    [InlineData("ماذا يعني القرار؟", "ماذا يعني القرار؟")]
    public void Yani_after_who_when_where_or_how_many_is_a_filler_and_after_what_a_verb(string question, string normalized) =>
        Assert.Equal(normalized, Normalizer.Normalize(question).Text);

    /// <summary>The terms of a small corpus about a meeting in Astana: what the documents are taken to use.</summary>
    private static readonly HashSet<string> CorpusTerms = new ArabicTextAnalyzer().Terms("انعقد الاجتماع الدولي في أستانا بحضور الوفود ووزير الخارجية").ToHashSet();

    [Theory]
    [InlineData("أخي الكريم، متى انعقد الاجتماع الدولي في أستانا؟")]
    [InlineData("تحية طيبة، وبعد: متى انعقد الاجتماع الدولي في أستانا؟")]
    [InlineData("اسمح لي بسؤال: متى انعقد الاجتماع الدولي في أستانا؟")]
    public void An_address_before_the_question_in_words_the_documents_never_use_is_dropped(string addressed) =>
        Assert.Equal("متى انعقد الاجتماع الدولي في أستانا؟", Normalizer.Normalize(addressed, used: CorpusTerms.Contains).Text);

    [Theory]
    [InlineData("<script>alert(1)</script> أين انعقد الاجتماع؟", "أين انعقد الاجتماع؟")]
    [InlineData("<b>متى</b> انعقد <i>الاجتماع</i>؟", "متى انعقد الاجتماع؟")]
    [InlineData("أين انعقد الاجتماع؟ <style>p{color:red}</style>", "أين انعقد الاجتماع؟")]
    [InlineData("هل 3 < 5 في القرار؟", "هل 3 < 5 في القرار؟")]
    [InlineData("<script>alert(1)</script> **أين** [اضغط](javascript:alert(1)) انعقد الاجتماع؟", "أين اضغط انعقد الاجتماع؟")]
    [InlineData("من حضر [الاجتماع](http://evil.example/a_(b)) في أستانا؟", "من حضر الاجتماع في أستانا؟")]
    [InlineData("متى انعقد الاجتماع؟ https://example.com/q?id=5", "متى انعقد الاجتماع؟")]
    [InlineData("أين انعقد `الاجتماع` حسب www.example.org؟", "أين انعقد الاجتماع حسب؟")]
    [InlineData("ما نص القرار: «وقف إطلاق النار»؟", "ما نص القرار: «وقف إطلاق النار»؟")]
    public void Markup_pasted_with_the_question_is_not_part_of_it(string question, string normalized) =>
        Assert.Equal(normalized, Normalizer.Normalize(question).Text);

    [Theory]
    [InlineData("مين وصل عالعاصمة قبل الاجتماع؟", "من وصل على العاصمة قبل الاجتماع؟")]
    [InlineData("شو اتفقوا وعالحدود كمان؟", "ماذا اتفقوا وعلى الحدود أيضا؟")]
    // Words of their own that open with the same letters, and a fused word whose noun the documents never use, stay.
    [InlineData("ما دور العالم في الاجتماع؟", "ما دور العالم في الاجتماع؟")]
    [InlineData("هل كان الوفد عالمياً؟", "هل كان الوفد عالمياً؟")]
    [InlineData("مين وقف عالباب؟", "من وقف عالباب؟")]
    public void The_fused_preposition_ع_is_read_as_على_only_when_the_documents_use_the_noun_and_not_the_word(string question, string normalized) =>
        Assert.Equal(normalized, Normalizer.Normalize(question, used: FusedCorpusTerms.Contains).Text);

    /// <summary>A corpus that speaks of a capital, borders and the world, never of a door.</summary>
    private static readonly HashSet<string> FusedCorpusTerms = new ArabicTextAnalyzer().Terms("وصل الوفد إلى العاصمة وناقش الحدود ودور العالم والمنظمات العالمية").ToHashSet();

    [Theory]
    // The rest names too little without it, or the clause uses the documents' words, or it asks.
    [InlineData("الزعيمان، أين التقيا؟")]
    [InlineData("وزير الخارجية، متى انعقد الاجتماع الدولي في أستانا؟")]
    [InlineData("هل حضر الزعيمان؟ متى انعقد الاجتماع الدولي في أستانا؟")]
    public void A_leading_clause_that_may_be_what_is_asked_about_stays(string question) =>
        Assert.Equal(question, Normalizer.Normalize(question, used: CorpusTerms.Contains).Text);

    [Theory]
    [InlineData("ما الذي أكده الوزير بحسب البيان؟")]
    [InlineData("ما نص القرار 2254؟")]
    [InlineData("متى عقدت الجولة 8 من المحادثات؟")]
    [InlineData("8 تشرين الثاني: ماذا حدث فيه؟")]
    [InlineData("ما الذي جرى في 19-20 كانون الثاني؟")]
    public void What_is_asked_stays_as_it_is(string question) =>
        Assert.Equal(question, Normalizer.Normalize(question).Text);

    [Theory]
    [InlineData("شو قال الوزير؟", "ماذا قال الوزير؟")]
    [InlineData("إمتى رح يلتقي الوزيران؟", "متى سوف يلتقي الوزيران؟")]
    [InlineData("وين انعقد المؤتمر؟", "أين انعقد المؤتمر؟")]
    [InlineData("فين انعقد المؤتمر؟", "أين انعقد المؤتمر؟")]
    [InlineData("إمتى انعقد المؤتمر؟", "متى انعقد المؤتمر؟")]
    [InlineData("قديش عدد الوفود؟", "كم عدد الوفود؟")]
    [InlineData("ليش انسحب الوفد؟", "لماذا انسحب الوفد؟")]
    [InlineData("إزاي انتهى الاجتماع؟", "كيف انتهى الاجتماع؟")]
    [InlineData("مين اللي ترأس الوفد؟", "من الذي ترأس الوفد؟")]
    [InlineData("علاش انسحب الوفد؟", "لماذا انسحب الوفد؟")]
    [InlineData("وليش انسحب الوفد؟", "ولماذا انسحب الوفد؟")]
    [InlineData("الاجتماع قد إيه استمر؟", "الاجتماع كم استمر؟")]
    [InlineData("الوفد يبي إيش من المؤتمر؟", "الوفد يريد ماذا من المؤتمر؟")]
    [InlineData("واش الوزير قال بلي كاين حل؟", "هل الوزير قال أن يوجد حل؟")]
    [InlineData("شحال عدد الوفود؟", "كم عدد الوفود؟")]
    [InlineData("شكد عدد الوفود؟", "كم عدد الوفود؟")]
    [InlineData("الجهود غادي تبقى مستمرة بحال ما قال الوزير؟", "الجهود تبقى مستمرة كما قال الوزير؟")]
    [InlineData("شگد عدد الوفود؟", "كم عدد الوفود؟")]
    [InlineData("إمتى الاجتماع الجاي؟", "متى الاجتماع القادم؟")]
    [InlineData("ولامتى رح تضل هالجهود مستمرة؟", "وإلى متى سوف تضل الجهود مستمرة؟")]
    [InlineData("مين لازم يشيل العقبات؟", "من لازم يزيل العقبات؟")]
    [InlineData("مين اللي اشتغل على البيان؟", "من الذي عمل على البيان؟")]
    [InlineData("مين هنّي الأطراف اللي وقعت المذكرة؟", "من هم الأطراف الذي وقعت المذكرة؟")]
    [InlineData("ما هالة القمر؟", "ما هالة القمر؟")]
    [InlineData("فاش من ساعة بدات المكالمة؟", "في أي ساعة بدات المكالمة؟")]
    [InlineData("شكون لي وقع المذكرة؟", "من الذي وقع المذكرة؟")]
    [InlineData("اشمن تواريخ؟", "أي تواريخ؟")]
    [InlineData("البيان ال صدر من الخارجية شنو قال؟", "البيان الذي صدر من الخارجية ماذا قال؟")]
    [InlineData("شنو سمية المتحدث؟", "ماذا اسم المتحدث؟")]
    public void Dialect_interrogatives_read_as_standard_arabic(string dialect, string standard) =>
        Assert.Equal(standard, Normalizer.Normalize(dialect).Text);

    [Theory]
    [InlineData("How many civilians عادوا إلى الرقة؟", "كم civilians عادوا إلى الرقة؟")]
    [InlineData("when انعقد الاجتماع؟", "متى انعقد الاجتماع؟")]
    [InlineData("ما الذي أكده بوتين في بيان الكرملين؟ and based on which resolution?", "ما الذي أكده بوتين في بيان الكرملين؟ and based on أي resolution?")]
    [InlineData("combien de civils عادوا إلى مدينة الرقة بعد تحريرها؟", "كم de civils عادوا إلى مدينة الرقة بعد تحريرها؟")]
    public void English_and_french_interrogatives_in_an_arabic_question_read_as_arabic_ones(string mixed, string read) =>
        Assert.Equal(read, Normalizer.Normalize(mixed).Text);

    [Fact]
    public void English_and_french_function_words_in_an_arabic_question_are_not_terms() =>
        Assert.Equal(new ArabicTextAnalyzer().Terms("based resolution civils"), new ArabicTextAnalyzer().Terms("and based on the resolution de civils"));

    [Theory]
    [InlineData("w emta?", "و متى؟")]
    [InlineData("tab leh?", "لماذا؟")]
    [InlineData("shu 2al putin?", "ماذا قال بوتين؟")]
    [InlineData("w shu el 3amal el 3askari?", "و ماذا العمل العسكري؟")]
    // «la» before an interrogative is «إلى»; «hal» after a word is the demonstrative fused to the article, opening a question «هل».
    [InlineData("w la emta ra7 ydall hal wafd?", "و إلى متى سوف يدل الوفد؟")]
    [InlineData("w hal fi 7al?", "و هل في حل؟")]
    // «bel», «lal» carry the article to the next word; Egyptian «2ad eh» is «قد إيه», how much.
    [InlineData("shu sar bel wafd?", "ماذا حدث بالوفد؟")]
    [InlineData("el wafd 5ad 2ad eh?", "الوفد خد كم؟")]
    [InlineData("w mnein ejo?", "و من أين اجو؟")]
    public void Arabizi_is_written_in_arabic_letters(string arabizi, string arabic) =>
        Assert.Equal(arabic, Normalizer.Normalize(arabizi).Text);

    [Theory]
    [InlineData("mukalame", false, "مكالمة")]
    [InlineData("yen3e2ed", true, "ينعقد")]
    [InlineData("khilafat", true, "خلافات")]
    [InlineData("tawwalet", true, "طولت")]
    public void An_arabizi_word_has_its_arabic_spellings_the_plain_one_first(string latin, bool initial, string spelling)
    {
        var spellings = Arabizi.Spellings(latin, initial);
        Assert.Contains(spelling, spellings);
        Assert.Equal(spellings[0], Arabizi.Transliterate($"w {latin}?")!.Split(' ')[^1].TrimEnd('؟'));
    }

    [Fact]
    public async Task Arabizi_words_are_spelt_as_the_documents_spell_them()
    {
        var analyzer = new ArabicTextAnalyzer();
        var vocabulary = new Evaluation.DocumentOnlyIndex(new Dictionary<string, string> { ["call.txt"] = "استغرقت المكالمة ساعة ونصف الساعة، وأشار البيان إلى الخلافات." });

        var normalized = await Normalizer.NormalizeAsync("w kam tawwalet el mukalame 7asab el khilafat?", vocabulary, TestContext.Current.CancellationToken);

        var terms = analyzer.Terms(normalized.Text);
        Assert.Contains(analyzer.Terms("المكالمة")[0], terms);
        Assert.Contains(analyzer.Terms("الخلافات")[0], terms);
        // The plain letter-by-letter reading misses both.
        Assert.DoesNotContain(analyzer.Terms("المكالمة")[0], analyzer.Terms(Normalizer.Normalize("w kam tawwalet el mukalame?").Text));
    }

    [Theory]
    [InlineData("APEC summit 2017")]
    [InlineData("ما هي قمة APEC؟")]
    [InlineData("What is the capital of Jordan?")]
    public void Latin_text_that_is_not_arabizi_stays(string question) =>
        Assert.Equal(question, Normalizer.Normalize(question).Text);

    [Fact]
    public void A_message_that_is_only_a_wrapper_is_kept_whole() =>
        Assert.Equal("شكراً جزيلاً!", Normalizer.Normalize("شكراً جزيلاً!").Text);

    [Fact]
    public void Every_change_is_noted_for_explanations()
    {
        var normalized = Normalizer.Normalize("س5) مرحبا، شو قال الوزير؟");
        Assert.Equal("ماذا قال الوزير؟", normalized.Text);
        Assert.Collection(normalized.Notes,
            note => Assert.Contains("س5)", note),
            note => Assert.Contains("مرحبا", note),
            note => Assert.Contains("شو", note));
    }

    [Theory]
    [InlineData("أين التقيا يوم عشرين نوفمبر؟", "أين التقيا يوم 20 نوفمبر؟")]
    [InlineData("ماذا حدث في خمسة وعشرين ديسمبر؟", "ماذا حدث في 25 ديسمبر؟")]
    [InlineData("ما الدول الثلاث الضامنة؟", "ما الدول الثلاث الضامنة؟")]
    [InlineData("كم استمرت الجولة عشرين يوما؟", "كم استمرت الجولة عشرين يوما؟")]
    public void A_day_written_in_words_before_its_month_is_read_as_digits_and_other_number_words_stay(string question, string read) =>
        Assert.Equal(read, Normalizer.Normalize(question).Text);

    [Theory]
    [InlineData("متى يعقد الاجتماع في العاصمة الكازاخية؟", "متى يعقد الاجتماع في أستانا؟")]
    [InlineData("ماذا قالت العاصمة الروسية؟", "ماذا قالت موسكو؟")]
    [InlineData("ماذا قال رأس الدبلوماسية الروسية؟", "ماذا قال وزير الخارجية الروسي؟")]
    [InlineData("ماذا قال رئيس الدبلوماسية الأمريكية؟", "ماذا قال وزير الخارجية الأمريكي؟")]
    [InlineData("ماذا قال الدبلوماسي التركي الأول؟", "ماذا قال وزير الخارجية التركي؟")]
    [InlineData("ماذا قالت الدبلوماسية الروسية؟", "ماذا قالت الدبلوماسية الروسية؟")]
    public void A_capital_or_a_foreign_minister_named_as_the_press_names_them_is_read_as_the_city_or_the_office(string question, string read) =>
        Assert.Equal(read, Normalizer.Normalize(question).Text);

    [Theory]
    [InlineData("شو قال بوتين عن الشغل العسكري، خلص ولا لسا؟", "العمل العسكري", "لسا")]
    [InlineData("وش عدد المناطق اللي يبون يضمنون شغلها؟", "عملها", "شغلها")]
    public void Dialect_words_for_work_and_yet_are_read_in_their_standard_form(string question, string read, string gone)
    {
        var text = Normalizer.Normalize(question).Text;
        Assert.Contains(read, text, StringComparison.Ordinal);
        Assert.DoesNotContain(gone, text, StringComparison.Ordinal);
    }
}
