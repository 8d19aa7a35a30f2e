using Assistant.Analysis;
using Assistant.Answering;
using ShortAnswerGrade = Assistant.Evaluation.ShortAnswerGrade;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering.ShortAnswers;

/// <summary>
/// Short answers over gold sets through the default pipeline: every answered question's text opens with a short answer
/// of at most 20 words, each from a cited quote (the first one cited), and no abstention has one; the share that holds the gold answer terms
/// stays at least what it is today (so a change that makes short answers worse fails).
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ShortAnswerGoldTests(SeedIndexFixture seeds)
{
    private static readonly Func<string, string> Normalize = new ArabicTextAnalyzer().Normalize;

    [Theory]
    [InlineData("sample-gold.jsonl", 11)]
    [InlineData("gold.jsonl", 60)]
    [InlineData("gold-fresh.jsonl", 28)]
    [InlineData("gold-unseen.jsonl", 34)]
    [InlineData("gold-blind.jsonl", 29)]
    [InlineData("gold-wild-a.jsonl", 46)]
    [InlineData("gold-wild-b.jsonl", 42)]
    [InlineData("gold-wild-c.jsonl", 47)]
    [InlineData("gold-wild-e.jsonl", 49)]
    [InlineData("gold-wild-d.jsonl", 50)]
    [InlineData("gold-wild-f.jsonl", 39)]
    [InlineData("gold-wild-g.jsonl", 38)]
    [InlineData("gold-wild-h.jsonl", 33)]
    [InlineData("gold-wild-i.jsonl", 27)]
    [InlineData("gold-wild-j.jsonl", 39)]
    [InlineData("gold-wild-k.jsonl", 36)]
    [InlineData("gold-wild-l.jsonl", 38)]
    [InlineData("gold-wild-m.jsonl", 37)]
    [InlineData("gold-wild-n.jsonl", 39)]
    [InlineData("gold-wild-o.jsonl", 40)]
    [InlineData("gold-wild-p.jsonl", 39)]
    [InlineData("gold-wild-q.jsonl", 40)]
    [InlineData("gold-wild-r.jsonl", 39)]
    [InlineData("gold-wild-s.jsonl", 41)]
    [InlineData("gold-wild-t.jsonl", 42)]
    [InlineData("gold-wild-u.jsonl", 34)]
    [InlineData("gold-wild-v.jsonl", 32)]
    [InlineData("gold-wild-w.jsonl", 36)]
    [InlineData("gold-wild-x.jsonl", 34)]
    [InlineData("gold-wild-y.jsonl", 37)]
    [InlineData("gold-wild-z.jsonl", 38)]
    [InlineData("gold-wild-aa.jsonl", 39)]
    [InlineData("gold-wild-ab.jsonl", 42)]
    [InlineData("gold-wild-ac.jsonl", 39)]
    [InlineData("gold-wild-ad.jsonl", 33)]
    [InlineData("gold-wild-ae.jsonl", 47)]
    [InlineData("gold-wild-af.jsonl", 35)]
    [InlineData("gold-wild-ag.jsonl", 37)]
    [InlineData("gold-wild-ah.jsonl", 39)]
    [InlineData("gold-wild-ai.jsonl", 37)]
    [InlineData("gold-wild-ak.jsonl", 35)]
    [InlineData("gold-wild-al.jsonl", 35)]
    [InlineData("gold-wild-am.jsonl", 43)]
    [InlineData("gold-wild-an.jsonl", 33)]
    public async Task Every_answer_opens_with_a_grounded_short_answer_and_right_ones_do_not_drop(string set, int rightAtLeast)
    {
        var right = 0;
        var wrong = new List<string>();
        foreach (var question in GoldSet.Load(TestPaths.Gold(set)))
        {
            var answer = await seeds.Answers.AskAsync(new Question(question.Question), TestContext.Current.CancellationToken);
            if (answer.Abstained)
            {
                Assert.Null(answer.ShortAnswer);
                continue;
            }
            var shortAnswer = Assert.IsType<string>(answer.ShortAnswer);
            // The quote it is cut from is cited first.
            Assert.StartsWith(shortAnswer + " [1]", answer.Text, StringComparison.Ordinal);
            var gold = new Assistant.Evaluation.GoldQuestion(0, question.Id, question.Question, question.Doc ?? "none", question.Evidence, question.AnswerTerms);
            var grade = ShortAnswerGrade.Of(gold, answer, Normalize)!;
            // Grounding and length hold for every answer, whether or not it was the right one to give.
            Assert.DoesNotContain(grade.Problems, p => p.Contains("ليست في اقتباس مستشهد به", StringComparison.Ordinal) || p.Contains("كلمة، والحد", StringComparison.Ordinal));
            if (!question.Answerable) continue;
            if (grade.Correct) right++;
            else wrong.Add($"{question.Id}: {shortAnswer} ({string.Join("; ", grade.Problems)})");
        }
        Assert.True(right >= rightAtLeast, $"{right} right short answers on {set}, expected at least {rightAtLeast}:\n{string.Join("\n", wrong)}");
    }
}
