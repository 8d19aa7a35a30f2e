using Assistant.Answering.Llm;
using Assistant.Evaluation;

namespace Assistant.Tests.Llm;

public sealed class ModelAnswerCountsTests
{
    private static ClaimRejection Rejection(string reason) => new(reason, "x", "claim", 1, "");

    [Fact]
    public void Outcomes_are_counted_by_status_and_rejections_by_reason_once_per_answer()
    {
        ModelOutcome?[] outcomes =
        [
            ModelOutcome.Of(ModelStatuses.Accepted),
            ModelOutcome.Of(ModelStatuses.Accepted),
            new(ModelStatuses.Rejected, [Rejection(RejectionReasons.Negation), Rejection(RejectionReasons.Negation), Rejection(RejectionReasons.Number)]),
            new(ModelStatuses.Rejected, [Rejection(RejectionReasons.Number)]),
            ModelOutcome.Of(ModelStatuses.Refused),
            ModelOutcome.Of(ModelStatuses.TimedOut),
            ModelOutcome.Of(ModelStatuses.CircuitOpen),
            null,
        ];

        var counts = ModelAnswerCounts.From(outcomes)!;

        Assert.Equal((2, 2, 1, 0, 1, 1, 0), (counts.Accepted, counts.Rejected, counts.Refused, counts.Failed, counts.TimedOut, counts.CircuitOpen, counts.NotAsked));
        Assert.Equal(new Dictionary<string, int> { [RejectionReasons.Number] = 2, [RejectionReasons.Negation] = 1 }, counts.RejectedByReason);
        Assert.Equal("accepted 2, rejected 2 (number 2, negation 1), refused 1, timed out 1, circuit open 1", counts.ToString());
    }

    [Fact]
    public void Without_a_model_there_is_nothing_to_count()
    {
        Assert.Null(ModelAnswerCounts.From([null, null]));
    }
}
