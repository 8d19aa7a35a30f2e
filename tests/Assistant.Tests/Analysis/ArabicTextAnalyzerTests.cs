using Assistant.Analysis;

namespace Assistant.Tests.Analysis;

public sealed class ArabicTextAnalyzerTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    private string[] Terms(string text) => _analyzer.Terms(text).ToArray();

    [Theory]
    [InlineData("استانا", "أستانا")]
    [InlineData("الامم المتحده", "الأمم المتحدة")]
    [InlineData("٢٢٥٤", "2254")]
    [InlineData("۲۰۱۷", "2017")]
    [InlineData("الرئيسين", "الرئيسان")]
    [InlineData("سـوريـــا", "سوريا")]
    [InlineData("مَسْؤُولِيَّةٌ", "مسؤولية")]
    [InlineData("هيئة", "هيئه")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مؤتمر", "موتمر")]
    [InlineData("ٱلْمُؤْتَمَرُ", "المؤتمر")]
    [InlineData("یوم", "يوم")]
    [InlineData("الأميركي", "الأمريكي")]
    [InlineData("أميركا", "أمريكا")]
    [InlineData("ترمب", "ترامب")]
    [InlineData("بوتن", "بوتين")]
    [InlineData("ترامپ", "ترامب")]
    [InlineData("ڤيتنام", "فيتنام")]
    [InlineData("چنيف", "جنيف")]
    public void Spelling_variants_analyse_to_the_same_terms(string variant, string canonical)
    {
        Assert.NotEmpty(Terms(canonical));
        Assert.Equal(Terms(canonical), Terms(variant));
    }

    [Theory]
    [InlineData("لوزير", "وزير")]
    [InlineData("بوزارة", "وزارة")]
    public void A_word_with_a_proclitic_meets_the_bare_word(string withProclitic, string bare)
    {
        Assert.Subset(Terms(withProclitic).ToHashSet(), Terms(bare).ToHashSet());
    }

    /// <summary>
    /// Forms of one word that Lucene's light stemmer leaves apart: a leading و that is the word's own letter, a hamza after
    /// alef on another seat, a dual or plural pronoun suffix, «لل» read as ل before a word starting with ل, «أل»/«آل» that
    /// is the word's own beginning and not the article, a broken plural and its singular.
    /// </summary>
    [Theory]
    [InlineData("وطني", "الوطني")]
    [InlineData("وزير", "الوزير")]
    [InlineData("واشنطن", "لواشنطن")]
    [InlineData("للقائه", "اللقاء")]
    [InlineData("وزرائه", "الوزراء")]
    [InlineData("وزراؤه", "الوزراء")]
    [InlineData("بيانهما", "البيان")]
    [InlineData("اجتماعهما", "الاجتماع")]
    [InlineData("بلدهم", "البلد")]
    [InlineData("آليات", "الآليات")]
    [InlineData("آلاف", "الآلاف")]
    [InlineData("بألمانيا", "الألمانية")]
    [InlineData("الأسلحة", "سلاح")]
    [InlineData("ومناطق", "منطقة")]
    [InlineData("وزراء", "الوزير")]
    public void Two_forms_of_a_word_share_a_term(string form, string other)
    {
        Assert.NotEmpty(Terms(form).Intersect(Terms(other)));
    }

    [Fact]
    public void A_fully_diacritised_question_matches_the_plain_seed_text()
    {
        const string plain = "واتفق الرئيسان على أنه لا يوجد حل عسكري للصراع في سوريا";
        const string diacritised = "وَاتَّفَقَ الرَّئِيسَانِ عَلَى أَنَّهُ لَا يُوجَدُ حَلٌّ عَسْكَرِيٌّ لِلصِّرَاعِ فِي سُورِيَا";
        Assert.Equal(Terms(plain), Terms(diacritised));
        Assert.Contains("عسكر", Terms(plain));
        Assert.Contains("صراع", Terms(plain));
    }

    [Fact]
    public void Superscript_alef_and_quranic_marks_are_ignored()
    {
        Assert.Equal(Terms("الرحمن"), Terms("ٱلرَّحْمَٰنِ"));
        Assert.Equal(Terms("لكن هذا الإله"), Terms("لَٰكِنَّ هَٰذَا ٱلْإِلَٰهُ ۛ"));
    }

    [Fact]
    public void Latin_words_and_digits_stay_searchable_and_split_from_arabic()
    {
        Assert.Equal(["g", "20"], Terms("مؤتمر G 20").Where(t => !t.StartsWith('م')).ToArray());
        Assert.Equal(Terms("G 20"), Terms("G20"));
        Assert.Contains("2254", Terms("رقم 2254"));
        Assert.Contains("apec", Terms("قمة APEC"));
        Assert.Contains("2017", Terms("22 ديسمبر 2017م"));
    }

    [Fact]
    public void Unicode_spaces_separate_words()
    {
        Assert.Equal(Terms("مجلس الأمن"), Terms("مجلس\u00A0الأمن"));
        Assert.Equal(Terms("مجلس الأمن"), Terms("مجلس\u2009الأمن"));
    }

    [Fact]
    public void Stop_words_and_single_letters_are_dropped_and_proclitics_get_a_variant()
    {
        var terms = Terms("و أشار البيت الأبيض في بيان إلى أن");
        Assert.DoesNotContain("في", terms);
        Assert.DoesNotContain("و", terms);
        Assert.Contains("سوريا", Terms("بسوريا"));
    }

    [Fact]
    public void Token_offsets_point_at_the_original_text()
    {
        const string text = "قال وزير الخارجية الأميركي ريكس تيلرسون";
        foreach (var token in _analyzer.Analyze(text))
        {
            var original = text[token.Start..token.End];
            Assert.False(string.IsNullOrWhiteSpace(original));
            Assert.DoesNotContain(' ', original);
        }
        var tillerson = _analyzer.Analyze(text).Single(t => t.Term.StartsWith("تيلرس", StringComparison.Ordinal));
        Assert.Equal("تيلرسون", text[tillerson.Start..tillerson.End]);
    }

    [Fact]
    public void A_word_said_again_has_the_same_terms_at_its_own_offsets()
    {
        // The second «وزير» and «للقائه» come from the analyser's memory of words: same terms, this occurrence's place.
        const string text = "وزير الخارجية للقائه، ثم قال وزير الدفاع للقائه";
        var tokens = _analyzer.Analyze(text);
        foreach (var word in new[] { "وزير", "للقائه" })
        {
            var first = text.IndexOf(word, StringComparison.Ordinal);
            var second = text.IndexOf(word, first + 1, StringComparison.Ordinal);
            var atFirst = tokens.Where(t => t.Start == first).ToList();
            var atSecond = tokens.Where(t => t.Start == second).ToList();
            Assert.NotEmpty(atFirst);
            Assert.Equal(atFirst.Select(t => t.Term), atSecond.Select(t => t.Term));
            Assert.All(atSecond, t => Assert.Equal(word, text[t.Start..t.End]));
        }
        Assert.Equal(tokens, _analyzer.Analyze(text));
    }

    [Fact]
    public void Normalize_gives_the_matching_form_without_stemming()
    {
        Assert.Equal("الامم المتحده 2254", _analyzer.Normalize("الأُمَمِ  المتحدة، ٢٢٥٤"));
        Assert.Equal(_analyzer.Normalize("11 تشرين الثاني"), _analyzer.Normalize("١١ تِشرين الثانى"));
    }
    [Fact]
    public void A_word_longer_than_the_first_buffer_comes_whole_and_words_after_it_are_unaffected()
    {
        // 150 letters: more than the first buffer holds, so the letters gathered so far must survive its growing.
        var longWord = string.Concat(Enumerable.Repeat("كتب", 50));
        var words = new List<(string Word, int Start, int End)>();
        var text = $"قال {longWord} الوزير";
        _analyzer.ForEachWord(text, 0, text.Length, (word, start, end) => words.Add((word.ToString(), start, end)));
        Assert.Equal([("قال", 0, 3), (longWord, 4, 154), ("الوزير", 155, 161)], words);
    }
}

