using Assistant.Analysis;
using Assistant.Configuration;
using Assistant.Storage;
using Assistant.Storage.Embedded;
using Assistant.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Storage;

/// <summary>
/// The postings on disk rank exactly as Lucene searching, with BM25, an index of the same stored terms does: single
/// terms (so every stored score is Lucene's) and whole questions (a disjunction of the terms), on the seed index.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class LexicalPostingsTests(SeedIndexFixture seeds)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_term_ranks_the_passages_as_a_Lucene_term_query_does()
    {
        var (snapshot, postings) = await OpenAsync();
        using var work = new TempFolder();
        using var lucene = IndexSnapshot.WriteLucene(work.Path, Enumerable.Range(0, snapshot.PassageCount).Select(snapshot.Terms), Ct);
        using var reader = DirectoryReader.Open(lucene);
        var searcher = Searcher(reader);
        var terms = IndexTerms(reader);
        Assert.True(terms.Count > 500, $"only {terms.Count} terms in the seed index");
        Assert.Equal(terms.Count, postings.TermCount);
        foreach (var term in terms)
        {
            var expected = Ranked(searcher, reader, new TermQuery(new Term(IndexSnapshot.TermsField, term)));
            Assert.Equal(expected, postings.Search([term], reader.NumDocs));
            Assert.Equal(expected.Count, postings.DocumentFrequency(term));
        }
        Assert.Equal(0, postings.DocumentFrequency("لاتوجدهذهالكلمة"));
        var status = await seeds.Services.GetRequiredService<IPassageIndex>().GetStatusAsync(Ct);
        Assert.Equal(status.Passages, postings.PassageCount);
    }

    [Fact]
    public async Task Gold_questions_rank_the_candidate_pool_as_a_Lucene_disjunction_does()
    {
        var (snapshot, postings) = await OpenAsync();
        using var work = new TempFolder();
        using var lucene = IndexSnapshot.WriteLucene(work.Path, Enumerable.Range(0, snapshot.PassageCount).Select(snapshot.Terms), Ct);
        using var reader = DirectoryReader.Open(lucene);
        var searcher = Searcher(reader);
        var analyzer = seeds.Services.GetRequiredService<ArabicTextAnalyzer>();
        var questions = new[] { "gold.jsonl", "gold-holdout.jsonl", "sample-gold.jsonl" }
            .SelectMany(file => GoldSet.Load(TestPaths.Gold(file)))
            .Select(q => q.Question)
            .ToList();
        foreach (var question in questions)
        {
            var terms = analyzer.Terms(question);
            var disjunction = new BooleanQuery();
            foreach (var term in terms.Distinct(StringComparer.Ordinal)) disjunction.Add(new TermQuery(new Term(IndexSnapshot.TermsField, term)), Occur.SHOULD);
            var expected = Scored(searcher, reader, disjunction).Take(40).ToList();
            var actual = postings.Search(terms, 40).ToList();
            Assert.Equal(expected.Count, actual.Count);
            // Passages Lucene scores alike (to float rounding) may come in either order: each run of equal scores is
            // compared as a set, everything else position by position.
            for (var first = 0; first < expected.Count;)
            {
                var last = first;
                while (last + 1 < expected.Count && Math.Abs(expected[last + 1].Score - expected[first].Score) <= 1e-5f * Math.Max(1f, expected[first].Score)) last++;
                Assert.Equal(expected[first..(last + 1)].Select(hit => hit.Ordinal).Order(), actual[first..(last + 1)].Order());
                first = last + 1;
            }
        }
    }

    private async Task<(IndexSnapshot Snapshot, LexicalPostings Postings)> OpenAsync()
    {
        var generation = IndexFiles.ReadCurrent(seeds.IndexPath) ?? throw new InvalidOperationException("The seed index has no generation.");
        var rrfK = seeds.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.RrfK;
        var snapshot = await IndexSnapshot.OpenAsync(seeds.IndexPath, generation, rrfK, Ct);
        return (snapshot, LexicalPostings.Open(Path.Combine(seeds.IndexPath, generation), generation, snapshot.PassageCount));
    }

    private static IndexSearcher Searcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    private static List<string> IndexTerms(IndexReader reader)
    {
        var terms = new List<string>();
        var e = MultiFields.GetTerms(reader, IndexSnapshot.TermsField).GetEnumerator();
        while (e.MoveNext()) terms.Add(e.Term.Utf8ToString());
        return terms;
    }

    /// <summary>Every matching passage ordinal, best first (Lucene orders ties by document, and documents are in ordinal order).</summary>
    private static List<int> Ranked(IndexSearcher searcher, IndexReader reader, Query query) => [.. Scored(searcher, reader, query).Select(hit => hit.Ordinal)];

    /// <summary>Every matching passage ordinal with its score, best first.</summary>
    private static List<(int Ordinal, float Score)> Scored(IndexSearcher searcher, IndexReader reader, Query query)
    {
        var ordinals = MultiDocValues.GetNumericValues(reader, IndexSnapshot.OrdinalField);
        return [.. searcher.Search(query, Math.Max(1, reader.MaxDoc)).ScoreDocs.Select(hit => ((int)ordinals.Get(hit.Doc), hit.Score))];
    }
}
