using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// Metamorphic checks over every gold set: a question with a number in front, a greeting, thanks, a framing phrase or
/// other punctuation, or asked with a dialect's interrogative instead of the standard one, is the same question, so it
/// must keep its outcome (right evidence and the same short answer, or abstention where the corpus has no answer) in at
/// least <see cref="MinKept"/> of the questions, for every kind of wrapping and every dialect word; respelt with vowel
/// marks, tatweel or a letter of the same sound, in at least <see cref="MinKeptRespelt"/>.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class WrappedQuestionTests(SeedIndexFixture seeds)
{
    private const double MinKept = 0.95;

    /// <summary>A respelling changes no word: the matching forms are the same, so nearly every outcome must stay.</summary>
    private const double MinKeptRespelt = 0.99;

    public static TheoryData<string, string> Wrappers => new()
    {
        { "number س", "س5) {0}" },
        { "number dash", "2- {0}" },
        { "number Q", "Q3. {0}" },
        { "number Arabic-Indic", "(٤) {0}" },
        { "number hash", "#2 {0}" },
        { "dotted number", "2.3 {0}" },
        { "keycap digit", "3️⃣ {0}" },
        { "letter", "ب) {0}" },
        { "label alone", "س: {0}" },
        { "ordinal", "السؤال السابع: {0}" },
        { "greeting", "مرحبا، {0}" },
        { "address", "أخي الكريم، {0}" },
        { "greeting then number", "مساء الخير، س5) {0}" },
        { "answer request", "{0} باختصار مع ذكر المصدر" },
        { "interjection after the interrogative", "{1} يا ترى {2}" },
        { "emphasis before the mark", "{0}|بالضبط" },
        { "politeness and thanks", "لو سمحت {0} شكراً جزيلاً" },
        { "asking frame", "سؤالي هو: {0}" },
        { "source frame", "بحسب الوثائق، {0}" },
        { "no question mark", "{0}|nomark" },
        { "repeated marks", "{0}؟؟!!" },
        { "asker's context before", "أنا طالب وأكتب بحثاً للجامعة. {0}" },
        { "thanks sentence after", "{0}\nشكراً لك على المساعدة." },
        { "context line ending in a colon", "صباح النور، أراجع مادة عن المفاوضات وعندي استفسار:\n{0}" },
    };

    [Theory]
    [MemberData(nameof(Wrappers))]
    public async Task A_wrapped_or_numbered_question_keeps_its_outcome(string kind, string wrapper)
    {
        var questions = GoldQuestions();
        Assert.True(questions.Count > 400, $"only {questions.Count} gold questions found");
        await AssertOutcomesKeptAsync(kind, questions, question => Wrap(wrapper, question.Question));
    }

    /// <summary>Each dialect's word for a standard interrogative: Levantine, Egyptian, Gulf, Iraqi and Maghrebi.</summary>
    public static TheoryData<string, string> DialectInterrogatives => new()
    {
        { "متى", "إمتى" }, { "متى", "إيمتى" }, { "متى", "متين" },
        { "أين", "وين" }, { "أين", "فين" },
        { "من", "مين" }, { "من", "منو" }, { "من", "شكون" },
        { "ماذا", "شو" }, { "ماذا", "إيش" }, { "ماذا", "وش" }, { "ماذا", "شنو" }, { "ماذا", "آش" },
        { "كم", "قديش" }, { "كم", "كام" }, { "كم", "شكد" }, { "كم", "قداش" },
        { "لماذا", "ليش" }, { "لماذا", "ليه" }, { "لماذا", "علاش" },
        { "كيف", "إزاي" }, { "كيف", "شلون" }, { "كيف", "كيفاش" },
    };

    [Theory]
    [MemberData(nameof(DialectInterrogatives))]
    public async Task A_question_asked_with_a_dialect_interrogative_keeps_its_outcome(string standard, string dialect)
    {
        var questions = GoldQuestions().Where(question => question.Question.StartsWith(standard + " ", StringComparison.Ordinal)).ToList();
        Assert.True(questions.Count >= 20, $"only {questions.Count} gold questions open with «{standard}»");
        await AssertOutcomesKeptAsync(dialect, questions, question => dialect + question.Question[standard.Length..]);
    }

    /// <summary>How people misspell or decorate what they type: marks added, letters of the same sound swapped.</summary>
    public static TheoryData<string> Respellings => new() { "short vowels", "tatweel", "final ى typed ي", "final ة typed ه", "hamza dropped" };

    [Theory]
    [MemberData(nameof(Respellings))]
    public async Task A_respelt_question_keeps_its_outcome(string respelling)
    {
        var questions = GoldQuestions();
        await AssertOutcomesKeptAsync(respelling, questions, question => Respell(respelling, question.Question), MinKeptRespelt);
    }

    private static string Respell(string respelling, string question) => respelling switch
    {
        // A fatha after each word's first letter and a damma after its third («مَتى عُقدت» and worse).
        "short vowels" => ArabicWord().Replace(question, w => $"{w.Value[0]}\u064E{w.Value[1..3]}\u064F{w.Value[3..]}"),
        // A tatweel after the second letter, where that letter joins the next («متـى», «الـرئيس»).
        "tatweel" => ArabicWord().Replace(question, w => "اأإآدذرزوؤءة".Contains(w.Value[1]) ? w.Value : $"{w.Value[..2]}\u0640{w.Value[2..]}"),
        "final ى typed ي" => Regex.Replace(question, @"ى(?=\s|$|[؟?،,.])", "ي"),
        "final ة typed ه" => Regex.Replace(question, @"ة(?=\s|$|[؟?،,.])", "ه"),
        "hamza dropped" => Regex.Replace(question, "[أإآ]", "ا"),
        _ => throw new ArgumentOutOfRangeException(nameof(respelling)),
    };

    [GeneratedRegex(@"[\u0621-\u064A]{3,}")]
    private static partial Regex ArabicWord();

    private static List<GoldQuestion> GoldQuestions() =>
        Directory.GetFiles(TestPaths.Gold(""), "*gold*.jsonl").SelectMany(GoldSet.Load).ToList();

    private async Task AssertOutcomesKeptAsync(string kind, IReadOnlyList<GoldQuestion> questions, Func<GoldQuestion, string> reword, double minKept = MinKept)
    {
        var changed = new List<string>();
        foreach (var question in questions)
        {
            var plain = await OutcomeAsync(question, question.Question);
            var reworded = await OutcomeAsync(question, reword(question));
            if (plain != reworded) changed.Add($"{question.Id} {(reworded.Right == plain.Right ? "short answer «" + plain.ShortAnswer + "» → «" + reworded.ShortAnswer + "»" : reworded.Right ? "gained" : "lost")}");
        }
        var kept = 1 - (double)changed.Count / questions.Count;
        Assert.True(kept >= minKept, $"{kind}: {kept:P1} of outcomes kept; changed: {string.Join(", ", changed)}");
    }

    /// <summary>The wrapped question: {0} is the question, {1} its first word and {2} the rest; «{0}|word» puts the word before its final mark, «{0}|nomark» drops the mark.</summary>
    private static string Wrap(string wrapper, string question)
    {
        var bare = question.TrimEnd('؟', '?', ' ');
        if (wrapper.StartsWith("{0}|", StringComparison.Ordinal))
        {
            var word = wrapper[4..];
            return word == "nomark" ? bare : $"{bare} {word}{question[bare.Length..].Trim()}";
        }
        var space = question.IndexOf(' ', StringComparison.Ordinal);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, wrapper, question,
            space < 0 ? question : question[..space], space < 0 ? "" : question[(space + 1)..]);
    }

    private async Task<(bool Right, string? ShortAnswer)> OutcomeAsync(GoldQuestion question, string text)
    {
        var answer = await seeds.Answers.AskAsync(new Question(text), TestContext.Current.CancellationToken);
        if (!question.Answerable) return (answer.Abstained, null);
        var spans = GoldSet.EvidenceSpans(question).ToList();
        return (answer.Citations.Any(c => c.DocumentId == question.Doc && spans.Any(s => c.Start < s.End && s.Start < c.End)), answer.ShortAnswer);
    }
}
