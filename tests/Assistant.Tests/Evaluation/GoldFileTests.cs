using Assistant.Evaluation;
using Xunit;

namespace Assistant.Tests.Evaluation;

public sealed class GoldFileTests
{
    [Fact]
    public async Task Reads_the_fields_of_each_line()
    {
        var gold = await EvaluationFixture.GoldAsync();

        Assert.Empty(gold.Problems);
        Assert.Equal(6, gold.Questions.Count);
        var q1 = gold.Questions[0];
        Assert.Equal((1, "q1", "a.txt"), (q1.LineNumber, q1.Id, q1.DocumentId));
        Assert.Equal(["تحت إشراف الأمم المتحدة"], q1.Evidence);
        Assert.False(gold.Questions[4].Answerable);
    }

    [Fact]
    public async Task Malformed_lines_are_reported_with_their_line_number_and_skipped()
    {
        const string lines = """
            {"id":"ok1","question":"س؟","doc":"a.txt","evidence":["البيان"],"answer_terms":[]}
            {"id":"broken", "question":
            [1, 2]

            {"question":"س؟","doc":null,"evidence":[],"answer_terms":[]}
            {"id":"nodoc","question":"س؟","evidence":[],"answer_terms":[]}
            {"id":"noevidence","question":"س؟","doc":"a.txt","evidence":[],"answer_terms":[]}
            {"id":"badterms","question":"س؟","doc":"a.txt","evidence":["البيان"],"answer_terms":"البيان"}
            {"id":"ok1","question":"س؟","doc":null,"evidence":[],"answer_terms":[]}
            {"id":"ok2","question":"س؟","doc":null}
            """;

        var gold = await EvaluationFixture.GoldAsync(lines);

        Assert.Equal(["ok1", "ok2"], gold.Questions.Select(q => q.Id));
        Assert.Equal([2, 3, 5, 6, 7, 8, 9], gold.Problems.Select(p => p.LineNumber));
        Assert.Equal([null, null, null, "nodoc", "noevidence", "badterms", "ok1"], gold.Problems.Select(p => p.QuestionId));
        Assert.Contains("not valid JSON", gold.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("line 9, question ok1: duplicate id", gold.Problems[^1].ToString());
    }

    [Fact]
    public async Task Evidence_missing_from_its_document_is_an_error_naming_the_question()
    {
        var gold = await EvaluationFixture.GoldAsync(EvaluationFixture.GoldJsonLines
            .Replace("\"يوم السبت\"", "\"يوم الأحد\"", StringComparison.Ordinal)
            .Replace("\"doc\":\"a.txt\",\"evidence\":[\"11", "\"doc\":\"missing.txt\",\"evidence\":[\"11", StringComparison.Ordinal));

        var run = await EvaluationFixture.Runner(new ScriptedAnswerService(EvaluationFixture.Answers()))
            .RunAsync(gold, new EvaluationSettings(WarmUp: false), null, TestContext.Current.CancellationToken);

        Assert.Equal(["q1", "q4", "q5", "q6"], run.Results.Select(r => r.Gold.Id));
        Assert.Equal(
            ["line 2, question q2: document \"missing.txt\" is not in the index", "line 3, question q3: evidence \"يوم الأحد\" is not in document \"b.txt\""],
            run.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Evidence_is_located_at_every_occurrence()
    {
        Assert.Equal([new TextSpan(0, 2), new TextSpan(3, 5)], EvidenceLocator.FindAll("ab ab", "ab"));
        Assert.Empty(EvidenceLocator.FindAll("ab ab", "ba"));
    }
}

public sealed class GoldConversationFileTests
{
    [Fact]
    public async Task A_family_is_read_with_its_question()
    {
        var set = await GoldFileReader.ReadAsync(new StringReader("""
            {"id":"q1","family":"levantine","question":"شو صار؟","doc":"a.txt","evidence":["نص"],"answer_terms":[]}
            """), TestContext.Current.CancellationToken);
        Assert.Equal("levantine", Assert.Single(set.Questions).Family);
    }

    [Fact]
    public async Task Each_turn_of_a_conversation_is_a_question_of_that_conversation_with_its_own_gold()
    {
        var set = await GoldFileReader.ReadAsync(new StringReader("""
            {"id":"c1","family":"ellipsis","turns":[{"question":"من وقّع؟","doc":"a.txt","evidence":["وقع"],"answer_terms":[]},{"question":"ومتى؟","doc":null,"evidence":[],"answer_terms":[]}]}
            """), TestContext.Current.CancellationToken);
        Assert.Empty(set.Problems);
        Assert.Collection(set.Questions,
            first => Assert.Equal(("c1#1", "c1", "a.txt", false), (first.Id, first.ConversationId, first.DocumentId, first.ContextOnly)),
            second => Assert.Equal(("c1#2", "c1", (string?)null, false), (second.Id, second.ConversationId, second.DocumentId, second.ContextOnly)));
    }

    [Fact]
    public async Task Turns_without_their_own_gold_set_up_the_last_turn_which_takes_the_line_s_gold()
    {
        var set = await GoldFileReader.ReadAsync(new StringReader("""
            {"id":"f1","turns":[{"question":"ما الوثيقة؟"},{"question":"ومتى أبرمت؟"}],"doc":"a.txt","evidence":["في 8 تشرين"],"answer_terms":["8"]}
            """), TestContext.Current.CancellationToken);
        Assert.Collection(set.Questions,
            first => Assert.True(first.ContextOnly),
            last => Assert.Equal(("ومتى أبرمت؟", "a.txt", false), (last.Question, last.DocumentId, last.ContextOnly)));
    }
}
