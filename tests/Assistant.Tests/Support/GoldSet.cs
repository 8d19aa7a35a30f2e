using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Tests.Support;

/// <summary>A gold question in the format of tests/Assistant.Tests/gold/sample-gold.jsonl (gold/README.md).</summary>
public sealed record GoldQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("doc")] string? Doc,
    [property: JsonPropertyName("evidence")] string[] Evidence,
    [property: JsonPropertyName("answer_terms")] string[] AnswerTerms)
{
    public bool Answerable => Doc is not null;
}

internal static class GoldSet
{
    public static IReadOnlyList<GoldQuestion> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<GoldQuestion>(line) ?? throw new InvalidDataException(line))
            .ToList();

    /// <summary>Every occurrence of every evidence string in the gold document, as [start, end) spans.</summary>
    public static IEnumerable<(int Start, int End)> EvidenceSpans(GoldQuestion question)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, question.Doc!));
        foreach (var evidence in question.Evidence)
        {
            for (var at = text.IndexOf(evidence, StringComparison.Ordinal); at >= 0; at = text.IndexOf(evidence, at + 1, StringComparison.Ordinal))
            {
                yield return (at, at + evidence.Length);
            }
        }
    }
}