public sealed class NewsSynonymsTests
{
    private static readonly ArabicTextAnalyzer Analyzer = new();

    [Theory]
    [InlineData("الزعيمان", "الرئيسان")]
    [InlineData("النزاع", "الصراع")]
    [InlineData("الاجتماع", "القمة")]
    [InlineData("لقائهما", "اجتماع")]
    [InlineData("حماية", "الحفاظ")]
    [InlineData("الملفات", "قضايا")]
    [InlineData("تطرقا", "بحثا")]
    [InlineData("تناول", "ناقش")]
    [InlineData("تناولوا", "ناقش")]
    [InlineData("أشرفوا", "تابع")]
    [InlineData("تكلموا", "تحدث")]
    [InlineData("دامت", "استغرق")]
    [InlineData("التمهيدي", "تحضيرياً")]
    [InlineData("التأم", "انعقد")]
    public void A_word_reaches_the_words_that_name_the_same_thing(string asked, string written)
    {
        var synonyms = NewsSynonyms.Of(Analyzer.Terms(asked));
        Assert.Contains(Analyzer.Terms(written), synonyms.Contains);
    }

    [Theory]
    [InlineData("زيادة", "خفض")]
    [InlineData("الرئيسان", "الوزير")]
    [InlineData("سوريا", "روسيا")]
    [InlineData("عضو", "رئيس")]
    public void Other_words_are_not_synonyms(string asked, string written)
    {
        var synonyms = NewsSynonyms.Of(Analyzer.Terms(asked));
        Assert.DoesNotContain(Analyzer.Terms(written), synonyms.Contains);
    }

}
