using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Citations;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The whole index → ask path with <c>Index:Provider=Qdrant</c>, built by <c>AddAssistantCore</c> exactly as the hosts
/// build it. Runs against the in-process double (<see cref="QdrantDoubleScenarioTests"/>) and against a real Qdrant
/// (<see cref="QdrantIntegrationTests"/>).
/// </summary>
public abstract class QdrantScenarios : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly List<ServiceProvider> providers = [];
    // Made once the server is there: a skipped run (no QDRANT_URL) stops in InitializeAsync and is never disposed.
    private TempFolder? scratch;
    private string corpus = "";

    /// <summary>Base URL of the Qdrant server under test.</summary>
    protected abstract ValueTask<string> StartServerAsync();

    protected virtual ValueTask StopServerAsync() => ValueTask.CompletedTask;

    /// <summary>The API key the server under test wants.</summary>
    protected virtual string? ApiKey => Environment.GetEnvironmentVariable("QDRANT_API_KEY");

    protected string Url { get; private set; } = "";

    protected Dictionary<string, string?> Settings { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Url = await StartServerAsync();
        Settings = QdrantTestServices.Settings(Url, ApiKey);
        scratch = new TempFolder();
        corpus = Directory.CreateDirectory(Path.Combine(scratch.Path, "corpus")).FullName;
        foreach (var seed in Directory.GetFiles(TestPaths.Seeds)) File.Copy(seed, Path.Combine(corpus, Path.GetFileName(seed)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
        await StopServerAsync();
        scratch?.Dispose();
    }

    [Fact]
    public async Task Indexed_seeds_answer_with_citations_that_verify_against_the_stored_documents()
    {
        var services = Services();
        var report = await services.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, null, Ct);
        Assert.Equal(5, report.Added);

        var index = services.GetRequiredService<IPassageIndex>();
        var status = await index.GetStatusAsync(Ct);
        Assert.Equal((true, 5, report.Passages), (status.Exists, status.Documents, status.Passages));

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(
            new Question("بحسب بيان الخارجية الأمريكية، من خلال أي مؤتمر ينبغي أن يتم الحل السياسي النهائي وفق القرار ٢٢٥٤؟"), Ct);

        Assert.False(answer.Abstained);
        Assert.Contains(answer.Citations, c => c.DocumentId == "000_84f7261bbaa5e2d3.txt" && c.Quote.Contains("جنيف"));
        var documents = new Dictionary<string, string?>();
        foreach (var id in answer.Citations.Select(c => c.DocumentId).Distinct()) documents[id] = (await index.GetDocumentAsync(id, Ct))?.Text;
        Assert.Empty(CitationVerifier.Verify(answer.Text, answer.Citations, id => documents.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task Incremental_runs_skip_unchanged_documents_replace_changed_ones_and_drop_removed_ones()
    {
        var indexer = Services().GetRequiredService<CorpusIndexer>();
        var first = await indexer.IndexAsync(corpus, rebuild: false, null, Ct);

        var again = await indexer.IndexAsync(corpus, rebuild: false, null, Ct);
        Assert.Equal((0, 0, 5, 0), (again.Added, again.Updated, again.Unchanged, again.Removed));

        var changed = Path.Combine(corpus, "001_43085affda0f6743.txt");
        var shortened = (await File.ReadAllTextAsync(changed, Ct))[..400] + "\nجملة جديدة أضيفت إلى الوثيقة.";
        await File.WriteAllTextAsync(changed, shortened, Ct);
        File.Delete(Path.Combine(corpus, "004_2ebd1fbcc90f6e11.txt"));
        var third = await indexer.IndexAsync(corpus, rebuild: false, null, Ct);
        Assert.Equal((0, 1, 3, 1), (third.Added, third.Updated, third.Unchanged, third.Removed));

        // A fresh process sees exactly the new state: no stale passage of the shortened document, nothing of the removed one.
        var index = Services().GetRequiredService<IPassageIndex>();
        var hashes = await index.GetDocumentHashesAsync(Ct);
        Assert.Equal(["000_84f7261bbaa5e2d3.txt", "001_43085affda0f6743.txt", "002_600139ed0c729303.txt", "003_bca4d65306d4d8ae.txt"], hashes.Keys.Order(StringComparer.Ordinal));
        var passages = await index.ListPassagesAsync(Ct).ToListAsync(Ct);
        Assert.Equal(passages.OrderBy(p => p.DocumentId, StringComparer.Ordinal).ThenBy(p => p.Ordinal), passages);
        var changedDocument = await index.GetDocumentAsync("001_43085affda0f6743.txt", Ct);
        Assert.Equal(shortened, changedDocument!.Text);
        foreach (var passage in passages.Where(p => p.DocumentId == changedDocument.DocumentId))
        {
            Assert.Equal(changedDocument.Text.Substring(passage.Start, passage.End - passage.Start), passage.Text);
        }
        Assert.Equal(passages.Count, (await index.GetStatusAsync(Ct)).Passages);
        Assert.True(passages.Count < first.Passages);
    }

    [Fact]
    public async Task Passages_and_term_statistics_match_the_embedded_index_for_the_same_corpus()
    {
        var qdrant = Services();
        var embedded = EmbeddedServices();
        await qdrant.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, null, Ct);
        await embedded.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, null, Ct);
        var qdrantIndex = qdrant.GetRequiredService<IPassageIndex>();
        var embeddedIndex = embedded.GetRequiredService<IPassageIndex>();

        Assert.Equal(await embeddedIndex.ListPassagesAsync(Ct).ToListAsync(Ct), await qdrantIndex.ListPassagesAsync(Ct).ToListAsync(Ct));
        Assert.Equal(await embeddedIndex.GetDocumentHashesAsync(Ct), await qdrantIndex.GetDocumentHashesAsync(Ct));
        var terms = qdrant.GetRequiredService<ArabicTextAnalyzer>().Terms("سوريا وأستانا والقرار ٢٢٥٤ وكلمةغيرموجودة");
        var expected = await embeddedIndex.GetTermStatisticsAsync(terms, Ct);
        var actual = await qdrantIndex.GetTermStatisticsAsync(terms, Ct);
        Assert.Equal(expected.PassageCount, actual.PassageCount);
        Assert.Equal(expected.DocumentFrequency.OrderBy(p => p.Key), actual.DocumentFrequency.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_collection_built_with_another_embedder_is_refused_until_rebuilt()
    {
        await Services().GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, null, Ct);

        var other = Services(new() { ["Embeddings:Dimensions"] = "256" });
        var write = await Assert.ThrowsAsync<IndexUnavailableException>(() => other.GetRequiredService<IPassageIndex>().BeginWriteAsync(rebuild: false, Ct));
        QdrantErrorTests.AssertOneLine(write, "Qdrant", Url, "--rebuild");
        var ask = await Assert.ThrowsAsync<IndexUnavailableException>(() => other.GetRequiredService<IAnswerService>().AskAsync(new Question("من أصدر البيان؟"), Ct));
        QdrantErrorTests.AssertOneLine(ask, "--rebuild");

        var rebuilt = await other.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: true, null, Ct);
        Assert.Equal(5, rebuilt.Added);
        Assert.EndsWith("/256", (await Services(new() { ["Embeddings:Dimensions"] = "256" }).GetRequiredService<IPassageIndex>().GetStatusAsync(Ct)).EmbedderId);
    }

    [Fact]
    public async Task One_writer_at_a_time_and_an_uncommitted_write_changes_nothing()
    {
        var index = Services().GetRequiredService<IPassageIndex>();
        await using (var writer = await index.BeginWriteAsync(rebuild: false, Ct))
        {
            await Assert.ThrowsAsync<IndexBusyException>(() => Services().GetRequiredService<IPassageIndex>().BeginWriteAsync(rebuild: false, Ct));
            await writer.RemoveDocumentAsync("000_84f7261bbaa5e2d3.txt", Ct);
        }

        Assert.False((await index.GetStatusAsync(Ct)).Exists);
        await using var next = await index.BeginWriteAsync(rebuild: false, Ct);
    }

    /// <summary>
    /// The gold figures of Answering/GoldSetTests (evidence recall, abstention recall, wrong abstentions), computed the
    /// same way for both back-ends over the same corpus: Qdrant must do as well as the embedded index, which those tests
    /// hold to the acceptance floors. (One question of slack: a real Qdrant breaks exact score ties in its own order.)
    /// </summary>
    [Theory]
    [InlineData("sample-gold.jsonl")]
    [InlineData("gold.jsonl")]
    [InlineData("gold-holdout.jsonl")]
    public async Task Gold_questions_do_as_well_as_with_the_embedded_index(string file)
    {
        var gold = GoldSet.Load(TestPaths.Gold(file));
        var qdrant = await FiguresAsync(Services(), gold);
        var embedded = await FiguresAsync(EmbeddedServices(), gold);
        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: Qdrant {qdrant}; embedded {embedded}");

        Assert.Equal(0, qdrant.InexactCitations);
        Assert.True(qdrant.Supported >= embedded.Supported - 1, $"{file}: Qdrant {qdrant}; embedded {embedded}");
        Assert.True(qdrant.CorrectAbstentions >= embedded.CorrectAbstentions - 1, $"{file}: Qdrant {qdrant}; embedded {embedded}");
        Assert.True(qdrant.WrongAbstentions <= embedded.WrongAbstentions + 1, $"{file}: Qdrant {qdrant}; embedded {embedded}");
    }

    private async Task<GoldFigures> FiguresAsync(ServiceProvider services, IReadOnlyList<GoldQuestion> gold)
    {
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, null, Ct);
        var index = services.GetRequiredService<IPassageIndex>();
        var answers = services.GetRequiredService<IAnswerService>();
        var texts = new Dictionary<string, string?>();
        foreach (var id in (await index.GetDocumentHashesAsync(Ct)).Keys) texts[id] = (await index.GetDocumentAsync(id, Ct))?.Text;

        int supported = 0, abstentions = 0, wrongAbstentions = 0, inexact = 0;
        foreach (var question in gold)
        {
            var answer = await answers.AskAsync(new Question(question.Question), Ct);
            inexact += CitationVerifier.Verify(answer.Text, answer.Citations, id => texts.GetValueOrDefault(id)).Count > 0 && !answer.Abstained ? 1 : 0;
            if (!question.Answerable)
            {
                abstentions += answer.Abstained ? 1 : 0;
            }
            else if (answer.Abstained)
            {
                wrongAbstentions++;
            }
            else
            {
                var spans = GoldSet.EvidenceSpans(question).ToList();
                supported += answer.Citations.Any(c => c.DocumentId == question.Doc && spans.Any(s => c.Start < s.End && s.Start < c.End)) ? 1 : 0;
            }
        }
        return new GoldFigures(supported, abstentions, wrongAbstentions, inexact);
    }

    private ServiceProvider Services(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        var provider = AssistantHost.Build(corpus, Path.Combine(scratch!.Path, "embedded-index"), settings);
        providers.Add(provider);
        return provider;
    }

    private ServiceProvider EmbeddedServices() => Services(new() { ["Index:Provider"] = "Embedded" });

    private sealed record GoldFigures(int Supported, int CorrectAbstentions, int WrongAbstentions, int InexactCitations);
}

/// <summary>The scenarios against the in-process gRPC double, with an API key; afterwards it must have refused no call.</summary>
public sealed class QdrantDoubleScenarioTests : QdrantScenarios
{
    private QdrantDouble? server;

    protected override string? ApiKey => "scenario-key";

    protected override async ValueTask<string> StartServerAsync()
    {
        server = await QdrantDouble.StartAsync(ApiKey);
        return server.Url;
    }

    protected override async ValueTask StopServerAsync()
    {
        var refusals = server!.Refusals;
        await server.DisposeAsync();
        Assert.Empty(refusals);
    }
}
