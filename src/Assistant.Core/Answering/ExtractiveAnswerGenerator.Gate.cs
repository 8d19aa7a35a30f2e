using Assistant.Analysis;
using Assistant.Answering.Gate;

namespace Assistant.Answering;

public sealed partial class ExtractiveAnswerGenerator
{
    /// <summary>
    /// The abstention gate's view of the span chosen to answer (<see cref="GateFeatures"/>): figures the selection has
    /// already computed, what the span says of the question's words, and how far it stands above the best span that
    /// does not overlap it. None depends on the index back-end: no retrieval rank or score, and the spans' scores are
    /// taken without their passage-rank term (<see cref="RankFree"/>).
    /// </summary>
    private GateFeatures Features(Window best, int citations, Ranked ranked, QuestionIntent intent, double[] weights, double threshold, QuestionTermIds ids, AnswerRequest request)
    {
        var sentences = SentencesOf(best).ToList();
        var (asked, unknown, places, missing, missingWeight, rootOnlyWeight, total) = (0, 0, 0, 0, 0.0, 0.0, 0.0);
        var (rarest, rarestSaid, relationSaid, heaviestMissing) = (-1.0, false, true, 0.0);
        var (actionAsked, actionSaid) = (false, true);
        for (var w = 0; w < intent.ContentWords.Count; w++)
        {
            var word = intent.ContentWords[w];
            if (word.IsFraming || word.NamesAnswerKind) continue;
            asked++;
            total += weights[w];
            if (request.Statistics.NeverUsed(word.Terms)) unknown++;
            if (word.IsPlace) places++;
            var byTerm = SayAny(sentences, ids.Terms[w], roots: false);
            var said = byTerm || SayAny(sentences, ids.Cores[w], roots: true);
            if (!said)
            {
                missing++;
                missingWeight += weights[w];
                heaviestMissing = Math.Max(heaviestMissing, weights[w]);
            }
            else if (!byTerm) rootOnlyWeight += weights[w];
            if (word.IsPredicate && !said) relationSaid = false;
            // The action asked about, said by a word naming the same too («اجتمع» for «التقى»), as the relation is.
            if (word.IsAskedAction)
            {
                actionAsked = true;
                actionSaid &= said || SayAny(sentences, TermIds.FindAll(word.Synonyms), roots: false);
            }
            if (weights[w] > rarest) (rarest, rarestSaid) = (weights[w], said);
        }
        var subjectMissing = 0;
        foreach (var terms in ids.Subject) if (!SayAny(sentences, terms, roots: false)) subjectMissing++;
        var (density, spanWords) = Proximity(sentences, intent, ids);

        var supporting = new HashSet<int>();
        for (var i = 0; i < ranked.Count; i++) if (ranked[i].Coverage >= threshold) supporting.Add(ranked[i].Rank);
        var runnerUp = RunnerUp(best, ranked, request.Passages.Count);
        var bestScore = RankFree(best.Score, best.Rank);
        double[] values =
        [
            best.Coverage, best.Matched, best.Coverage - threshold, bestScore, best.KindCredit,
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
            subjectMissing, best.Failed.HasFlag(SpanChecks.NumberMissing) ? 1 : 0, density, Math.Log(1 + spanWords),
            supporting.Count, runnerUp?.Coverage ?? 0, bestScore - (runnerUp is { } other ? RankFree(other.Score, other.Rank) : 0),
            actionAsked ? 1 : 0, actionSaid ? 1 : 0,
        ];
        return new GateFeatures(values);
    }

    /// <summary>
    /// How close together the span says the question's words: the distinct ones it says over the words from the first
    /// to the last of them (1 when they stand side by side, near 0 when two are scattered over a long sentence), and
    /// the span's length in words. Words said far apart are often a near-miss: the span is about something else.
    /// </summary>
    private static (double Density, int Words) Proximity(List<Sentence> sentences, QuestionIntent intent, QuestionTermIds ids)
    {
        var met = new bool[intent.ContentWords.Count];
        var present = new List<int>();
        var (position, first, last, distinct) = (0, -1, -1, 0);
        foreach (var sentence in sentences)
        {
            // Word by word, only the question's words the sentence says at all (its terms and roots are its words' own).
            present.Clear();
            for (var w = 0; w < met.Length; w++)
            {
                var asked = intent.ContentWords[w];
                if (!asked.IsFraming && !asked.NamesAnswerKind && (HasAny(sentence.Terms, ids.Terms[w]) || HasAny(sentence.Cores, ids.Cores[w]))) present.Add(w);
            }
            foreach (var word in sentence.Words)
            {
                foreach (var w in present)
                {
                    if (!SharesAny(ids.Terms[w], word.Terms) && !SharesAny(ids.Cores[w], word.Roots)) continue;
                    if (first < 0) first = position;
                    last = position;
                    if (!met[w]) (met[w], distinct) = (true, distinct + 1);
                }
                position++;
            }
        }
        return (first < 0 ? 0 : (double)distinct / (last - first + 1), position);
    }

    /// <summary>Whether any of <paramref name="sentences"/> has one of <paramref name="ids"/> among its terms, or its roots.</summary>
    private static bool SayAny(List<Sentence> sentences, int[] ids, bool roots)
    {
        foreach (var sentence in sentences) if (HasAny(roots ? sentence.Cores : sentence.Terms, ids)) return true;
        return false;
    }

    /// <summary>A span's score without the cost of its passage's retrieval rank, which another back-end would rank otherwise.</summary>
    private double RankFree(double score, int rank) => score + _selection.RankPenalty * rank;

    /// <summary>
    /// The span with some evidence, not overlapping <paramref name="best"/>, of the highest rank-free score (ties to the
    /// first in the answerer's order). The candidates come best first by score with the rank term, which is at most
    /// <c>RankPenalty × (passages − 1)</c> below the rank-free one: past that bound none can do better.
    /// </summary>
    private Window? RunnerUp(Window best, Ranked ranked, int passages)
    {
        var reach = _selection.RankPenalty * Math.Max(0, passages - 1);
        (Window? runnerUp, var top) = (null, double.NegativeInfinity);
        for (var i = 0; i < ranked.Count && ranked[i].Score + reach > top; i++)
        {
            var candidate = ranked[i];
            if (candidate.Coverage <= 0 || RankFree(candidate.Score, candidate.Rank) <= top) continue;
            var window = ranked.Window(i);
            if (window.Overlaps(best)) continue;
            (runnerUp, top) = (window, RankFree(candidate.Score, candidate.Rank));
        }
        return runnerUp;
    }
}
