using System.Diagnostics;
using Assistant.Answering;
using Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Assistant.Evaluation;

/// <summary>
/// Puts every gold question to the answer service, one at a time (so latencies are not skewed by each other),
/// and scores each answer against the gold and the indexed document texts.
/// </summary>
public sealed class EvaluationRunner(IAnswerService answers, IPassageIndex index, QuestionScorer scorer, ILogger<EvaluationRunner> logger)
{
    public async Task<EvaluationRun> RunAsync(GoldSet gold, EvaluationSettings settings, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.TopK, 1);
        var startedAt = DateTimeOffset.UtcNow;
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<GoldProblem>(gold.Problems);
        var ready = new List<(GoldQuestion Question, IReadOnlyList<TextSpan> Evidence)>();

        foreach (var question in gold.Questions)
        {
            var evidence = await LocateEvidenceAsync(question, documents, problems, cancellationToken).ConfigureAwait(false);
            if (evidence is not null)
            {
                ready.Add((question, evidence));
            }
        }

        if (settings.WarmUp && ready.Count > 0)
        {
            await answers.AskAsync(new Question(ready[0].Question.Question, TopK: settings.TopK), cancellationToken).ConfigureAwait(false);
        }

        var results = new List<QuestionResult>(ready.Count);
        var run = Guid.NewGuid().ToString("N");
        foreach (var (question, evidence) in ready)
        {
            var started = Stopwatch.GetTimestamp();
            var conversation = question.ConversationId is null ? null : $"eval-{run}-{question.ConversationId}";
            Answer answer;
            try
            {
                answer = await answers.AskAsync(new Question(question.Question, conversation, settings.TopK, Measure: true), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidQuestionException e)
            {
                problems.Add(new GoldProblem(question.LineNumber, question.Id, $"the assistant refused the question: {e.Message}"));
                continue;
            }

            var latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (question.ContextOnly)
            {
                continue;
            }

            foreach (var citation in answer.Citations)
            {
                await LoadDocumentAsync(citation.DocumentId, documents, cancellationToken).ConfigureAwait(false);
            }

            results.Add(scorer.Score(question, evidence, answer, latencyMs, id => documents.GetValueOrDefault(id)));
            progress?.Report(results.Count);
        }

        logger.LogInformation("Evaluated {Questions} questions ({Problems} gold problems)", results.Count, problems.Count);
        return new EvaluationRun(EvaluationSummary.From(results), results, problems, documents, settings.TopK, startedAt);
    }

    /// <summary>Finds every evidence quote in the gold document; null (with a problem naming the question) when one is missing.</summary>
    private async Task<IReadOnlyList<TextSpan>?> LocateEvidenceAsync(
        GoldQuestion question, Dictionary<string, string> documents, List<GoldProblem> problems, CancellationToken cancellationToken)
    {
        if (question.DocumentId is null)
        {
            return [];
        }

        var text = await LoadDocumentAsync(question.DocumentId, documents, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            problems.Add(new GoldProblem(question.LineNumber, question.Id, $"document \"{question.DocumentId}\" is not in the index"));
            return null;
        }

        var spans = new List<TextSpan>();
        foreach (var quote in question.Evidence)
        {
            var found = EvidenceLocator.FindAll(text, quote);
            if (found.Count == 0)
            {
                problems.Add(new GoldProblem(question.LineNumber, question.Id, $"evidence \"{quote}\" is not in document \"{question.DocumentId}\""));
                return null;
            }

            spans.AddRange(found);
        }

        return spans;
    }

    private async Task<string?> LoadDocumentAsync(string documentId, Dictionary<string, string> documents, CancellationToken cancellationToken)
    {
        if (documents.TryGetValue(documentId, out var known))
        {
            return known;
        }

        var document = await index.GetDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (document is not null)
        {
            documents[documentId] = document.Text;
        }

        return document?.Text;
    }
}
