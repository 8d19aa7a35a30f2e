using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Citations;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Llm;

/// <summary>
/// The model's answer over the seed documents, through the real answering service: each kind of wrong fact is kept out
/// of the reply (the extractive answer is given, and the rejection names the failing part), a right answer in other
/// words is shown as the model wrote it.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class VerifiedModelAnswerTests(SeedIndexFixture seeds)
{
    private ServiceProvider WithChatModel(IChatClient chat) => AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, configure: services =>
    {
        services.AddChatClient(chat);
        services.AddLlmAnswering();
    });

    private async Task<(Answer Answer, Answer Extractive)> AskAsync(IChatClient chat, string question)
    {
        await using var services = WithChatModel(chat);
        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question(question), TestContext.Current.CancellationToken);
        var extractive = await seeds.Answers.AskAsync(new Question(question), TestContext.Current.CancellationToken);
        return (answer, extractive);
    }

    public static TheoryData<string, string, string, string, string, string> WrongFacts => new()
    {
        {
            RejectionReasons.Negation, "يوجد",
            "على ماذا اتفق الرئيسان بشأن الحل العسكري في سوريا؟",
            "لا يوجد حل عسكري", "اتفق الرئيسان على أنه يوجد حل عسكري للصراع في سوريا [{n}].",
            "أنه يوجد"
        },
        {
            RejectionReasons.Direction, "خفض",
            "إلى ماذا دعا الرئيسان الدول الأعضاء في الأمم المتحدة؟",
            "زيادة مساهمتهم", "دعا الرئيسان الدول الأعضاء في الأمم المتحدة إلى خفض مساهمتها الإنسانية [{n}].",
            "خفض مساهمتها"
        },
        {
            RejectionReasons.Name, "موسكو",
            "أين صدر البيان المشترك للرئيس ترامب والرئيس الروسي بوتين؟",
            "بيان مشترك للرئيس ترامب", "صدر البيان المشترك للرئيس ترامب والرئيس الروسي بوتين في موسكو [{n}].",
            "موسكو"
        },
        {
            RejectionReasons.Date, "12",
            "متى صدر البيان المشترك للرئيس ترامب والرئيس الروسي بوتين؟",
            "11 تشرين الثاني", "صدر البيان المشترك في 12 تشرين الثاني/نوفمبر 2017 [{n}].",
            "12 تشرين"
        },
        {
            RejectionReasons.Number, "ثلاث",
            "كم استغرق الاتصال الهاتفي بين ترامب وبوتين؟",
            "ساعة و نصف", "استغرق الاتصال الهاتفي بين ترامب وبوتين ثلاث ساعات [{n}].",
            "ثلاث ساعات"
        },
        {
            RejectionReasons.Name, "لافروف",
            "من أصدر بياناً حول اللقاء الأميركي الروسي قبل مؤتمر G 20؟",
            "ريكس تيلرسون يصدر", "أصدر وزير الخارجية سيرغي لافروف بياناً حول اللقاء الأميركي الروسي [{n}].",
            "لافروف"
        },
    };

    [Theory]
    [MemberData(nameof(WrongFacts))]
    public async Task A_wrong_fact_keeps_the_model_answer_out_and_names_the_failing_part(
        string reason, string part, string question, string phrase, string reply, string wrong)
    {
        var (answer, extractive) = await AskAsync(ModelFacts.Citing(phrase, reply), question);

        Assert.DoesNotContain(wrong, answer.Text);
        Assert.Equal(AnswerGenerators.Extractive, answer.Generator);
        Assert.Equal((extractive.Text, extractive.Abstained), (answer.Text, answer.Abstained));
        Assert.Equal(ModelStatuses.Rejected, answer.Model?.Status);
        Assert.Contains(answer.Model!.Rejections, r => r.Reason == reason && r.Part.Contains(part));
    }

    public static TheoryData<string, string, string, string> RightAnswers => new()
    {
        {
            "على ماذا اتفق الرئيسان بشأن الحل العسكري في سوريا؟", "لا يوجد حل عسكري",
            "لا حل عسكري للنزاع في سوريا [{n}]\n\nاتفق ترامب وبوتين على أنه ليس هناك حل عسكري للنزاع في سوريا [{n}].",
            "لا حل عسكري للنزاع في سوريا"
        },
        {
            "متى صدر البيان المشترك للرئيس ترامب والرئيس الروسي بوتين؟", "11 تشرين الثاني",
            "في 11 نوفمبر 2017 [{n}]\n\nصدر البيان المشترك للرئيسين في 11 نوفمبر 2017 [{n}].",
            "في 11 نوفمبر 2017"
        },
        {
            "كم استغرق الاتصال الهاتفي بين ترامب وبوتين؟", "ساعة و نصف",
            "نحو ساعة ونصف [{n}]\n\nدامت المكالمة الهاتفية بين ترامب وبوتين نحو ساعة ونصف [{n}].",
            "نحو ساعة ونصف"
        },
    };

    [Theory]
    [MemberData(nameof(RightAnswers))]
    public async Task A_right_answer_in_other_words_is_shown_as_the_model_wrote_it(string question, string phrase, string reply, string shortAnswer)
    {
        await using var services = WithChatModel(ModelFacts.Citing(phrase, reply));

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question(question), TestContext.Current.CancellationToken);

        Assert.True(answer.Model?.Status == ModelStatuses.Accepted, answer.Model?.ToString());
        Assert.Equal(AnswerGenerators.Llm, answer.Generator);
        Assert.Equal(shortAnswer, answer.ShortAnswer);
        Assert.StartsWith(shortAnswer + " [1]\n\n", answer.Text);
        Assert.Contains(phrase, Assert.Single(answer.Citations).Quote);
        var index = services.GetRequiredService<IPassageIndex>();
        var document = (await index.GetDocumentAsync(answer.Citations[0].DocumentId, TestContext.Current.CancellationToken))!.Text;
        Assert.Empty(CitationVerifier.Verify(answer.Text, answer.Citations, id => id == answer.Citations[0].DocumentId ? document : null));
    }

    [Fact]
    public async Task A_claim_that_only_repeats_the_question_is_no_answer()
    {
        var (answer, _) = await AskAsync(
            ModelFacts.Citing("لا يوجد حل عسكري", "اتفق الرئيسان بشأن الحل العسكري في سوريا [{n}]."),
            "على ماذا اتفق الرئيسان بشأن الحل العسكري في سوريا؟");

        Assert.Equal(AnswerGenerators.Extractive, answer.Generator);
        Assert.Contains(answer.Model!.Rejections, r => r.Reason == RejectionReasons.RestatesQuestion);
    }
}
