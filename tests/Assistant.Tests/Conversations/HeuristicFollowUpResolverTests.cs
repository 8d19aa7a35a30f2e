using Assistant.Analysis;
using Assistant.Conversations;
using Assistant.Tests.Evaluation;

namespace Assistant.Tests.Conversations;

public sealed class HeuristicFollowUpResolverTests
{
    private const string Previous = "ماذا قال تيلرسون عن الخلافات بين واشنطن وموسكو؟";

    private static readonly HeuristicFollowUpResolver Resolver = new(new ArabicTextAnalyzer(), new DocumentOnlyIndex(new Dictionary<string, string>
    {
        ["tillerson.txt"] = "قال تيلرسون إن واشنطن وموسكو لديهما خلافات لم تحل بعد، لكن لديهما القدرة على التنسيق في سوريا.",
        ["astana.txt"] = "انعقد الاجتماع الدولي الخاص بسوريا في أستانا، وشددت الدول الضامنة على مناطق خفض التصعيد.",
    }));

    private static Task<string> ResolveAsync(string question) =>
        Resolver.ResolveAsync(question, [new ConversationTurn(Previous, Previous, "…")], TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("ومتى؟")]
    [InlineData("وفي أي مدينة؟")]
    // Only «سوريا» is a word the documents use: the dialect verbs name no subject of their own.
    [InlineData("طب وهما يقدروا ينسقوا مع بعض في سوريا؟")]
    public async Task A_question_that_names_little_the_documents_speak_of_is_read_with_the_previous_one(string followUp)
    {
        var standalone = await ResolveAsync(followUp);
        Assert.StartsWith(followUp.TrimEnd('؟'), standalone, StringComparison.Ordinal);
        Assert.EndsWith(Previous, standalone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_that_names_its_own_subject_stands_alone()
    {
        const string question = "أين انعقد الاجتماع الدولي الخاص بسوريا في أستانا؟";
        Assert.Equal(question, await ResolveAsync(question));
    }

    [Fact]
    public async Task The_first_question_of_a_conversation_is_left_as_it_is()
    {
        const string question = "ومتى؟";
        Assert.Equal(question, await Resolver.ResolveAsync(question, [], TestContext.Current.CancellationToken));
    }
}
