using Assistant.Answering.Gate;

namespace Assistant.Answering;

public sealed partial class ExtractiveAnswerGenerator
{
    /// <summary>A rank a passage lacks in the BM25 or dense list counts as this (past <c>Retrieval:CandidatePool</c>).</summary>
    private const int UnlistedRank = 100;

    /// <summary>
    /// The abstention gate's view of the span chosen to answer (<see cref="GateFeatures"/>): figures the selection has
    /// already computed, what the span says of the question's words, and how far it stands above the best span that
    /// does not overlap it.
    /// </summary>
    private GateFeatures Features(Window best, int citations, Ranked ranked, QuestionIntent intent, double[] weights, double threshold, QuestionTermIds ids, AnswerRequest request)
    {
        var sentences = SentencesOf(best).ToList();
        var (asked, unknown, places, missing, missingWeight, rootOnlyWeight, total) = (0, 0, 0, 0, 0.0, 0.0, 0.0);
        var (rarest, rarestSaid, relationSaid, heaviestMissing) = (-1.0, false, true, 0.0);
        for (var w = 0; w < intent.ContentWords.Count; w++)
        {
            var word = intent.ContentWords[w];
            if (word.IsFraming || word.NamesAnswerKind) continue;
            asked++;
            total += weights[w];
            if (request.Statistics.NeverUsed(word.Terms)) unknown++;
            if (word.IsPlace) places++;
            var byTerm = sentences.Any(s => HasAny(s.Terms, ids.Terms[w]));
            var said = byTerm || sentences.Any(s => HasAny(s.Cores, ids.Cores[w]));
            if (!said)
            {
                missing++;
                missingWeight += weights[w];
                heaviestMissing = Math.Max(heaviestMissing, weights[w]);
            }
            else if (!byTerm) rootOnlyWeight += weights[w];
            if (word.IsPredicate && !said) relationSaid = false;
            if (weights[w] > rarest) (rarest, rarestSaid) = (weights[w], said);
        }
        var subjectMissing = ids.Subject.Count(terms => !sentences.Any(s => HasAny(s.Terms, terms)));

        var supporting = new HashSet<int>();
        Window? runnerUp = null;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].Coverage >= threshold) supporting.Add(ranked[i].Rank);
            if (runnerUp is null && ranked[i].Coverage > 0 && !ranked.Window(i).Overlaps(best)) runnerUp = ranked.Window(i);
        }
        var passage = request.Passages[best.Rank];
        double[] values =
        [
            best.Coverage, best.Matched, best.Coverage - threshold, best.Score, best.KindCredit,
            // A kind asked for that the span lacks («لماذا» without a reason said): the checks let it through only where it is not required.
            intent.Kind != AnswerKind.Any && best.KindCredit == 0 ? 1 : 0,
            sentences.Count, citations,
            intent.Kind is AnswerKind.Any or AnswerKind.Reason ? 0 : 1,
            intent.Kind is AnswerKind.Time or AnswerKind.Date or AnswerKind.Year ? 1 : 0,
            intent.Kind == AnswerKind.Quantity ? 1 : 0,
            intent.Kind == AnswerKind.Place ? 1 : 0,
            intent.Kind == AnswerKind.Identity ? 1 : 0,
            intent.Kind == AnswerKind.Reason ? 1 : 0,
            intent.Kind == AnswerKind.Outcome ? 1 : 0,
            intent.AsksNext || intent.AsksPrevious || intent.AsksEarlier ? 1 : 0,
            request.InheritedTerms is null ? 0 : 1,
            asked, unknown,
            intent.ContentWords.Any(w => w.IsPredicate) ? 1 : 0,
            intent.ContentWords.Any(w => w.IsSource) ? 1 : 0,
            asked > 0 ? (double)places / asked : 0,
            missing, total > 0 ? missingWeight / total : 0, total > 0 ? heaviestMissing / total : 0, rarestSaid ? 1 : 0, total > 0 ? rootOnlyWeight / total : 0, relationSaid ? 1 : 0,
            subjectMissing, best.Failed.HasFlag(SpanChecks.NumberMissing) ? 1 : 0,
            Math.Log(1 + best.Rank), Math.Log(passage.LexicalRank ?? UnlistedRank), Math.Log(passage.DenseRank ?? UnlistedRank),
            supporting.Count, runnerUp?.Coverage ?? 0, best.Score - (runnerUp?.Score ?? 0),
        ];
        return new GateFeatures(values);
    }
}
