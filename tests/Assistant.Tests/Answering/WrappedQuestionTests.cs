using Assistant.Answering;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// Metamorphic checks over every gold set: a question with a number in front, a greeting, thanks, a framing phrase or
/// other punctuation is the same question, so it must keep its outcome (right evidence, or abstention where the corpus
/// has no answer) in at least <see cref="MinKept"/> of the questions, for every kind of wrapping.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class WrappedQuestionTests(SeedIndexFixture seeds)
{
    private const double MinKept = 0.95;

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
        var questions = Directory.GetFiles(TestPaths.Gold(""), "*gold*.jsonl").SelectMany(GoldSet.Load).ToList();
        Assert.True(questions.Count > 400, $"only {questions.Count} gold questions found");
        var changed = new List<string>();
        foreach (var question in questions)
        {
            var plain = await IsRightAsync(question, question.Question);
            var wrapped = await IsRightAsync(question, Wrap(wrapper, question.Question));
            if (plain != wrapped) changed.Add($"{question.Id} {(wrapped ? "gained" : "lost")}");
        }
        var kept = 1 - (double)changed.Count / questions.Count;
        Assert.True(kept >= MinKept, $"{kind}: {kept:P1} of outcomes kept; changed: {string.Join(", ", changed)}");
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

    private async Task<bool> IsRightAsync(GoldQuestion question, string text)
    {
        var answer = await seeds.Answers.AskAsync(new Question(text), TestContext.Current.CancellationToken);
        if (!question.Answerable) return answer.Abstained;
        var spans = GoldSet.EvidenceSpans(question).ToList();
        return answer.Citations.Any(c => c.DocumentId == question.Doc && spans.Any(s => c.Start < s.End && s.Start < c.End));
    }
}
