using System.Text.Json.Serialization;
using Assistant.Answering.Llm;

namespace Assistant.Evaluation;

/// <summary>
/// What became of the language model's replies over a run (<see cref="ModelOutcome.Status"/> of each answer): shown,
/// rejected (counted once per reason a rejected reply had), refused, and the turns it gave nothing or was not asked.
/// </summary>
public sealed record ModelAnswerCounts(
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("rejectedByReason")] IReadOnlyDictionary<string, int> RejectedByReason,
    [property: JsonPropertyName("refused")] int Refused,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("timedOut")] int TimedOut,
    [property: JsonPropertyName("circuitOpen")] int CircuitOpen,
    [property: JsonPropertyName("notAsked")] int NotAsked)
{
    /// <returns>Null when no answer came through the model path (no model configured).</returns>
    public static ModelAnswerCounts? From(IEnumerable<ModelOutcome?> outcomes)
    {
        var known = outcomes.OfType<ModelOutcome>().ToList();
        if (known.Count == 0) return null;
        int Count(string status) => known.Count(o => o.Status == status);
        var byReason = known.Where(o => o.Status == ModelStatuses.Rejected)
            .SelectMany(o => o.Rejections.Select(r => r.Reason).Distinct())
            .GroupBy(reason => reason)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        return new ModelAnswerCounts(Count(ModelStatuses.Accepted), Count(ModelStatuses.Rejected), byReason, Count(ModelStatuses.Refused),
            Count(ModelStatuses.Failed), Count(ModelStatuses.TimedOut), Count(ModelStatuses.CircuitOpen), Count(ModelStatuses.NotAsked));
    }

    /// <summary>One line: "accepted 12, rejected 3 (negation 1, number 2), refused 2, …" (zero counts left out).</summary>
    public override string ToString()
    {
        var reasons = RejectedByReason.Count == 0 ? "" : $" ({string.Join(", ", RejectedByReason.Select(r => $"{r.Key} {r.Value}"))})";
        var parts = new List<string> { $"accepted {Accepted}", $"rejected {Rejected}{reasons}", $"refused {Refused}" };
        if (Failed > 0) parts.Add($"failed {Failed}");
        if (TimedOut > 0) parts.Add($"timed out {TimedOut}");
        if (CircuitOpen > 0) parts.Add($"circuit open {CircuitOpen}");
        if (NotAsked > 0) parts.Add($"not asked {NotAsked}");
        return string.Join(", ", parts);
    }
}
