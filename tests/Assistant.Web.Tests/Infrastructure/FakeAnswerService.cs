using System.Collections.Concurrent;
using Assistant.Answering;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// Answers every question with a cited sentence of <see cref="FakeCorpus.Treaty"/>, records what it was asked,
/// and can be told to fail.
/// </summary>
public sealed class FakeAnswerService : IAnswerService
{
    public ConcurrentQueue<Question> Questions { get; } = new();
    public Func<Question, Answer>? Respond { get; set; }
    /// <summary>When set, answering waits for it: a slow model or index.</summary>
    public Task? Gate { get; set; }

    public async Task<Answer> AskAsync(Question question, CancellationToken cancellationToken)
    {
        Questions.Enqueue(question);
        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }
        var answer = Respond?.Invoke(question) ?? FakeCorpus.AnswerWith(
            question.Text,
            "وقّعت الدولتان المعاهدة عام 1979 [1]، ونصّت على انسحاب القوات خلال ثلاث سنوات [2].",
            FakeCorpus.Cite(1, FakeCorpus.Treaty, "وقّعت الدولتان معاهدة السلام في العاصمة عام 1979."),
            FakeCorpus.Cite(2, FakeCorpus.Treaty, "ونصّت المعاهدة على انسحاب القوات خلال ثلاث سنوات."));
        return answer;
    }
}
