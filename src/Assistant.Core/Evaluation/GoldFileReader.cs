using System.Text.Json;

namespace Assistant.Evaluation;

/// <summary>
/// Reads gold files in JSON Lines (<c>id, question, doc, evidence[], answer_terms[]</c>). A malformed line is
/// reported with its line number and skipped, so one typo does not hide the rest of the set.
/// </summary>
public static class GoldFileReader
{
    public static async Task<GoldSet> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<GoldSet> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var questions = new List<GoldQuestion>();
        var problems = new List<GoldProblem>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (question, problem) = ParseLine(line, lineNumber);
            if (problem is null && !seenIds.Add(question!.Id))
            {
                problem = new GoldProblem(lineNumber, question.Id, "duplicate id");
            }

            if (problem is null)
            {
                questions.Add(question!);
            }
            else
            {
                problems.Add(problem);
            }
        }

        return new GoldSet(questions, problems);
    }

    private static (GoldQuestion? Question, GoldProblem? Problem) ParseLine(string line, int lineNumber)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return (null, new GoldProblem(lineNumber, null, $"not valid JSON ({e.Message})"));
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new GoldProblem(lineNumber, null, "expected a JSON object"));
            }

            var id = RequiredString(root, "id");
            if (id is null)
            {
                return (null, new GoldProblem(lineNumber, null, "\"id\" must be a non-empty string"));
            }

            GoldProblem Problem(string message) => new(lineNumber, id, message);

            var question = RequiredString(root, "question");
            if (question is null)
            {
                return (null, Problem("\"question\" must be a non-empty string"));
            }

            if (!root.TryGetProperty("doc", out var doc) || doc.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, Problem("\"doc\" must be a document id, or null for a question the corpus does not answer"));
            }

            var documentId = doc.ValueKind == JsonValueKind.String ? doc.GetString() : null;
            if (documentId is { Length: 0 })
            {
                return (null, Problem("\"doc\" must not be empty (use null for a question the corpus does not answer)"));
            }

            var evidence = StringArray(root, "evidence");
            var answerTerms = StringArray(root, "answer_terms");
            if (evidence is null || answerTerms is null)
            {
                return (null, Problem("\"evidence\" and \"answer_terms\" must be arrays of non-empty strings"));
            }

            if (documentId is not null && evidence.Count == 0)
            {
                return (null, Problem("an answerable question needs at least one evidence quote"));
            }

            if (documentId is null && evidence.Count > 0)
            {
                return (null, Problem("evidence is given but \"doc\" is null"));
            }

            return (new GoldQuestion(lineNumber, id, question, documentId, evidence, answerTerms), null);
        }
    }

    private static string? RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    /// <summary>The array of strings under <paramref name="name"/>; empty when absent, null when malformed.</summary>
    private static List<string>? StringArray(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                return null;
            }

            items.Add(item.GetString()!);
        }

        return items;
    }
}
