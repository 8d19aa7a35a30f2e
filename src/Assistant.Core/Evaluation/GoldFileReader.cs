using System.Text.Json;

namespace Assistant.Evaluation;

/// <summary>
/// Reads gold files in JSON Lines (<c>id, question, doc, evidence[], answer_terms[]</c>, optional <c>family</c>). A
/// malformed line is reported with its line number and skipped, so one typo does not hide the rest of the set.
/// A conversation is one line with <c>turns</c>: each turn carries its own <c>question, doc, evidence, answer_terms</c>
/// and becomes the question <c>id#n</c>; a turn without <c>doc</c> only sets up the conversation, except the last one,
/// which then takes the line's own <c>doc, evidence, answer_terms</c>.
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

            var (parsed, problem) = ParseLine(line, lineNumber);
            if (problem is null && parsed!.Any(q => !seenIds.Add(q.Id)))
            {
                problem = new GoldProblem(lineNumber, parsed![0].ConversationId ?? parsed[0].Id, "duplicate id");
            }

            if (problem is null)
            {
                questions.AddRange(parsed!);
            }
            else
            {
                problems.Add(problem);
            }
        }

        return new GoldSet(questions, problems);
    }

    private static (IReadOnlyList<GoldQuestion>? Questions, GoldProblem? Problem) ParseLine(string line, int lineNumber)
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

            var family = root.TryGetProperty("family", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (root.TryGetProperty("turns", out var turns))
            {
                return ParseConversation(root, turns, id, family, lineNumber);
            }

            var (question, problem) = ParseQuestion(root, id, lineNumber);
            return problem is null ? ([question! with { Family = family }], null) : (null, problem);
        }
    }

    private static (IReadOnlyList<GoldQuestion>? Questions, GoldProblem? Problem) ParseConversation(
        JsonElement root, JsonElement turns, string id, string? family, int lineNumber)
    {
        if (turns.ValueKind != JsonValueKind.Array || turns.GetArrayLength() == 0)
        {
            return (null, new GoldProblem(lineNumber, id, "\"turns\" must be a non-empty array of turns"));
        }

        var questions = new List<GoldQuestion>();
        var count = turns.GetArrayLength();
        var n = 0;
        foreach (var turn in turns.EnumerateArray())
        {
            n++;
            var turnId = $"{id}#{n}";
            if (turn.ValueKind != JsonValueKind.Object)
            {
                return (null, new GoldProblem(lineNumber, turnId, "a turn must be a JSON object"));
            }

            var ownGold = turn.TryGetProperty("doc", out _);
            var (question, problem) = ownGold || n < count
                ? ParseQuestion(turn, turnId, lineNumber, requireGold: ownGold)
                : ParseQuestion(root, turnId, lineNumber, questionSource: turn);
            if (problem is not null)
            {
                return (null, problem);
            }

            questions.Add(question! with { Family = family, ConversationId = id, ContextOnly = !ownGold && n < count });
        }

        return (questions, null);
    }

    /// <summary>One question and its gold, read from <paramref name="root"/> (the question text from <paramref name="questionSource"/> when given).</summary>
    private static (GoldQuestion? Question, GoldProblem? Problem) ParseQuestion(
        JsonElement root, string id, int lineNumber, bool requireGold = true, JsonElement? questionSource = null)
    {
        GoldProblem Problem(string message) => new(lineNumber, id, message);

        var question = RequiredString(questionSource ?? root, "question");
        if (question is null)
        {
            return (null, Problem("\"question\" must be a non-empty string"));
        }

        if (!requireGold)
        {
            return (new GoldQuestion(lineNumber, id, question, null, [], []), null);
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
