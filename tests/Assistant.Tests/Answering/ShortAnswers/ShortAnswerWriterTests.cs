using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Llm.Facts;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Assistant.Storage;

namespace Assistant.Tests.Answering.ShortAnswers;

/// <summary>
/// The short answer cut from hand-written quotes: each test gives a quote holding the answer among other words of the
/// same kind, so what decides is the mechanism under test (the interrogative's shape, the words beside the question's).
/// </summary>
public sealed class ShortAnswerWriterTests
{
    private static readonly ArabicTextAnalyzer Analyzer = new();
    private readonly ShortAnswerWriter _writer = new(Analyzer, new PassageTermCache(Analyzer));

    private GeneratedAnswer Lead(string question, params string[] quotes) => Lead(question, asked: null, quotes);

    /// <param name="asked">The user's own words when <paramref name="question"/> is a follow-up resolved with the earlier question.</param>
    /// <param name="partQuotes">Per part of a two-part question, the markers of the quotes cited for it.</param>
    /// <param name="earlierAsked">What the turn before the follow-up asked.</param>
    private GeneratedAnswer Lead(string question, string? asked, string[] quotes, IReadOnlyList<IReadOnlyList<int>>? partQuotes = null, string? earlierAsked = null)
    {
        var citations = quotes.Select((q, i) => new Citation(i + 1, $"d{i}.txt", "وثيقة", 0, q.Length, q, $"p{i}")).ToList();
        var text = string.Join("\n\n", citations.Select(c => $"«{c.Quote}» [{c.Marker}]"));
        var passages = citations.Select(c => new ScoredPassage(new Passage(c.PassageId, c.DocumentId, c.Title, c.Start, c.End, c.Quote, 0), 1, 1, 1)).ToList();
        // Each term counted in the quotes it is in, as the index counts it in the documents.
        var frequency = quotes.SelectMany(q => Analyzer.Terms(q).Distinct()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var request = new AnswerRequest(question, Analyzer.Terms(question), passages, new TermStatistics(passages.Count, frequency)) { Asked = asked, EarlierAsked = earlierAsked };
        var answer = _writer.Lead(new GeneratedAnswer(text, false, citations), request, partQuotes: partQuotes);
        AssertGroundedAndLeading(answer);
        return answer;
    }

    /// <summary>Every word is a cited quote's own (yes and no aside), there are at most 20, and the answer text opens with them.</summary>
    private static void AssertGroundedAndLeading(GeneratedAnswer answer)
    {
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.StartsWith(shortAnswer + " [", answer.Text, StringComparison.Ordinal);
        var words = Analyzer.Normalize(shortAnswer).Split(' ');
        Assert.InRange(words.Length, 1, ShortAnswerWriter.MaxWords);
        var quoted = answer.Citations.SelectMany(c => Analyzer.Normalize(c.Quote).Split(' ')).ToHashSet();
        Assert.All(words, w => Assert.True(quoted.Contains(w) || w is "نعم" or "لا", $"«{w}» is in no cited quote"));
    }

    [Fact]
    public void When_is_answered_by_the_date_not_by_the_question_own_words()
    {
        var answer = Lead("متى صدر البيان المشترك حول سوريا؟", "صدر البيان المشترك حول سوريا اليوم في 11 تشرين الثاني/نوفمبر، 2017 عن مكتب المتحدث الرسمي.");
        Assert.Equal("11 تشرين الثاني/نوفمبر، 2017", answer.ShortAnswer);
        Assert.Equal("11 تشرين الثاني/نوفمبر، 2017 [1]", answer.Text.Split("\n\n")[0]);
    }

    [Theory]
    [InlineData("متى عقد الاجتماع الأول للجنة؟", "عقد الاجتماع الأول للجنة يوم 30 تشرين الأول 2019 في جنيف.", "30 تشرين الأول 2019")]
    [InlineData("متى صدر البيان الثاني؟", "صدر البيان الثاني في 11 تشرين الثاني/نوفمبر، 2017 عن مكتب المتحدث الرسمي.", "11 تشرين الثاني/نوفمبر، 2017")]
    [InlineData("متى وصل الوفد الأول؟", "وصل الوفد الأول في كانون الأول.", "كانون الأول")]
    public void A_two_word_month_is_never_cut_inside_even_when_the_question_says_its_ordinal(string question, string quote, string date)
    {
        Assert.Contains(date, Lead(question, quote).ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pages_own_date_answers_when_it_was_published_not_when_what_it_reports_happened()
    {
        const string page = "التاريخ : 22 ديسمبر 2017 م بيان حول الاجتماع الدولي في أستانا 21-22 كانون الأول/ ديسمبر 2017";
        Assert.Equal("21-22 كانون الأول/ ديسمبر 2017", Lead("متى انعقد الاجتماع الدولي في أستانا؟", page).ShortAnswer);
        Assert.Equal("22 ديسمبر 2017", Lead("متى نُشر البيان حول الاجتماع الدولي في أستانا؟", page).ShortAnswer);
        // A follow-up asks what its own words ask, whatever the earlier question asked.
        Assert.Equal("21-22 كانون الأول/ ديسمبر 2017",
            Lead("والاجتماع نفسه اتعمل امتى؟ البيان حول الاجتماع الدولي في أستانا اتنشر امتى", "والاجتماع نفسه اتعمل امتى؟", [page]).ShortAnswer);
    }

    [Fact]
    public void When_a_page_was_published_is_its_own_date_over_a_date_it_reports_next_to_the_question_words()
    {
        const string heading = "البيان الختامي لمباحثات أستانا\nالتاريخ : 22 ديسمبر 2017 م";
        const string body = "تؤكد عزمها مواصلة تنفيذ أحكام المذكرة الموقعة بتاريخ 4 أيار/مايو 2017 وغيرها من القرارات في إطار عمل عملية أستانا.";
        Assert.Equal("22 ديسمبر 2017", Lead("ما تاريخ نشر البيان الختامي لمباحثات أستانا؟", body, heading).ShortAnswer);
        // «المكتوب على», «منشور» ask for the date a page bears, as «نُشر» does.
        Assert.Equal("22 ديسمبر 2017", Lead("شو التاريخ المكتوب على البيان الختامي لمباحثات أستانا؟", body, heading).ShortAnswer);
        Assert.Equal("22 ديسمبر 2017", Lead("البيان الختامي لمباحثات أستانا، بأي تاريخ منشور؟", body, heading).ShortAnswer);
        // Not asked when it was published, the page's date is no answer.
        Assert.Equal("4 أيار/مايو 2017", Lead("ما تاريخ المذكرة التي يذكرها البيان الختامي لمباحثات أستانا؟", body, heading).ShortAnswer);
    }

    [Fact]
    public void Where_a_place_lies_is_what_it_is_said_to_be_near_up_to_the_country_named()
    {
        var answer = Lead("أين تقع مدينة البوكمال وفق ما ذكره بوتين؟",
            "وأكد بوتين أن العمل العسكري للقضاء على آخر بؤر الإرهاب في سوريا يقترب من نهايته بعد سيطرة الجيش السوري على مدينة البوكمال قرب الحدود مع العراق ومواصلة تطهير الضفة الشرقية لنهر الفرات.");
        Assert.Equal("قرب الحدود مع العراق", answer.ShortAnswer);
    }

    [Fact]
    public void A_place_said_as_part_of_a_country_answers_where_over_the_country_alone()
    {
        var answer = Lead("وين ناوين يسوون منطقة تخفيف التوتر اللي تكلم عنها البيان؟",
            "كما بين البيان أهمية الحفاظ على مناطق تخفيف التوتر في سوريا ومناقشة تنفيذ قرار إنشاء منطقة تخفيف توتر في المنطقة الجنوبية الغربية من سوريا.");
        Assert.Equal("الجنوبية الغربية من سوريا", answer.ShortAnswer);
    }

    [Fact]
    public void How_long_is_answered_by_the_amount()
    {
        var answer = Lead("كم استغرقت المكالمة بين الرئيسين؟", "أشار البيت الأبيض في بيان صادر عنه إلى أن المكالمة بين الرئيسين استغرقت ساعة ونصف الساعة.");
        Assert.StartsWith("ساعة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_is_answered_by_the_place_with_its_preposition_and_country()
    {
        var answer = Lead("أين التقى الرئيسان في 7 تموز 2017؟", "واستعرضوا التقدم المحرز منذ آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز/ يوليو، 2017.");
        Assert.Equal("في هامبورغ بألمانيا", answer.ShortAnswer);
    }

    [Theory]
    // What follows the place's name is the rest of the clause, not the place.
    [InlineData("وقال الوزير إن الاجتماع سيعقد في باريس يناقش فيه الوفدان خطة السلام الجديدة.", "في باريس")]
    // A place preposition after the name goes on to say where the place lies.
    [InlineData("وقال الوزير إن الاجتماع سيعقد في مدينة الرمادي قرب الحدود مع الأردن.", "في مدينة الرمادي قرب الحدود مع الأردن")]
    public void A_place_ends_with_its_name_unless_a_place_preposition_goes_on(string quote, string place)
    {
        Assert.Equal(place, Lead("أين سيعقد الاجتماع؟", quote).ShortAnswer);
    }

    [Fact]
    public void Where_prefers_the_place_said_with_the_place_it_lies_in_and_ends_there()
    {
        // The country alone is said nearer the question's words; the city in it names where more closely.
        var answer = Lead("أين التقى ترامب وبوتين على هامش قمة أبيك؟",
            "وجاء في بيان مشترك صدر عنهما على هامش قمة أبيك في فيتنام أن الرئيسين أكدا التزامهما بسيادة سوريا.",
            "أكد الرئيس ترامب والرئيس بوتين اليوم على هامش المؤتمر في دا نانغ بفيتنام على تصميمهما على دحر داعش.");
        Assert.Equal("في دا نانغ بفيتنام", answer.ShortAnswer);
    }

    [Fact]
    public void A_list_of_places_does_not_run_on_into_the_rest_of_the_clause()
    {
        var answer = Lead("أين ستعقد القمة الثلاثية؟", "وتبادل الرئيسان وجهات النظر حول القمة الثلاثية التي ستعقد في مدينة سوتشي الروسية، لبحث الأزمة السورية، وتبادلا وجهاتهما بشأن محاربة الإرهاب.");
        Assert.Equal("في مدينة سوتشي الروسية", answer.ShortAnswer);
    }

    [Fact]
    public void A_yes_no_clause_takes_the_next_clause_of_its_sentence_that_decides_it()
    {
        // The first clause repeats what the question is about; the next one says whether it was backed.
        var answer = Lead("هل أيد ترامب فكرة تنسيق الجهود بين استخبارات البلدين؟",
            "وأكد بوتين دعمه ترتيب عمل مشترك، مشيراً إلى وجود فرصة عملية لتنسيق الجهود بين استخبارات البلدين، وذلك في موقف أيده ترامب.");
        Assert.Contains("أيده", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.Contains("استخبارات البلدين", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_city_is_answered_by_the_name_after_the_noun_the_question_asks_with()
    {
        var answer = Lead("ما المدينة التي سيطر عليها الجيش قرب الحدود؟", "وأكد أن العمل العسكري يقترب من نهايته بعد سيطرة الجيش على مدينة البوكمال قرب الحدود.");
        Assert.Equal("البوكمال", answer.ShortAnswer);
    }

    [Fact]
    public void The_noun_a_what_question_asks_with_opens_the_name_it_is_in_construct_with()
    {
        // «المبادئ» alone names no memorandum: «مذكرة المبادئ» is its name, and «المذكرة» is what the question asks for.
        var answer = Lead("ما المذكرة التي رحب بها الرئيسان؟", "ورحب الرئيسان اليوم بمذكرة المبادئ المبرمة في عمان.");
        Assert.Equal("بمذكرة المبادئ المبرمة في عمان", answer.ShortAnswer);
    }

    [Fact]
    public void The_verb_a_who_question_asks_with_does_not_open_the_answer()
    {
        // «تابع» is read as the verb of «من تابع…», not a noun in construct with the answer.
        var answer = Lead("من تابع عمل الخبراء؟", "وتابع وزيرا خارجية البلدين عمل الخبراء لتطوير الوثيقة.");
        Assert.Equal("وزيرا خارجية البلدين", answer.ShortAnswer);
    }

    [Fact]
    public void A_clause_too_long_to_give_whole_is_not_cut_where_it_ends_on_the_question_s_words()
    {
        // The clause runs past 20 words; what it says of «الإعلان المشترك» follows those words, so the window goes on past them.
        const string quote = "وأكد بوتين أن العمل العسكري للقضاء على آخر بؤر الإرهاب في سوريا يقترب من نهايته بعد سيطرة الجيش السوري على مدينة البوكمال قرب الحدود مع العراق ومواصلة تطهير الضفة الشرقية لنهر الفرات من إرهابيي \"داعش\" مبينا أن المهم الآن بعد اختتام هذا العمل هو تعزيز الاتفاق حول مناطق تخفيف التوتر ونظام وقف الأعمال القتالية وخلق الظروف الملائمة للبدء بالعملية السياسية وهذا هو هدف الإعلان المشترك مع الجانب الأمريكي والذي سيكون عاملاً فعالاً في العمل لتسوية الأزمة في سوريا.";
        var answer = Lead("كيف وصف بوتين دور الإعلان المشترك في تسوية الأزمة السورية؟", quote);
        Assert.Contains("عاملاً فعالاً", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("بماذا طالب تيلرسون المجتمع الدولي وروسيا خصوصاً من أجل إتمام المهمة؟",
        "وفي وقت اعتبر فيه \"أنه مع سير عملية تحرير الرقة، فإن داعش قد تلقى ضربات موجعة، ويمكن أن يكون على وشك الهزيمة الكاملة في سوريا إذا ركزّت جميع الأطراف على هذا الهدف، رأى أنه \"من أجل إكمال المهمة، يجب على المجتمع الدولي، وخاصة روسيا، إزالة العقبات أمام هزيمة داعش والمساعدة في توفير الاستقرار\".", "إزالة العقبات")]
    [InlineData("ماذا يشمل التنفيذ الكامل للقرار؟",
        "وأكد الرئيسان أن هذه الخطوات ينبغي أن تشمل التنفيذ الكامل لقرار مجلس الأمن المرقم 2254، بما في ذلك الإصلاح الدستوري والانتخابات الحرة.", "الإصلاح الدستوري")]
    public void A_phrase_cut_right_before_an_aside_or_a_listing_connective_goes_on_through_it(string question, string quote, string said)
    {
        Assert.Contains(said, Lead(question, quote).ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_as_the_object_of_a_noun_is_answered_after_that_noun_not_after_the_verb()
    {
        // «سيتم» is said too, before «بعد التخلص…»; «رعاية» is what «من» is the object of, and the answer follows it.
        var answer = Lead("تحت رعاية من سيتم السير في طريق التسوية السياسية حسب بوتين؟",
            "وتابع بوتين: أكدنا على سيادة سورية واستقلالها ووحدة أراضيها واتفقنا أنه سيتم بعد التخلص من الخطر الإرهابي على السير في طريق التسوية السياسية للأزمة فيها تحت رعاية الأمم المتحدة.");
        Assert.Equal("الأمم المتحدة", answer.ShortAnswer);
    }

    [Fact]
    public void A_definite_noun_cut_before_its_ordinal_is_completed_with_it()
    {
        // The question says the ordinal («الثامن»), so the name of those thanked ends at «الجولة»; the ordinal says which round, and is taken with it.
        var answer = Lead("لمن عبرت الدول الضامنة عن امتنانها في اجتماع أستانا الثامن؟",
            "9-تعرب عن خالص امتنانها لرئيس جمهورية كازاخستان، السيد نصرلتان نازرباييف والسلطات الكازاخية لاستضافتها الجولة الثامنة من الاجتماع الدولي رفيع المستوى حول سوريا في أستانا.");
        Assert.Contains("الجولة الثامنة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_noun_of_the_question_s_own_construct_is_not_the_name_it_asks_for()
    {
        // «جمهورية» stands between «رئيس» and «كازاخستان», words of the question: the name is what follows the phrase.
        var answer = Lead("من هو رئيس كازاخستان؟", "تعرب عن خالص امتنانها لرئيس جمهورية كازاخستان، السيد نصرلتان نازرباييف، لاستضافتها الجولة.");
        Assert.Contains("نازرباييف", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("جمهورية", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_did_it_is_answered_by_the_subject_next_to_the_verb()
    {
        var answer = Lead("من تابع عمل الخبراء على الوثيقة؟", "وعمل خبراؤنا عليه قبل انعقاد القمة وتابع وزيرا خارجية البلدين عمل الخبراء لتطوير هذه الوثيقة.");
        Assert.Equal("وزيرا خارجية البلدين", answer.ShortAnswer);
    }

    [Fact]
    public void A_yes_no_question_is_answered_no_with_the_deciding_words_when_the_text_negates_it()
    {
        var answer = Lead("هل يرى الرئيسان حلا عسكريا للصراع في سوريا؟", "واتفق الرئيسان على أنه لا يوجد حل عسكري للصراع في سوريا.");
        Assert.StartsWith("لا، ", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.Contains("لا يوجد حل عسكري للصراع", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yes_no_question_is_answered_yes_only_when_the_text_says_all_of_it()
    {
        var yes = Lead("هل رحب الرئيسان بمذكرة المبادئ؟", "ورحب الرئيسان اليوم بمذكرة المبادئ المبرمة في عمان.");
        Assert.StartsWith("نعم، ", yes.ShortAnswer, StringComparison.Ordinal);

        var undecided = Lead("هل رحب الرئيسان بمذكرة المبادئ والاتفاق النووي؟", "ورحب الرئيسان اليوم بمذكرة المبادئ المبرمة في عمان.");
        Assert.DoesNotContain("نعم", undecided.ShortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("لا،", undecided.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_part_question_gets_one_part_each_in_order()
    {
        var answer = Lead("أين ومتى أبرمت مذكرة المبادئ؟", "وأبرمت مذكرة المبادئ في عمان بالأردن في 8 تشرين الثاني/نوفمبر 2017 بين الدول الثلاث.");
        Assert.Equal("في عمان بالأردن، 8 تشرين الثاني/نوفمبر 2017", answer.ShortAnswer);
    }

    [Fact]
    public void A_second_who_after_a_comma_is_cut_with_its_own_words_not_the_first_questions_subject()
    {
        // Read with the first question's words (الوزير، الاتفاق التجاري الجديد), the first quote would place «من»'s answer
        // after «سيكون»; «تحت إشراف من…» asks of the negotiations, which the second quote places under another body.
        string[] quotes =
        [
            "وأكد الوزير أن الاتفاق التجاري الجديد سيكون حافزاً قوياً للتعاون مع البنك الأفريقي للتنمية.",
            "وستجري المفاوضات المقبلة تحت إشراف منظمة التجارة العالمية.",
        ];
        var answer = Lead("ماذا سيكون الاتفاق التجاري الجديد بحسب الوزير، وتحت إشراف من ستجري المفاوضات المقبلة؟", quotes);
        Assert.Contains("منظمة التجارة العالمية", answer.ShortAnswer, StringComparison.Ordinal);
        AssertGroundedAndLeading(answer);
    }

    [Fact]
    public void A_part_named_after_the_question_noun_keeps_its_opening_words_up_to_a_clause_break_when_longer_than_its_share()
    {
        // What follows «اللجنة» names it, in more words than half the budget: its opening words answer, not the whole clause.
        string[] quotes = ["وشكلت الحكومة اللجنة الخاصة بمتابعة شؤون اللاجئين والنازحين وتوزيع المساعدات، وإعادة إعمار المدن المتضررة من الحرب.", "وتجتمع اللجنة كل أسبوع في عمان."];
        var answer = Lead("ما اللجنة التي شكلتها الحكومة، وأين تجتمع اللجنة؟", asked: null, quotes, partQuotes: [[1], [2]]);
        Assert.StartsWith("الخاصة بمتابعة شؤون اللاجئين والنازحين وتوزيع المساعدات، ", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_with_its_preposition_fused_asks_as_which_does_when_its_noun_names_the_kind_of_answer()
    {
        // «لأي غاية» asks for a purpose, as «ما الغاية» does: the purpose, not the clause that says most of the question.
        var answer = Lead("لأي غاية أرسلت الحكومة الوفد إلى جنيف؟", "لمناقشة تبادل الأسرى، أرسلت الحكومة الوفد إلى جنيف يوم الاثنين.");
        Assert.Equal("لمناقشة تبادل الأسرى", answer.ShortAnswer);
    }

    [Fact]
    public void Each_part_is_cut_from_the_quote_cited_for_it_first()
    {
        // The first quote, cited for the first part, also has a date beside the second part's words; the second part was
        // answered from the second quote, which says when the meeting was held.
        string[] quotes = ["دعت فرنسا في 2 نيسان 2016 إلى الاجتماع التحضيري في فيينا.", "وعُقد الاجتماع بعد ذلك في 5 أيار 2016."];
        var answer = Lead("من دعا إلى الاجتماع التحضيري في فيينا، ومتى عُقد الاجتماع التحضيري؟", asked: null, quotes, partQuotes: [[1], [2]]);
        Assert.EndsWith("، 5 أيار 2016", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.StartsWith(answer.ShortAnswer + " [1][2]", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_cited_for_a_part_rank_first_for_it_and_the_others_keep_their_order()
    {
        var citations = Enumerable.Range(1, 4).Select(m => new Citation(m, "d.txt", "وثيقة", m * 10, m * 10 + 5, "نص", "p")).ToList();
        Assert.Equal([2, 3, 0, 1], ShortAnswerWriter.QuoteRanks(citations, [3, 4]));
        Assert.Equal([0, 1, 2, 3], ShortAnswerWriter.QuoteRanks(citations, null));
    }

    [Fact]
    public void A_piece_another_part_already_says_is_not_repeated()
    {
        var answer = Lead("هل انعقد مؤتمر السلام في جنيف فعلاً، وما الذي خرج به؟",
            "تؤكد عزمها على دعم التحضير لمؤتمر سلام وعقده في جنيف بتاريخ 29-30 كانون الثاني/يناير 2018 بمشاركة جميع الأطراف.");
        var pieces = Assert.IsType<string>(answer.ShortAnswer).Split("، ");
        Assert.All(pieces, piece => Assert.Single(pieces, other => other.Contains(piece, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_phrase_is_taken_from_whichever_cited_quote_holds_it_and_cites_that_one()
    {
        var answer = Lead("كم عدد مشاهدات البيان الختامي؟", "البيان الختامي لمباحثات السلام صدر في العاصمة.", "البيان الختامي المشاهدات : 5623");
        Assert.Equal("5623", answer.ShortAnswer);
        Assert.StartsWith("5623 [2]\n\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_phrase_of_the_asked_shape_the_clause_is_given_whole_and_at_most_twenty_words()
    {
        var clause = string.Join(' ', Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "الرئيسان" : "كلمات مختلفة"));
        var answer = Lead("متى اجتمع الرئيسان؟", "اجتمع " + clause + ".");
        Assert.DoesNotMatch(@"\d", answer.ShortAnswer!);
        Assert.Contains("الرئيسان", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_runs_on_across_commas_and_quoted_names_even_through_a_word_the_question_says()
    {
        var answer = Lead("ما التنظيمات والحركات التي ناقش الرئيسان محاربتها؟",
            "وناقش الرئيسان محاربة تنظيم “القاعدة”، و حركة “طالبان”، و “داعش” في اتصال هاتفي.");
        Assert.Contains("القاعدة", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.Contains("طالبان", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_in_quotation_marks_after_the_question_words_names_what_they_name()
    {
        // The quoted list of organisations follows «بشأن», whose pronoun the question uses; the quoted name follows the summit
        // the question names, in words the other quotes say too (so they place it only a little).
        var answer = Lead("ما الدول التي تتألف منها القمة الثلاثية التي تبادل الرئيسان وجهات النظر بشأنها؟",
            "كما تبادل الرئيسان وجهات النظر حول القمة الثلاثية ” التركية – الروسية – الإيرانية “، التي ستعقد في مدينة سوتشي، و تبادلا وجهاتهما بشأن محاربة تنظيم “القاعدة”، و حركة “طالبان”، و “داعش” و منظمات إرهابية أخرى.",
            "وتبادل الرئيسان وجهات النظر حول القمة الثلاثية.",
            "وقالت مصادر إن الرئيسين تبادلا وجهات النظر حول القمة الثلاثية.",
            "وتعقد القمة الثلاثية بعد أن تبادل الرئيسان وجهات النظر.");
        Assert.Equal("التركية – الروسية – الإيرانية", answer.ShortAnswer);
    }

    [Fact]
    public void To_whom_is_answered_by_the_name_said_with_lam_after_the_question_words()
    {
        // «حول الاجتماع الدولي» follows more of the question's words; «لرئيس…» is said to whom the thanks go.
        var answer = Lead("لمن عبّرت الدول الضامنة عن امتنانها لاستضافة الاجتماع الدولي حول سوريا؟",
            "بيان الدول الضامنة حول الاجتماع الدولي الخاص بسوريا",
            "وتعرب عن خالص امتنانها لرئيس جمهورية كازاخستان والسلطات الكازاخية لاستضافتها الجولة الثامنة.");
        Assert.StartsWith("لرئيس جمهورية كازاخستان", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Until_when_is_answered_by_the_bound_not_by_a_date()
    {
        var answer = Lead("إلى متى ستستمر جهود العسكريين ضد داعش؟",
            "بيان مشترك بشأن جهود العسكريين ضد داعش، 11 تشرين الثاني/نوفمبر 2017",
            "وأكدوا أن هذه الجهود ستستمر حتى يتم تحقيق الهزيمة النهائية لداعش.");
        Assert.StartsWith("حتى يتم تحقيق الهزيمة النهائية", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_period_is_answered_by_the_date()
    {
        var answer = Lead("في أي فترة يُرتقب انعقاد الاجتماع الدولي المقبل في العاصمة الكازاخية؟",
            "تعرب عن خالص امتنانها لرئيس جمهورية كازاخستان والسلطات الكازاخية لاستضافتها الاجتماع الدولي.",
            "تقرر عقد الاجتماع الدولي التالي في أستانا في النصف الثاني من شباط/فبراير 2018.");
        Assert.Contains("شباط/فبراير 2018", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void On_what_occasion_is_answered_only_by_what_a_word_of_occasion_introduces()
    {
        // The list of what the statement affirms stands nearer the question's words; only «خلال» introduces an occasion.
        var answer = Lead("في أي مناسبة أعلن بوتين أن البيان المشترك مع الولايات المتحدة سيكون عاملاً فعالاً في تسوية الأزمة؟",
            "وخلال مؤتمر صحفي على هامش القمة أعلن الرئيس الروسي فلاديمير بوتين أن البيان المشترك مع الولايات المتحدة حول سوريا يؤكد سيادتها واستقلالها ووحدة أراضيها والاستمرار في مكافحة الإرهاب وسيكون عاملاً فعالاً في تسوية الأزمة.");
        Assert.StartsWith("مؤتمر صحفي", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_members_after_including_fill_the_noun_the_question_asks_with()
    {
        var answer = Lead("ما الآليات المشتركة التي أبدت واشنطن استعدادها لبحثها مع روسيا؟",
            "أبدت واشنطن استعدادها للبحث في إمكانية إنشاء آليات مشتركة مع روسيا لضمان الاستقرار، بما في ذلك مناطق حظر الطيران، ومراقبة وقف إطلاق النار.");
        Assert.StartsWith("مناطق حظر الطيران", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("إمكانية", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_prefers_a_named_place_to_any_phrase_after_in()
    {
        // «في بيان مشترك» follows «في» too, and stands among more of the question's words; «دا نانغ بفيتنام» is a place.
        var answer = Lead("في أي مدينة فيتنامية التقى ترامب وبوتين على هامش قمة أبيك؟",
            "وجاء في بيان مشترك صدر عن ترامب وبوتين على هامش قمة أبيك في فيتنام أنهما ملتزمان بسيادة سوريا.",
            "التقى ترامب وبوتين على هامش قمة أبيك فى دا نانغ بفيتنام على تصميمهما.");
        Assert.Equal("فى دا نانغ بفيتنام", answer.ShortAnswer);
    }

    [Fact]
    public void What_is_said_after_a_copula_that_follows_the_question_words_is_the_answer()
    {
        var answer = Lead("ما المهم بعد انتهاء العمل العسكري في رأي بوتين؟",
            "وأكد بوتين أن العمل العسكري يقترب من نهايته مبينا أن المهم الآن بعد اختتام هذا العمل هو تعزيز الاتفاق حول مناطق تخفيف التوتر.");
        Assert.StartsWith("تعزيز الاتفاق", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dialect_what_before_a_noun_asks_for_what_the_noun_names()
    {
        var answer = Lead("وش الآليات اللي واشنطن مستعدة تبحثها مع روسيا؟",
            "أبدت واشنطن استعدادها للبحث في إمكانية إنشاء آليات مشتركة مع روسيا لضمان الاستقرار، بما في ذلك مناطق حظر الطيران، ومراقبة وقف إطلاق النار.");
        Assert.StartsWith("مناطق حظر الطيران", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_about_a_noun_whose_pronoun_it_uses_is_answered_by_the_name_after_that_noun()
    {
        var answer = Lead("أي مدينة قال تيلرسون إن عملية تحريرها ألحقت ضربات موجعة بداعش؟",
            "وفي وقت اعتبر فيه أنه مع سير عملية تحرير الرقة، فإن داعش قد تلقى ضربات موجعة، ويمكن أن يكون على وشك الهزيمة الكاملة في سوريا.");
        Assert.Equal("الرقة", answer.ShortAnswer);
    }

    [Fact]
    public void An_elliptical_second_part_is_cut_by_its_own_interrogative()
    {
        var answer = Lead("في أي يوم ستعقد القمة الثلاثية في سوتشي، وما الدول المشاركة فيها؟",
            "كما تبادل الرئيسان وجهات النظر حول القمة الثلاثية ” التركية – الروسية – الإيرانية “، التي ستُعقد اليوم الأربعاء في مدينة سوتشي الروسية.");
        Assert.StartsWith("الأربعاء، ", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.Contains("الإيرانية", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstention_is_left_as_it_is()
    {
        var abstention = ExtractiveAnswerGenerator.Abstain(AbstainReasons.BelowEvidence);
        var request = new AnswerRequest("متى؟", [], [], new TermStatistics(0, new Dictionary<string, int>()));
        Assert.Same(abstention, _writer.Lead(abstention, request));
    }

    [Fact]
    public void Who_after_the_noun_it_is_the_object_of_is_answered_by_what_follows_that_noun()
    {
        var answer = Lead("تحت رعاية من ستسير التسوية السياسية؟", "واتفقنا على السير في طريق التسوية السياسية للأزمة تحت رعاية الأمم المتحدة بعد التخلص من الخطر الإرهابي.");
        Assert.StartsWith("الأمم المتحدة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_after_a_preposition_is_answered_by_what_follows_that_preposition()
    {
        var answer = Lead("بعيداً عن ماذا شدد الرئيسان على ضمان استقرار سوريا موحدة؟",
            "كما شدّدا على ” ضرورة دعم محادثات جنيف، و تطبيق قرار مجلس الأمن الدولي رقم 2254 من أجل ضمان الاستقرار في سوريا موحدة، بعيداً عن التدخلات الضارة، و خالية من الملاذ الآمن للإرهابيين “.");
        Assert.StartsWith("التدخلات الضارة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_number_after_the_word_day_is_a_date_with_the_month_named_by_when_it_is_said()
    {
        var answer = Lead("متى صادق الرئيسان على البيان المشترك؟", "مبادئ البيان المشترك، الذي صادق عليه الرئيسان يوم 11 الشهر الجاري، خلال قمة منتدى التعاون الاقتصادي في فيتنام.");
        Assert.Equal("يوم 11 الشهر الجاري", answer.ShortAnswer);
        Assert.Equal("يوم 11", Lead("متى صادق الرئيسان على البيان المشترك؟", "مبادئ البيان المشترك، الذي صادق عليه الرئيسان يوم 11، خلال قمة منتدى التعاون الاقتصادي.").ShortAnswer);
    }

    [Fact]
    public void A_question_that_offers_or_not_is_answered_no_with_the_negation_it_opens_with()
    {
        var answer = Lead("شو قال بوتين، كان سهل يوصلوا للبيان المشترك ولا لأ؟", "وأضاف بوتين: \"لم يكن من السهل التوصل إلى البيان المشترك وعمل خبراؤنا عليه قبل انعقاد القمة وتابع وزيرا خارجية البلدين عمل الخبراء لتطوير هذه الوثيقة\".");
        Assert.StartsWith("لا، لم يكن من السهل", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_an_or_not_question_says_last_decides_over_a_clause_that_says_more_of_its_subject()
    {
        var answer = Lead("بوتين بالمؤتمر الصحفي، حكى إنه الوصول للبيان المشترك كان سهل ولا لأ؟",
            "وخلال مؤتمر صحفي على هامش القمة أعلن الرئيس الروسي فلاديمير بوتين أن البيان المشترك مع الولايات المتحدة حول سوريا يؤكد سيادتها.",
            "وأضاف بوتين: \"لم يكن من السهل التوصل إلى البيان المشترك وعمل خبراؤنا عليه قبل انعقاد القمة\".");
        Assert.StartsWith("لا، ", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.Contains("لم يكن من السهل التوصل إلى البيان المشترك", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clause_that_says_the_verb_a_yes_no_question_asks_of_is_joined_to_the_clause_that_says_its_object()
    {
        var answer = Lead("هل أيد ترامب فكرة تنسيق الجهود بين استخبارات البلدين؟",
            "أكد بوتين دعمه ترتيب عمل مشترك، مشيراً إلى وجود فرصة عملية لتنسيق الجهود بين استخبارات البلدين، و ذلك في موقع أيده ترامب.");
        Assert.EndsWith("لتنسيق الجهود بين استخبارات البلدين، و ذلك في موقع أيده ترامب", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adjective_of_the_asked_noun_does_not_anchor_the_answer()
    {
        var answer = Lead("ما الدول التي أصدرت البيان حول الاجتماع؟", "بيان مشترك لإيران وروسيا وتركيا حول الاجتماع الدولي الخاص بسوريا في أستانا");
        Assert.Contains("وتركيا", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_joined_by_and_is_not_cut_inside_its_last_item()
    {
        var answer = Lead("ما الدول الضامنة لنظام وقف إطلاق النار؟", "جمهورية إيران الإسلامية والاتحاد الروسي وجمهورية تركيا بصفتها ضامني مراقبة نظام وقف إطلاق النار");
        Assert.StartsWith("جمهورية إيران الإسلامية والاتحاد الروسي وجمهورية تركيا", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verb_the_question_says_in_another_person_still_anchors_its_object()
    {
        var answer = Lead("ما الذي تلقاه داعش مع سير عملية تحرير الرقة؟", "أنه مع سير عملية تحرير الرقة، فإن داعش قد تلقى ضربات موجعة، ويمكن أن يكون على وشك الهزيمة الكاملة في سوريا.");
        Assert.StartsWith("ضربات موجعة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clause_that_answers_is_chosen_by_the_rarer_question_words_it_says()
    {
        var answer = Lead("كيف وصف ترامب المكالمة مع بوتين؟",
            "أجرينا مع الرئيس الروسي، فلاديمير بوتين، مكالمة رائعة، و تحدثنا عن سوريا.",
            "وقال بوتين إن العمل العسكري يقترب من نهايته.",
            "وأكد بوتين أن البيان المشترك مهم.");
        // A one-word clause may take the next clause of its sentence with it (what a clause of the topic needs).
        Assert.StartsWith("رائعة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_part_after_a_comma_is_answered_with_its_own_anchor()
    {
        var answer = Lead("إلامَ تفضي العملية السياسية، وتحت إشراف من ستجرى الانتخابات؟",
            "من خلال عملية شاملة بقيادة سورية تفضي إلى دستور يحظى بدعم الشعب وانتخابات حرة ونزيهة بمشاركة جميع السوريين تحت إشراف مناسب للأمم المتحدة،");
        Assert.StartsWith("دستور يحظى بدعم الشعب", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.EndsWith("، مناسب للأمم المتحدة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_happens_if_is_answered_by_the_clause_the_condition_leads_to()
    {
        var answer = Lead("ماذا يحدث للتقدم ضد داعش إذا لم يتحقق الاستقرار على الأرض؟",
            "قال إنه يجب أولاً على الأطراف في سوريا ضمان الاستقرار على الأرض وإذا لم نحقق الاستقرار هناك ، فإن تقدمّنا في هزيمة داعش قد يتراجع.");
        Assert.Contains("قد يتراجع", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_city_of_a_country_is_answered_by_the_place_said_with_that_country()
    {
        var answer = Lead("في أي مدينة ألمانية التقى الرئيسان؟",
            "وتبادل الرئيسان وجهات النظر حول القمة التي ستعقد في مدينة سوتشي الروسية لبحث الأزمة السورية.",
            "واستعرضوا التقدم المحرز منذ آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز/ يوليو، 2017.");
        Assert.Equal("في هامبورغ بألمانيا", answer.ShortAnswer);
    }

    [Fact]
    public void What_did_they_agree_is_answered_by_the_verb_object_to_the_end_of_its_clause()
    {
        var answer = Lead("ماذا اتفق الرئيسان في بيانهما المشترك؟",
            "وفي بيانهما المشترك اتفق الرئيسان على الحفاظ على قنوات اتصال عسكرية مفتوحة بين العسكريين، وأكدا أهمية مناطق تخفيف التصعيد.");
        Assert.Equal("الحفاظ على قنوات اتصال عسكرية مفتوحة بين العسكريين", answer.ShortAnswer);
    }

    [Fact]
    public void In_what_capacity_is_answered_by_what_the_capacity_word_introduces()
    {
        var answer = Lead("بأي صفة تتحمل روسيا مسؤولية تلبية احتياجات الشعب السوري؟",
            "وأضاف أن روسيا، بوصفها ضامنا لنظام الأسد وشريكاً مبكراً في الصراع، تتحمّل مسؤولية ضمان تلبية احتياجات الشعب السوري وحماية المدنيين.");
        Assert.StartsWith("ضامنا لنظام الأسد", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void On_what_occasion_is_answered_by_what_the_occasion_word_introduces_not_by_a_phrase_after_fi()
    {
        var answer = Lead("في أي مناسبة أعلن بوتين أن البيان المشترك يؤكد سيادة سوريا؟",
            "وخلال مؤتمر صحفي على هامش القمة أعلن بوتين أن البيان المشترك يؤكد سيادة سوريا والاستمرار في مكافحة الإرهاب.");
        Assert.StartsWith("مؤتمر صحفي", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void How_is_it_seen_is_answered_by_what_a_role_word_introduces()
    {
        var answer = Lead("كيف تنظر الدول الضامنة إلى مؤتمر الحوار الوطني؟",
            "تؤكد الدول الضامنة أنها ترى مؤتمر الحوار الوطني القادم باعتبارها مبادرة تهدف لتقديم زخم للمفاوضات في جنيف.");
        Assert.StartsWith("مبادرة تهدف لتقديم زخم", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void This_is_the_aim_points_back_at_what_was_said_before_it()
    {
        var answer = Lead("ما هدف الإعلان المشترك حسب بوتين؟",
            "وأكد بوتين أن المهم الآن هو تعزيز الاتفاق وخلق الظروف الملائمة للبدء بالعملية السياسية وهذا هو هدف الإعلان المشترك الذي سيكون عاملاً فعالاً في التسوية.");
        Assert.Contains("الظروف الملائمة للبدء بالعملية السياسية", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("عاملاً", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stated_purpose_longer_than_its_part_budget_keeps_its_opening_words()
    {
        var answer = Lead("لماذا أبقى الطرفان قنوات الاتصال مفتوحة، وإلى متى ستستمر الجهود؟",
            "أبقى الطرفان قنوات الاتصال مفتوحة للمساعدة على ضمان سلامة القوات الأمريكية والروسية وخفض التصعيد للقوات المشاركة في القتال ضد داعش. وستستمر الجهود حتى يتم تحقيق الهزيمة النهائية لداعش.");
        var parts = Assert.IsType<string>(answer.ShortAnswer).Split("، ");
        Assert.StartsWith("للمساعدة على ضمان سلامة", parts[0], StringComparison.Ordinal);
        Assert.InRange(parts[0].Split(' ').Length, 1, ShortAnswerWriter.MaxWords / 2);
    }

    [Fact]
    public void What_is_the_purpose_of_is_answered_by_the_stated_purpose()
    {
        var answer = Lead("ما الغاية من اعتماد مجموعة العمل الخاصة بالمعتقلين؟",
            "سعيًا لبناء الثقة بين الأطراف المتنازعة، تتبنى الدول الضامنة مجموعة العمل الخاصة بالمعتقلين في اجتماع أستانا.");
        Assert.StartsWith("لبناء الثقة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_was_said_about_a_topic_is_the_clause_that_says_it_not_the_speaker_after_the_verb()
    {
        var answer = Lead("ماذا قال تيلرسون بشأن الخلافات بين واشنطن وموسكو؟",
            "وقال الوزير الأميركي تيلرسون إن اللقاء كان مثمرا، معتبراً أنه برغم الخلافات فإن موسكو وواشنطن قادرتان على التنسيق في سوريا.");
        Assert.Contains("قادرتان على التنسيق", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("الوزير", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_follow_up_asks_only_what_its_own_words_ask()
    {
        // The resolver puts the earlier question after the follow-up; its «أين» is not asked again.
        var answer = Lead("وفي أي يوم والقمة الثلاثية التي تبادلا الآراء حولها، أين تنعقد؟", "وفي أي يوم؟",
            ["تبادل الرئيسان وجهات النظر حول القمة الثلاثية التي ستعقد اليوم الأربعاء في مدينة سوتشي الروسية."]);
        Assert.Equal("الأربعاء", answer.ShortAnswer);
    }

    [Fact]
    public void A_follow_up_that_asks_nothing_of_its_own_asks_what_the_earlier_question_asked()
    {
        var answer = Lead("والاجتماع التحضيري الذي يسبقه متى سيعقد مؤتمر الحوار في سوتشي؟", "والاجتماع التحضيري الذي يسبقه؟",
            ["وسيعقد الضامنون الثلاثة اجتماعا تحضيريا خاصا في مدينة سوتشي الروسية قبل المؤتمر، وذلك بتاريخ 19-20 كانون الثاني/يناير 2018."]);
        Assert.Contains("19-20 كانون الثاني", answer.ShortAnswer, StringComparison.Ordinal);
    }

    private const string LastMeeting = "وأكد الرئيس ترامب والرئيس بوتين في الختام على أهمية مناطق تخفيف التصعيد. واستعرضوا التقدم المحرز في وقف إطلاق النار الذي تم الانتهاء منه في آخر مرة التقى فيها الرئيسان في هامبورغ بألمانيا في 7 تموز/ يوليو، 2017.";
    private const string DaNang = "11 تشرين الثاني/نوفمبر، 2017\nأكد الرئيس ترامب والرئيس بوتين اليوم على هامش مؤتمر التعاون الاقتصادي الآسيوي والمحيط الهادئ (أبيك) فى دا نانغ بفيتنام على تصميمهما على دحر داعش في سوريا.";

    [Fact]
    public void A_sentence_about_another_month_than_the_question_names_does_not_answer_it()
    {
        // The better-supported quote says where they met in July; the question asks about November.
        var answer = Lead("أين التقى ترامب وبوتين عندما أصدرا بيانهما المشترك حول سوريا في نوفمبر 2017؟", LastMeeting, DaNang);
        Assert.Equal("فى دا نانغ بفيتنام", answer.ShortAnswer);
    }

    [Fact]
    public void The_sentences_about_another_time_are_those_naming_a_month_and_none_the_question_names()
    {
        var reader = new FactReader(Analyzer);
        var november = OtherTimes.Months("أين التقيا في تشرين الثاني 2017؟", reader);
        Assert.Equal([11], november);
        var words = QuoteWords.Of(LastMeeting, Analyzer);
        // The first sentence names no month; the second names July only.
        Assert.Equal([1], OtherTimes.Sentences(LastMeeting, words, november, reader));
        Assert.Empty(OtherTimes.Sentences(LastMeeting, words, OtherTimes.Months("أين التقيا في تموز؟", reader), reader));
        Assert.Empty(OtherTimes.Sentences(LastMeeting, words, OtherTimes.Months("أين التقيا؟", reader), reader));
    }

    [Theory]
    // A month behind a conjunction, a preposition or the article, and the first word of a two-word month, are still read.
    [InlineData("متى التقيا وفي يناير؟", 1)]
    [InlineData("ماذا حدث بأبريل 2017؟", 4)]
    [InlineData("ماذا قالا في تشرين الأول؟", 10)]
    [InlineData("هل كان اللقاء في 7 آب؟", 8)]
    public void The_months_a_question_names_are_read_behind_their_proclitics(string question, int month)
    {
        Assert.Equal([month], OtherTimes.Months(question, new FactReader(Analyzer)));
    }

    [Theory]
    // No word ends in a month's name; «أب» (father) is «آب» only beside a number.
    [InlineData("أين التقى ترامب وبوتين؟")]
    [InlineData("ماذا قال الأب عن اللقاء؟")]
    public void A_question_that_names_no_month_has_none(string question)
    {
        Assert.Empty(OtherTimes.Months(question, new FactReader(Analyzer)));
    }

    [Fact]
    public void A_place_starts_at_its_preposition_when_the_common_words_before_it_say_who()
    {
        // «الرئيسان», in every passage, is who met; «في هامبورغ بألمانيا» is where.
        var answer = Lead("أين التقى ترامب وبوتين آخر مرة؟", LastMeeting, "وقال الرئيسان إن الاتفاق صامد.", "وناقش الرئيسان الوضع في سوريا.");
        Assert.Equal("في هامبورغ بألمانيا", answer.ShortAnswer);
    }

    private const string PreparatoryMeeting = "وسيعقد الضامنون الثلاثة اجتماعا تحضيريا خاصا في مدينة سوتشي الروسية قبل المؤتمر، وذلك بتاريخ 19-20 كانون الثاني/يناير 2018.";

    [Fact]
    public void A_follow_up_that_only_names_another_subject_asks_for_the_kind_of_answer_the_turn_before_asked()
    {
        // Resolved, it carries the earlier question's words but not its «متى»: the turn before says what kind of answer is asked.
        const string resolved = "والاجتماع التحضيري الذي يسبقه سيعقد مؤتمر الحوار في سوتشي؟";
        var answer = Lead(resolved, "والاجتماع التحضيري الذي يسبقه؟", [PreparatoryMeeting], earlierAsked: "متى سيعقد مؤتمر الحوار في سوتشي؟");
        Assert.Contains("19-20 كانون الثاني/يناير 2018", answer.ShortAnswer, StringComparison.Ordinal);
        // Without the turn before, nothing asks for a date: the clause that says most of the question answers.
        Assert.DoesNotContain("19-20", Lead(resolved, "والاجتماع التحضيري الذي يسبقه؟", [PreparatoryMeeting]).ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("والاجتماع التحضيري الذي يسبقه؟", true)]
    [InlineData("والاجتماع التحضيري؟", true)]
    // Its own interrogative, or a noun that names the kind of answer, asks something of its own.
    [InlineData("ومن سيعقد الاجتماع التحضيري؟", false)]
    [InlineData("والهدف من الاجتماع؟", false)]
    // A word the documents never use may be an interrogative this reader does not know.
    [InlineData("والاجتماع شوكت انعقد؟", false)]
    // Not «و» + a noun with the article: a verb («وسيعقد…») says what is asked of the subject.
    [InlineData("وسيعقد الاجتماع؟", false)]
    public void A_follow_up_names_only_another_subject_when_it_is_and_plus_a_definite_noun_without_a_question_of_its_own(string followUp, bool namesOnly)
    {
        var frequency = Analyzer.Terms(PreparatoryMeeting).Distinct().ToDictionary(t => t, _ => 1);
        Assert.Equal(namesOnly, AnswerShapes.NamesSubjectOnly(followUp, Analyzer, new TermStatistics(1, frequency)));
    }

    [Fact]
    public void A_clause_that_only_names_the_topic_runs_on_to_what_its_sentence_says_of_it()
    {
        var answer = Lead("ماذا قال تيلرسون عن داعش مع سير عملية تحرير الرقة؟",
            "وفي وقت اعتبر فيه تيلرسون أنه مع سير عملية تحرير الرقة، فإن داعش قد تلقى ضربات موجعة.");
        Assert.Contains("ضربات موجعة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_placed_by_little_gives_way_to_the_clause_that_says_the_question()
    {
        // «التنفيذ الناجح» stands among the question's words but is not what the sentence says of them.
        var answer = Lead("ما الأثر الذي توقعه ترامب من نجاح تطبيق الاتفاقات المعلن عنها؟",
            "كما أشار كذلك إلى أن التنفيذ الناجح للاتفاقات المعلن عنها اليوم سينقذ آلاف الأرواح.");
        Assert.Contains("سينقذ آلاف الأرواح", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_is_not_answered_by_a_name_that_is_no_place()
    {
        var answer = Lead("أين سيكون الاجتماع الدولي القادم بعد أستانا 8؟",
            "تقرر عقد الاجتماع الدولي التالي في أستانا في النصف الثاني من شباط/فبراير 2018، وتعرب الدول عن امتنانها للسلطات الكازاخية.");
        Assert.Contains("في أستانا", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clause_of_the_question_own_words_alone_is_the_last_resort()
    {
        // A title that repeats the question tells nothing; the clause that names who issued it does.
        var answer = Lead("ما الجهة التي أصدرت البيان الختامي لمباحثات أستانا؟",
            "البيان الختامي لمباحثات أستانا", "وقد أصدرت الحكومة الكازاخية البيان في ختام المباحثات.");
        Assert.Contains("الحكومة الكازاخية", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fused_what_is_answered_by_what_follows_its_preposition()
    {
        // «إلامَ» is «إلى ماذا»: the answer follows «إلى», not the first new words after the verb.
        var answer = Lead("إلامَ دعا الرئيسان الدول الأعضاء؟",
            "وفي اتصال هاتفي مطول دعا الرئيسان الدول الأعضاء في الأمم المتحدة إلى زيادة مساهمتها في تلبية الاحتياجات الإنسانية.");
        Assert.StartsWith("زيادة مساهمتها", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("إلى ماذا دعا الوزير الشركات الناشئة؟")]
    [InlineData("إلامَ دعا الوزير الشركات الناشئة؟")]
    public void A_fronted_preposition_places_the_answer_only_after_the_question_verb(string question)
    {
        // The same preposition opens another phrase earlier in the sentence, nearer the question's words; the answer is
        // the verb's own complement.
        var answer = Lead(question,
            "وتحدث الوزير عن الحاجة الملحة إلى تحسين البنية التحتية للشركات الناشئة ودعا الشركات الناشئة في المنطقة إلى توسيع صادراتها نحو الأسواق الآسيوية.");
        Assert.StartsWith("توسيع صادراتها", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ما الهدف الذي تعهدت الحكومة بمواصلة العمل حتى بلوغه؟")]
    [InlineData("ما الغاية التي ستواصل الحكومة العمل حتى تحقيقها؟")]
    public void What_until_reaching_it_asks_for_is_named_after_until_not_a_purpose(string question)
    {
        // A purpose («لتحسين…») is said right after the question's words; the bound after «حتى» is the goal asked for.
        var answer = Lead(question,
            "وتعهدت الحكومة بمواصلة العمل لتحسين الخدمات العامة حتى القضاء التام على الأمية في الأرياف.");
        Assert.StartsWith("القضاء التام على الأمية", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    // Spoken Arabic puts "what" after the noun it asks which of; «إيه» reaches the writer read as «ماذا».
    [InlineData("المعرض هيفتح يوم ماذا؟", "الخميس")]
    [InlineData("المعرض هيفتح بتاريخ ماذا؟", "12 آذار 2021")]
    [InlineData("المعرض هيفتح في مدينة ماذا؟", "حلب")]
    public void What_after_a_noun_of_time_or_place_asks_which_as_that_noun_does(string question, string expected)
    {
        var answer = Lead(question, "قالت الوزارة إن المعرض سيفتح أبوابه يوم الخميس 12 آذار 2021 في مدينة حلب بمشاركة مئتي دار نشر.");
        Assert.Contains(expected, answer.ShortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("دار نشر", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("بماذا رحبت الوزارة في بيانها الأخير؟")]
    [InlineData("وبماذا رحبت الوزارة في بيانها الأخير؟")]
    public void What_with_a_fused_b_is_answered_by_the_word_the_text_fuses_it_to_after_the_question_verb(string question)
    {
        // «بماذا رحبت» asks for the object «ب» introduces after «رحبت»; another verb's «ب» object comes first in the sentence.
        var answer = Lead(question,
            "أشادت الوزارة في بيانها الأخير بجهود المعلمين في الأرياف، ورحبت اليوم بقرار تمديد المنحة الدراسية للطلاب.");
        Assert.StartsWith("بقرار تمديد المنحة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_clause_preposition_with_a_pronoun_places_the_answer_after_that_preposition_in_the_text()
    {
        // «…عزمها عليه» stands for what is asked: the text names it after «عزمها على», not after the first «على» of the sentence.
        var answer = Lead("ما الذي أكدت النقابة عزمها عليه في بيانها؟",
            "وأكدت النقابة في بيانها على هامش المؤتمر السنوي عزمها على تحسين أجور العمال في المصانع.");
        Assert.StartsWith("تحسين أجور العمال", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_clause_on_another_noun_than_the_one_asked_places_nothing()
    {
        // «التي رحبت بها» is on «المبادرة», not on what «أي دول» asks: the «ب» object after «رحبت» is no answer.
        var answer = Lead("بين أي دول وقعت المبادرة التي رحبت بها الوزارة؟",
            "ورحبت الوزارة بالمبادرة الموقعة بين مصر والأردن في العقبة.");
        Assert.StartsWith("مصر والأردن", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fronted_preposition_places_the_answer_anywhere_when_the_text_never_says_the_verb()
    {
        // The text words the verb otherwise («طالب» for «دعا»): the preposition is all that places the answer.
        var answer = Lead("إلى ماذا دعا الوزير الشركات الناشئة؟",
            "وطالب الوزير الشركات الناشئة في المنطقة بالعمل المشترك وخلص إلى توسيع صادراتها نحو الأسواق الآسيوية.");
        Assert.StartsWith("توسيع صادراتها", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bound_of_time_runs_on_to_the_date_its_sentence_gives()
    {
        var shortAnswer = Lead("متى سيعقد الضامنون الاجتماع التحضيري في سوتشي؟",
            "ولتحقيق هذا الهدف، سيعقد الضامنون الثلاثة اجتماعاً تحضيرياً خاصاً في سوتشي قبل المؤتمر، وذلك بتاريخ 19-20 كانون الثاني/يناير 2018.").ShortAnswer!;
        Assert.StartsWith("قبل المؤتمر", shortAnswer, StringComparison.Ordinal);
        Assert.EndsWith("19-20 كانون الثاني/يناير 2018", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_word_the_documents_say_otherwise_places_the_answer_as_its_own_would()
    {
        // «مظلة» is in no document; «رعاية» names the same thing, and the answer follows it.
        var shortAnswer = Lead("تحت مظلة أي جهة سيمضي الحل السياسي بعد إزالة التهديد الإرهابي وفق بوتين؟",
            "وتابع بوتين: أكدنا على سيادة سورية واستقلالها ووحدة أراضيها واتفقنا أنه سيتم بعد التخلص من الخطر الإرهابي على السير في طريق التسوية السياسية للأزمة فيها تحت رعاية الأمم المتحدة.",
            "وتؤكد على ضرورة اتخاذ الخطوات الدولية العاجلة لأجل مساعدة السوريين في استعادة وحدة البلاد، والوصول إلى حلٍ سياسيٍّ للأزمة وفقاً لأحكام قرار مجلس الأمن 2254 من خلال عملية شاملة تفضي إلى دستور وانتخابات حرة تحت إشراف مناسب للأمم المتحدة.").ShortAnswer!;
        Assert.Contains("الأمم المتحدة", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_cut_before_its_number_is_completed_with_it_and_no_further()
    {
        var answer = Lead("على أي أساس أبدى بوتين استعداده للإسهام في تسوية سياسية؟",
            "وأبدى بوتين استعداده للإسهام في تسوية سياسية على أساس قرار مجلس الأمن التابع للأمم المتحدة برقم 2254 بالتوافق مع الاتفاقات التي تم التوصل إليها.");
        Assert.EndsWith("برقم 2254", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_that_ends_on_an_aside_goes_on_with_what_the_aside_interrupted()
    {
        var answer = Lead("ما الذي طالب تيلرسون المجتمع الدولي بإزالته؟",
            "ورأى أنه من أجل إكمال المهمة، يجب على المجتمع الدولي، وخاصة روسيا، إزالة العقبات أمام هزيمة داعش والمساعدة في توفير الاستقرار والحيلولة دون نهوض داعش مرة أخرى.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("إزالة العقبات", shortAnswer, StringComparison.Ordinal);
        // Completed, not run on to the end of the sentence.
        Assert.DoesNotContain("نهوض", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quotation_the_phrase_opens_is_completed_to_its_close()
    {
        var answer = Lead("من هم الأشخاص الذين تعمل مجموعة العمل التي تبنتها الدول الضامنة على الإفراج عنهم؟",
            "سعيًا لبناء الثقة بين الأطراف المتنازعة في سوريا، تتبنى \"تنظيم مجموعة العمل الخاصة بالإفراج عن المعتقلين/المختطفين وتسليم الجثث وتحديد هويات المفقودين\" و\"البيان المشترك حول نزع الألغام الإنساني\".");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("المعتقلين", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("الألغام", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definite_name_keeps_its_relative_adjective_though_the_question_says_its_word()
    {
        // «سوريا» in the question makes «السوري» one of its words, where the cut stops; the adjective still belongs to the name.
        var answer = Lead("ما المبادرة التي قال الكرملين إنها تهدف إلى وحدة سوريا؟",
            "وشدد الكرملين على أن وحدة سوريا هي ما تهدف إليه المبادرة الروسية الخاصة بعقد مؤتمر الحوار الوطني السوري في مدينة سوتشي قريباً.");
        Assert.Contains("مؤتمر الحوار الوطني السوري", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_speaker_described_before_the_name_the_question_gives_is_not_what_he_said()
    {
        // As many of the question's words in the clause that describes the speaker as in the one that says what he said: the
        // speaker's clause says nothing the question asks.
        var answer = Lead("ما الذي قال سميث إنه يجب على الأطراف ضمانه أولاً؟",
            "قال المبعوث الأممي الخاص جون سميث إنه يجب \"أولاً على الأطراف المتنازعة في البلاد ضمان الاستقرار على الأرض وإذا لم يتحقق الاستقرار هناك، فإن التقدم قد يتراجع\".");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("الاستقرار", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("المبعوث", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_name_is_anchored_by_the_noun_right_before_its_quotation_mark()
    {
        var answer = Lead("ما التنظيمات التي ناقش الوزيران محاربتها؟",
            "كما ناقش الوزيران القمة المقبلة في مدينة جنيف، لبحث الأزمة الإقليمية، و ناقشا بشأن محاربة تنظيم “القاعدة”، و حركة “الشباب”، و منظمات أخرى بالمنطقة.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("القاعدة", shortAnswer, StringComparison.Ordinal);
        Assert.Contains("الشباب", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_kind_of_a_noun_is_answered_by_what_follows_that_noun()
    {
        var answer = Lead("ما صنف الأسلحة الذي يجب على روسيا منع لجوء الحكومة إليه؟",
            "وقال الوزير إن على روسيا ضمان تلبية احتياجات الشعب ومنع لجوء الحكومة إلى أسلحة كيميائية من أي نوع كان.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("كيميائية", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("تلبية", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_members_after_a_two_word_listing_connective_are_cut_without_it()
    {
        var answer = Lead("ما الإنجازات التي رحبت بها الدول في محاربة الإرهاب؟",
            "وترحب بالإنجازات المحرزة في محاربة الإرهاب في المنطقة، لا سيما هزيمة التنظيم والتحرير الوشيك لجميع الأراضي.");
        Assert.StartsWith("هزيمة التنظيم", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_named_speaker_said_in_a_long_clause_is_cut_after_that_he_said_it()
    {
        var answer = Lead("ماذا قال مارتان في مؤتمره الصحفي عن أثر الاتفاق في حل الأزمة؟",
            "وخلال مؤتمر صحفي على هامش القمة أعلن وزير الخارجية الفرنسي جان مارتان أن الاتفاق المشترك مع الحكومة حول البلاد يؤكد سيادتها واستقلالها ووحدة أراضيها والاستمرار في مكافحة الإرهاب وسيكون عاملاً فعالاً في حل الأزمة فيها.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("عاملاً فعالاً", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("مؤتمر صحفي", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_was_said_about_a_topic_is_the_clause_that_says_the_topic_not_the_one_that_names_the_speaker()
    {
        // The first clause says the speaker and both countries, the question's other words; only the second says the topic.
        var answer = Lead("ماذا قال الوزير الفرنسي عن العقوبات على إيران؟",
            "وزير الخارجية الفرنسي جان مارتان يصدر بياناً حول اللقاء الفرنسي الإيراني قبل سفره إلى بروكسل، مؤكداً أن العقوبات ستبقى حتى تنفيذ الاتفاق كاملاً.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("ستبقى", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("بروكسل", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_is_the_noun_a_relative_clause_describes_is_answered_next_to_that_clause_verb()
    {
        // «الجهات» is said twice; what the verb of «التي دعاها» is said with names the parties asked for.
        var answer = Lead("من هي الجهات التي دعاها الوزير إلى الحوار في البلاد؟",
            "الوزير: ندعو الحكومة الانتقالية وقوات المعارضة إلى الحوار. وقال إنه يجب على الجهات في البلاد احترام الهدنة وإذا لم تحترمها فستعود المعارك.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("الحكومة الانتقالية", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("الهدنة", shortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("دعاها", "ندعو")]
    [InlineData("يرجوه", "رجا")]
    [InlineData("تلقاه", "تلقى")]
    public void A_verb_is_keyed_alike_whatever_its_person_object_or_final_weak_letter(string one, string other) =>
        Assert.Equal(AnswerShapes.VerbKey(one), AnswerShapes.VerbKey(other));

    [Fact]
    public void Why_is_answered_by_the_reason_said_right_after_the_question_words_not_an_earlier_purpose()
    {
        // Both the purpose («لتحسين…») and the cause («لأنها…») stand among the question's words; the cause follows «ضرورية».
        var answer = Lead("لماذا تعد الخطة الجديدة ضرورية؟",
            "وعمل الخبراء على الخطة الجديدة شهرين لتحسين الري، والخطة الجديدة ضرورية لأنها تضمن وصول المياه إلى القرى.");
        Assert.StartsWith("لأنها تضمن", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("أي دولة قال الوزير إنها ستمول مشروع السد؟")]
    [InlineData("ما الدولة التي قال الوزير إنها ستمول مشروع السد؟")]
    public void A_country_asked_as_who_is_answered_by_a_country_name_wherever_the_text_says_it(string question)
    {
        // A place after «في» stands nearer the question's words; the country asked for is the subject of the clause.
        var answer = Lead(question, "وقال الوزير في مؤتمر صحفي في القاهرة إن اليابان ستمول مشروع السد بالكامل.");
        Assert.StartsWith("اليابان", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_a_country_was_is_still_a_place()
    {
        // «في أي دولة» asks where: the place after «في», not a country named as the subject.
        var answer = Lead("في أي دولة عقد الوزير مؤتمره الصحفي؟", "وقال الوزير في مؤتمر صحفي عقده في مصر إن اليابان ستمول مشروع السد بالكامل.");
        Assert.Equal("في مصر", answer.ShortAnswer);
    }

    [Fact]
    public void Why_something_must_be_done_is_answered_by_what_follows_without_it()
    {
        // The purpose word («للمساعدة…») is in another sentence; the sentence that says the question's words gives the reason
        // as what follows when it is not done.
        var answer = Lead("لماذا يجب على البلديات صيانة السدود قبل الشتاء؟",
            "وقال المدير إنه يجب على البلديات صيانة السدود قبل الشتاء، وإذا لم تتم الصيانة في موعدها، فإن القرى المجاورة قد تغرق بالكامل. وأضاف أن الوزارة سترسل فرقاً للمساعدة في الأعمال.");
        Assert.StartsWith("القرى المجاورة قد تغرق", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ولأي غرض عقدت اللجنة الفنية اجتماعها؟")]
    [InlineData("لأي غرض عقدت اللجنة الفنية اجتماعها؟")]
    public void Which_with_its_preposition_asks_alike_with_or_without_and(string question)
    {
        var answer = Lead(question, "وعقدت اللجنة الفنية اجتماعها الأول في المقر الرئيسي، لدراسة خطة الري الجديدة في القرى الشمالية.");
        Assert.StartsWith("لدراسة خطة الري", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("لبحث")]
    [InlineData("لدعم")]
    public void A_purpose_may_be_said_with_a_three_letter_verbal_noun(string purpose)
    {
        var answer = Lead("ما الغرض من اجتماع اللجنة الفنية؟",
            $"وعقدت اللجنة الفنية اجتماعها الأول في المقر الرئيسي، {purpose} خطة الري الجديدة في القرى الشمالية.");
        Assert.StartsWith(purpose + " خطة الري", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void How_someone_described_his_own_thing_is_answered_by_what_follows_that_thing()
    {
        // The question's other words are said in the first sentence; the word after «زيارة» says how the visit was.
        var answer = Lead("كيف وصف الوزير زيارته إلى القاهرة؟",
            "وصل الوزير إلى القاهرة أمس على رأس وفد رسمي كبير. وقال إنه أجرى زيارة مثمرة التقى خلالها كبار المسؤولين.");
        Assert.StartsWith("مثمرة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Whom_the_answer_is_according_to_does_not_place_it_in_the_clause_that_only_names_him()
    {
        // Both clauses say three of the question's words; the shorter one only says who reported it.
        var answer = Lead("هل جرى اللقاء بين الوزيرين بترتيب سابق بحسب وكالة الأنباء الرسمية؟",
            "ومن جانبها قالت وكالة الأنباء الرسمية، إن اللقاء جرى بترتيب مسبق بين الطرفين في العاصمة.");
        Assert.Contains("بترتيب مسبق", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ماذا يحدث للمحصول إذا لم يسقط المطر في موعده؟")]
    [InlineData("شو بيصير للمحصول إذا ما نزل المطر بموعده؟")]
    [InlineData("إيه اللي يحصل للمحصول لو مانزلش المطر في موعده؟")]
    [InlineData("ما الخطر على المحصول في حال غياب المطر عن موعده؟")]
    public void What_follows_a_negated_condition_is_what_the_text_says_follows_its_negated_condition(string question)
    {
        // The affirmed condition comes first and in the first quote; the question negates its condition.
        var answer = Lead(question,
            "وقال المزارع إنه إذا سقط المطر في موعده، فإن المحصول سيكون وفيراً هذا الموسم.",
            "وأضاف أنه إذا لم يسقط المطر، فإن المحصول قد يتلف كله.");
        Assert.Contains("يتلف", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void An_affirmed_condition_is_placed_by_the_question_words_alone()
    {
        var answer = Lead("ماذا يحدث للمحصول إذا سقط المطر في موعده؟",
            "وقال المزارع إنه إذا سقط المطر في موعده، فإن المحصول سيكون وفيراً هذا الموسم.",
            "وأضاف أنه إذا لم يسقط المطر، فإن المحصول قد يتلف كله.");
        Assert.Contains("وفيراً", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void The_items_before_and_other_X_are_the_X_asked_for_not_what_follows_other()
    {
        var answer = Lead("وش الأمراض المعدية اللي تبادلوا وجهات النظر عن مكافحتها؟",
            "تبادلا وجهاتهما بشأن مكافحة مرض “الملاريا”، و حمى “الضنك”، و “الكوليرا” و أمراض معدية أخرى بأفريقيا و جنوب آسيا، فضلاً عن قضايا متعلقة بالتمويل، والتلقيح.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("الملاريا", shortAnswer, StringComparison.Ordinal);
        Assert.Contains("الضنك", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("أفريقيا", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_the_question_left_out_of_its_own_noun_phrase_is_not_the_answer()
    {
        // «لمؤتمر» stands between «الختامي» and «جنيف», the question's own words; the countries are what it asks.
        var answer = Lead("وش الدول اللي طلعت التقرير الختامي حق جنيف؟",
            "التقرير الختامي لمؤتمر جنيف",
            "صدر تقرير مشترك لفرنسا وألمانيا وإيطاليا حول مؤتمر المناخ الدولي.");
        Assert.Contains("لفرنسا وألمانيا وإيطاليا", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_numbered_items_number_is_no_word_of_the_answer()
    {
        var answer = Lead("ماذا قررت اللجنة بشأن المراقبين؟",
            "4-تقرر اللجنة إرسال بعثة من المراقبين الدوليين إلى المنطقة الشمالية،\n\n5-تدعو الأطراف إلى ضبط النفس");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.DoesNotContain("4-", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("5-", shortAnswer, StringComparison.Ordinal);
        // Digits after the dash make a range, not an item's number: «12-14 آذار» is a date.
        Assert.Equal("12-14 آذار/مارس 2019", Lead("متى عقدت الدورة؟", "12-14 آذار/مارس 2019 عقدت الدورة في القاهرة.").ShortAnswer);
    }

    [Fact]
    public void How_many_gives_the_number_with_its_percent_sign_and_decimals()
    {
        Assert.StartsWith("45%", Lead("كم بلغت نسبة المشاركة في الاستفتاء؟", "بلغت نسبة المشاركة في الاستفتاء 45% من الناخبين المسجلين.").ShortAnswer, StringComparison.Ordinal);
        Assert.StartsWith("3.5 مليار", Lead("كم بلغت قيمة المساعدات؟", "بلغت قيمة المساعدات 3.5 مليار دولار في العام الماضي.").ShortAnswer, StringComparison.Ordinal);
        Assert.StartsWith("1,200", Lead("كم شخصاً عاد إلى القرية؟", "عاد إلى القرية 1,200 لاجئ خلال الشهر الماضي.").ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("الوزيرة كانت رايحة فين لما صرّحت للصحفيين؟")]
    [InlineData("لوين كانت مسافرة الوزيرة لما حكت للصحفيين؟")]
    [InlineData("إلى أين كانت الوزيرة متوجهة حين تحدثت للصحفيين؟")]
    public void Where_someone_was_going_is_the_destination_not_where_else_the_text_places_them(string question)
    {
        var answer = Lead(question,
            "قالت الوزيرة للصحفيين في مطار القاهرة قبل مغادرتها إلى مدينة جنيف إن المحادثات في الخرطوم كانت مثمرة.");
        Assert.Contains("جنيف", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
        Assert.DoesNotContain("الخرطوم", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_meeting_someone_was_heading_to_is_what_to_attend_names()
    {
        var answer = Lead("إلى أي قمة كان الوزير متجهاً عندما أدلى بتصريحه؟",
            "أدلى الوزير بتصريحه في ختام قمة القاهرة قبل مغادرته لحضور مؤتمر المناخ في باريس، داعياً الأطراف إلى الحوار.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.StartsWith("مؤتمر المناخ", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("القاهرة", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void What_something_was_described_as_is_what_a_word_of_capacity_introduces()
    {
        var answer = Lead("بماذا وصف الوزير الاتفاق الجديد؟",
            "وقال الوزير إن الاتفاق الجديد يحتاج بوصفه خطوة أولى نحو السلام إلى دعم دولي واسع من الدول المانحة.");
        Assert.StartsWith("خطوة أولى", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void How_with_and_before_it_asks_what_how_asks()
    {
        var answer = Lead("وكيف وصف الرئيس لقاءه مع نظيره الفرنسي؟",
            "وأضاف الرئيس أنه عقد لقاءً مثمراً مع نظيره الفرنسي. كما أشار إلى أن القمة المقبلة ستعقد في روما بحضور عدد من القادة.");
        Assert.StartsWith("مثمراً", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_is_introduced_by_the_words_its_own_question_asks_for_not_the_earlier_ones()
    {
        // Read with the earlier «كيف وصف…», the follow-up still asks what was said of the funding, not what a word of
        // capacity introduces («بوصفه رئيس الوفد»).
        var answer = Lead("وشو قال عن التمويل كيف وصف الاتفاق؟", "وشو قال عن التمويل؟",
            ["وأضاف بوصفه رئيس الوفد أن التمويل سيأتي من الدول المانحة خلال العام المقبل."]);
        Assert.Contains("الدول المانحة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("الجلسة الأولى انعقدت بتاريخ كم؟")]
    [InlineData("الجلسة الأولى كانت سنة كام؟")]
    public void How_many_after_a_noun_of_time_asks_the_date(string question)
    {
        var answer = Lead(question, "عقدت الجلسة الأولى بحضور 12 عضواً بتاريخ 3 نيسان/أبريل 2021 في مقر البرلمان.");
        Assert.Contains("2021", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
        Assert.DoesNotContain("12", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_left_open_before_the_question_words_goes_on_past_them_to_what_the_text_says_after()
    {
        // «بما يشمل» cannot end the phrase; the question's «المواقع الأثرية» interrupts it, and the organisation follows them.
        var answer = Lead("ما الهيئة التي تعتمد قائمتها للمواقع الأثرية في خطة الحماية؟",
            "أقرت الوزارة خطة الحماية الجديدة للمدينة القديمة، بما يشمل المواقع الأثرية المسجلة حسب قائمة اليونسكو الدولية.");
        Assert.Contains("اليونسكو", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_ends_whole_before_the_question_words_is_not_run_on_past_them()
    {
        // «الثامنة» ends «الجولة الثامنة»: what follows the question's «الاجتماع الدولي» is not the answer.
        var answer = Lead("في أي جولة من الاجتماع الدولي شاركت اللجنة؟",
            "شاركت اللجنة في الجولة الثامنة من الاجتماع الدولي رفيع المستوى حول المياه.");
        Assert.DoesNotContain("رفيع", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
        Assert.Contains("الثامنة", answer.ShortAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("عن أي بلد غير لبنان تحدث الوزيران في اللقاء؟")]
    [InlineData("إلى جانب لبنان، ما الملف الآخر الذي قال الوزير إنه تحدث عنه؟")]
    [InlineData("الوزيران اتكلموا في إيه تاني غير لبنان؟")]
    public void What_the_question_sets_aside_is_answered_by_what_the_text_says_in_its_place(string question)
    {
        // «غير لبنان», «إلى جانب لبنان»: the answer is what the text says after the same verb and preposition, not what is
        // near the question's other words.
        var answer = Lead(question,
            "قال الوزير في مؤتمر صحفي عقده بعد اللقاء: تحدثنا عن لبنان، وهذا مهم جداً، كما تحدثنا أيضاً عن العراق.");
        Assert.Equal("العراق", answer.ShortAnswer);
    }

    [Fact]
    public void A_list_is_cut_before_the_item_the_question_sets_aside()
    {
        var answer = Lead("ما الفصائل التي ناقش الطرفان أمرها غير حركة الشباب؟",
            "وناقش الطرفان أمر فصيل “الجبهة الشرقية”، و تنظيم “الكتائب”، و حركة الشباب و فصائل مسلحة أخرى في المنطقة.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.Contains("الكتائب", shortAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("الشباب", shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_named_beside_what_the_question_sets_aside_answers_who_else()
    {
        var answer = Lead("من الطرف الذي خصه الوزير بالذكر إلى جانب الاتحاد الأوروبي لتقديم الدعم؟",
            "ورأى الوزير أنه يجب على الاتحاد الأوروبي، وخاصة ألمانيا، تقديم الدعم اللازم لإعادة الإعمار.");
        Assert.Contains("ألمانيا", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void An_adjective_negated_by_ghayr_sets_nothing_aside()
    {
        // «فصيل غير شرعي» describes; «غير» sets nothing aside here, and the object of «منعه» answers as before.
        var answer = Lead("ما الذي يجب منع أي فصيل غير شرعي منه؟",
            "يجب منع أي فصيل غير شرعي من استعادة المناطق المحررة في الشمال.");
        Assert.Contains("استعادة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ما الحلول التي قال الوزير إنها غير متاحة لإنهاء الأزمة؟")]
    [InlineData("ما الحلول التي قال الوزير إنها غير موجودة لإنهاء الأزمة؟")]
    public void A_participle_negated_by_ghayr_sets_nothing_aside(string question)
    {
        // «غير متاحة» says what the solutions are not; read as setting aside «متاحة لإنهاء الأزمة», the answer would be
        // only the item the text lists after «إنهاء الأزمة».
        var answer = Lead(question, "وقال الوزير إنه لا توجد حلول سهلة لإنهاء الأزمة وحماية المدنيين في الشمال.");
        Assert.Contains("حلول سهلة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_sets_aside_only_what_its_own_words_set_aside()
    {
        // The earlier question set «لبنان» aside; «وأي محادثات…» asks for the talks, whatever the earlier one excluded.
        var answer = Lead("وأي محادثات شددوا على دعمها وعن أي بلد غير لبنان تحدثوا", "وأي محادثات شددوا على دعمها؟",
            ["وشدد الطرفان على ضرورة دعم محادثات الدوحة، كما تحدثوا عن لبنان وعن العراق."]);
        Assert.Contains("الدوحة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_copula_places_no_place()
    {
        // «المهم الآن… هو تعزيز الاتفاق حول مناطق…» says what matters, not in which city.
        var answer = Lead("بأي مدينة استشهد الرئيس على اقتراب نهاية العمل العسكري في البلاد؟",
            "وأكد الرئيس أن العمل العسكري في البلاد يقترب من نهايته بعد سيطرة الجيش على مدينة الميادين قرب الحدود، مبينا أن المهم الآن بعد اختتام هذا العمل هو تعزيز الاتفاق حول مناطق التهدئة.");
        Assert.Contains("الميادين", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_causal_preposition_right_after_the_question_words_gives_their_reason()
    {
        // «لأنها…» gives the reason the plan matters; «في ضوء…», right after «بالغ الأهمية للمدينة», the reason asked.
        var answer = Lead("لماذا قال المحافظ إن استمرار أعمال الصيانة بالغ الأهمية للمدينة؟",
            "وقال المحافظ إن الخطة الجديدة التي أقرها المجلس البلدي أمس بعد نقاش طويل مهمة لأنها تضمن التمويل اللازم لها من الموازنة العامة، واستمرار أعمال الصيانة بالغ الأهمية للمدينة في ضوء ما جرى خلال الفيضانات الأخيرة.");
        var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
        Assert.True(shortAnswer.StartsWith("في ضوء ما جرى", StringComparison.Ordinal), shortAnswer);
    }

    [Theory]
    [InlineData("كيف وصف الوزير الزيارة إلى الميناء؟", "زيارة ناجحة")]
    [InlineData("كيف وصف بيان الوزارة مراكز الإيواء الجديدة؟", "كحل مؤقت")]
    public void How_something_is_described_is_said_right_after_it_without_a_pronoun_in_the_question(string question, string described)
    {
        // What the describing verb's object is: the last word of its subject and object, before the preposition.
        var answer = Lead(question,
            "وقال الوزير في ختام جولته إنه قام بزيارة ناجحة إلى الميناء، فيما قدم بيان الوزارة مراكز الإيواء الجديدة كحل مؤقت حتى انتهاء أعمال الترميم.");
        Assert.Contains(described.Split(' ')[^1], Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("الوزير قبل ما يسافر كيف وصف الزيارة إلى الميناء؟")]
    [InlineData("هو الوزير وصف الزيارة اللي عملها للميناء بإيه؟")]
    public void How_something_is_described_is_read_when_the_subject_stands_before_the_verb(string question)
    {
        // The subject before the describing verb: the one word after it is what is described («زيارة ناجحة»).
        var answer = Lead(question,
            "وأكد المحافظ في بيانه أن أعمال الترميم في الميناء ستنتهي قبل الصيف وأن الوزير سيعود إليه.",
            "وقال الوزير في ختام جولته في الميناء إنه قام بزيارة ناجحة، وبحث مع المسؤولين خطط التوسعة.");
        Assert.StartsWith("ناجحة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_asked_what_it_was_described_as_is_not_answered_by_what_follows_it()
    {
        // «روسيا» is no definite noun: what follows it («وروسيا ملزمة…») says what it must do, not how it was described.
        var answer = Lead("الوزير وصف روسيا بإيه في علاقتها بالحكومة؟",
            "وقال الوزير إن روسيا، بوصفها ضامنا للحكومة وشريكاً في الصراع، تتحمل مسؤولية خاصة، وروسيا ملزمة أيضاً بمنع التصعيد.");
        Assert.Contains("ضامنا", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("منو الأطراف اللي وقعت المذكرة في عمان؟")]
    [InlineData("شكون الأطراف اللي وقعات المذكرة ديال عمان؟")]
    [InlineData("من هي الأطراف التي وقعت المذكرة في عمان؟")]
    public void The_parties_a_date_stands_between_the_question_words_and_them_are_the_answer(string question)
    {
        // The date between «المذكرة… في عمان» and the list does not set the list apart from the question's words.
        var answer = Lead(question,
            "ورحب الوزراء اليوم بالمذكرة الموقعة في عمان بالأردن في 8 تشرين الثاني / نوفمبر 2017 بين المملكة الأردنية الهاشمية وجمهورية مصر العربية والجمهورية اللبنانية.");
        Assert.Contains("الأردنية", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void Who_asked_as_the_object_of_a_noun_is_named_after_that_noun_not_among_listed_members()
    {
        // «بما في ذلك…» lists the steps; who supervises is named after «تحت إشراف».
        var answer = Lead("والانتخابات تحت إشراف مين حسب البيان؟",
            "وأكد الوزيران أن الخطوات ينبغي أن تشمل تنفيذ الاتفاق، بما في ذلك الإصلاح الإداري والانتخابات البلدية تحت إشراف الهيئة المستقلة، وفقا لأعلى المعايير.");
        Assert.StartsWith("الهيئة المستقلة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_possessive_after_a_preposition_is_not_what_is_described()
    {
        // «قبل مغادرته» says when; what «كيف وصف» asks about is the call, the verb's object before the preposition.
        var answer = Lead("كيف وصف الوزير المكالمة مع نظيره قبل مغادرته العاصمة؟",
            "وقال الوزير قبل مغادرته العاصمة بساعات إنه أجرى مع نظيره مكالمة مثمرة تناولت ملف المياه، وإن المغادرة جاءت في موعدها.");
        Assert.Contains("مثمرة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("الوزيران شلون وصفوا مراكز الإيواء الجديدة، خطوة دائمة لو مؤقتة؟")]
    [InlineData("كيف وصف الوزيران مراكز الإيواء الجديدة، خطوة دائمة أم مؤقتة؟")]
    public void An_offered_alternative_the_text_says_is_the_answer_not_a_word_to_trim(string question)
    {
        // «خطوة مؤقتة» are words of the question, but it offers «مؤقتة» to choose: cut as the question's own, it left only
        // what follows it («للحد من الاكتظاظ…»).
        var answer = Lead(question, "وأكد الوزير والمحافظ في الختام على أهمية مراكز الإيواء الجديدة كخطوة مؤقتة للحد من الاكتظاظ في المدينة، وتسهيل وصول المساعدات إلى الأسر دون عوائق وتهيئة الظروف للعودة.");
        Assert.Contains("مؤقتة", Assert.IsType<string>(answer.ShortAnswer), StringComparison.Ordinal);
    }
}
