using System.Text.RegularExpressions;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Indexing;
using Assistant.Retrieval;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Storage;

/// <summary>
/// The embedded index reads its files in place: what it gives back (passages, offsets, texts, search results) is
/// exactly what was indexed, after reopening and after incremental writes; an index of another format is never read.
/// </summary>
public sealed class EmbeddedIndexFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The seeds plus a document with what offsets most easily get wrong: surrogate pairs, combining marks, CRLF, tatweel.</summary>
    private static string Corpus(TempFolder work)
    {
        foreach (var file in Directory.GetFiles(TestPaths.Seeds)) work.File($"corpus/{Path.GetFileName(file)}", File.ReadAllText(file));
        work.File("corpus/sub/مختلط.txt",
            "وثيقة مختلطة\r\n\r\nقالَ المُتحدِّثُ 😀 إنّ الاجتمـــاع عُقد في ١٢ مايو.\r\nوأضاف: «النتائج 𝑥 مشجّعة»؟ نعم!\n\n" +
            string.Concat(Enumerable.Range(1, 40).Select(i => $"الجملة رقم {i} تذكر الرقم {i * 7} في سياق طويل نسبيا. ")));
        return Path.Combine(work.Path, "corpus");
    }

    private static async Task<List<Passage>> ListAsync(IPassageIndex index)
    {
        var passages = new List<Passage>();
        await foreach (var passage in index.ListPassagesAsync(Ct)) passages.Add(passage);
        return passages;
    }

    [Fact]
    public async Task Passages_read_on_demand_are_exactly_the_chunkers_with_their_offsets_and_texts()
    {
        using var work = new TempFolder();
        var corpus = Corpus(work);
        await using var services = AssistantHost.Build(corpus, Path.Combine(work.Path, "index"));
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, false, null, Ct);
        var index = services.GetRequiredService<IPassageIndex>();
        var loaded = await services.GetRequiredService<DocumentLoader>().LoadAsync(corpus, Ct);
        var chunker = services.GetRequiredService<PassageChunker>();

        var expected = loaded.Documents.OrderBy(d => d.DocumentId, StringComparer.Ordinal).SelectMany(chunker.Chunk).ToList();
        Assert.Equal(expected, await ListAsync(index));
        foreach (var document in loaded.Documents)
        {
            Assert.Equal(document, await index.GetDocumentAsync(document.DocumentId, Ct));
        }
        Assert.Null(await index.GetDocumentAsync("no-such-document.txt", Ct));
        Assert.Contains(expected, p => p.Text.Contains("😀", StringComparison.Ordinal) && p.DocumentId == "sub/مختلط.txt");
    }

    [Fact]
    public async Task A_reopened_index_gives_the_same_passages_documents_and_search_results()
    {
        using var work = new TempFolder();
        var corpus = Corpus(work);
        var indexPath = Path.Combine(work.Path, "index");
        string[] questions = ["متى صدر البيان المشترك؟", "كم عدد مشاهدات البيان الختامي لمباحثات أستانا 8؟", "الجملة رقم 12"];
        List<Passage> passages;
        List<RetrievalResult> results;
        IndexStatus status;
        await using (var first = AssistantHost.Build(corpus, indexPath))
        {
            await first.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, false, null, Ct);
            status = await first.GetRequiredService<IPassageIndex>().GetStatusAsync(Ct);
            passages = await ListAsync(first.GetRequiredService<IPassageIndex>());
            results = await RetrieveAllAsync(first, questions);
        }

        await using var reopened = AssistantHost.Build(corpus, indexPath);
        var index = reopened.GetRequiredService<IPassageIndex>();
        Assert.Equal(status, await index.GetStatusAsync(Ct));
        Assert.Equal(passages, await ListAsync(index));
        var again = await RetrieveAllAsync(reopened, questions);
        Assert.Equal(results.Select(r => r.Passages), again.Select(r => r.Passages), new SequenceComparer<ScoredPassage>());
        Assert.Equal(results.Select(r => r.Statistics.DocumentFrequency.OrderBy(f => f.Key)), again.Select(r => r.Statistics.DocumentFrequency.OrderBy(f => f.Key)),
            new SequenceComparer<KeyValuePair<string, int>>());
    }

    [Fact]
    public async Task An_incremental_write_gives_the_same_index_as_a_rebuild_of_the_same_documents()
    {
        using var work = new TempFolder();
        var corpus = Corpus(work);
        var indexPath = Path.Combine(work.Path, "index");
        await using var services = AssistantHost.Build(corpus, indexPath);
        var indexer = services.GetRequiredService<CorpusIndexer>();
        var index = services.GetRequiredService<IPassageIndex>();
        await indexer.IndexAsync(corpus, false, null, Ct);
        // One document changed, one removed, one added: the others are copied from the previous generation.
        var changed = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).ToList();
        File.AppendAllText(changed[1], "\nوأضيفت هذه الجملة بعد الفهرسة الأولى.\n");
        File.Delete(changed[2]);
        work.File("corpus/000_new.txt", "وثيقة جديدة\n\nأضيفت هذه الوثيقة لاحقا وفيها جملة واحدة عن أستانا.");

        var report = await indexer.IndexAsync(corpus, false, null, Ct);
        var incremental = await ListAsync(index);
        var documents = await Task.WhenAll(incremental.Select(p => p.DocumentId).Distinct().Select(id => index.GetDocumentAsync(id, Ct)));
        await indexer.IndexAsync(corpus, rebuild: true, null, Ct);

        Assert.Equal((1, 1, 1), (report.Added, report.Updated, report.Removed));
        Assert.Equal(await ListAsync(index), incremental);
        foreach (var document in documents) Assert.Equal(await index.GetDocumentAsync(document!.DocumentId, Ct), document);
    }

    [Theory]
    [InlineData(7, "older")]
    [InlineData(99, "newer")]
    public async Task An_index_of_another_format_is_not_read_and_is_rebuilt_with_a_one_line_reason(int format, string which)
    {
        using var work = new TempFolder();
        var indexPath = Path.Combine(work.Path, "index");
        await using (var services = AssistantHost.Build(TestPaths.Seeds, indexPath))
        {
            await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, Ct);
        }
        var manifest = Path.Combine(indexPath, File.ReadAllText(Path.Combine(indexPath, "CURRENT")), "manifest.json");
        File.WriteAllText(manifest, Regex.Replace(File.ReadAllText(manifest), "\"format\":\\d+", $"\"format\":{format}"));

        await using var reopened = AssistantHost.Build(TestPaths.Seeds, indexPath);
        var index = reopened.GetRequiredService<IPassageIndex>();
        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => index.GetStatusAsync(Ct));
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Contains($"format {format}", refusal.Message);
        Assert.Contains(which, refusal.Message);
        Assert.Contains("rebuilt by `assistant index`", refusal.Message);

        var report = await reopened.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, Ct);
        Assert.Equal(5, report.Added);
        Assert.Equal(5, (await index.GetStatusAsync(Ct)).Documents);
    }

    [Fact]
    public async Task The_int8_shortlist_gives_the_exact_float_ranking_on_a_collection_larger_than_the_shortlist()
    {
        using var work = new TempFolder();
        // Sixty documents of seed sentences in orders of their own: several hundred passages, close neighbours among them.
        var sentences = Directory.GetFiles(TestPaths.Seeds).SelectMany(f => File.ReadAllText(f).Split(['.', '؟', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Trim()).Where(s => s.Length > 20).ToArray();
        var random = new Random(5);
        for (var d = 0; d < 60; d++) work.File($"corpus/{d:00}.txt", $"وثيقة {d}\n" + string.Join(". ", random.GetItems(sentences, 25)) + ".");
        var corpus = Path.Combine(work.Path, "corpus");
        var indexPath = Path.Combine(work.Path, "index");
        await using var services = AssistantHost.Build(corpus, indexPath);
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, false, null, Ct);
        var generation = File.ReadAllText(Path.Combine(indexPath, "CURRENT")).Trim();
        var snapshot = await Assistant.Storage.Embedded.IndexSnapshot.OpenAsync(indexPath, generation, 60, Ct);
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(indexPath, generation, "vectors.f32"))).ToArray();
        var dimensions = snapshot.Manifest.Dimensions;
        Assert.True(snapshot.PassageCount > 400, $"only {snapshot.PassageCount} passages");

        var embedder = services.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>();
        foreach (var question in GoldSet.Load(TestPaths.Gold("gold.jsonl")).Select(q => q.Question).Take(40))
        {
            var query = (await embedder.GenerateAsync([question], cancellationToken: Ct))[0].Vector.ToArray();
            var exact = Enumerable.Range(0, snapshot.PassageCount)
                .Select(i => (Index: i, Similarity: System.Numerics.Tensors.TensorPrimitives.Dot(query, vectors.AsSpan(i * dimensions, dimensions))))
                .OrderByDescending(r => r.Similarity).ThenBy(r => r.Index).Take(40).Select(r => r.Index);
            Assert.Equal(exact, snapshot.DenseSearch(query, 40));
        }
    }

    private static async Task<List<RetrievalResult>> RetrieveAllAsync(IServiceProvider services, IEnumerable<string> questions)
    {
        var retriever = services.GetRequiredService<PassageRetriever>();
        var results = new List<RetrievalResult>();
        foreach (var question in questions) results.Add(await retriever.RetrieveAsync(question, 10, Ct));
        return results;
    }

    private sealed class SequenceComparer<T> : IEqualityComparer<IEnumerable<T>>
    {
        public bool Equals(IEnumerable<T>? x, IEnumerable<T>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IEnumerable<T> obj) => 0;
    }
}
