using Assistant.Answering;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Indexing;

public sealed class IncrementalIndexingTests
{
    [Fact]
    public async Task Unchanged_edited_added_and_deleted_documents_are_each_reflected()
    {
        using var work = new TempFolder();
        var corpus = Path.Combine(work.Path, "corpus");
        foreach (var seed in Directory.GetFiles(TestPaths.Seeds)) work.File(Path.Combine("corpus", Path.GetFileName(seed)), File.ReadAllText(seed));
        await using var services = AssistantHost.Build(corpus, Path.Combine(work.Path, "index"));
        var indexer = services.GetRequiredService<CorpusIndexer>();
        var index = services.GetRequiredService<IPassageIndex>();

        var first = await indexer.IndexAsync(corpus, rebuild: false, progress: null, TestContext.Current.CancellationToken);
        Assert.Equal((5, 0, 0, 0), (first.Added, first.Updated, first.Unchanged, first.Removed));
        var passagesBefore = await index.ListPassagesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var second = await indexer.IndexAsync(corpus, rebuild: false, progress: null, TestContext.Current.CancellationToken);
        Assert.Equal((0, 0, 5, 0, 0), (second.Added, second.Updated, second.Unchanged, second.Removed, second.Passages));
        Assert.Equal(passagesBefore, await index.ListPassagesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        const string addition = "\n\nوأعلن الطرفان إنشاء لجنة الزعفران المشتركة لمتابعة الهدنة.";
        File.AppendAllText(Path.Combine(corpus, "000_84f7261bbaa5e2d3.txt"), addition);
        File.Delete(Path.Combine(corpus, "001_43085affda0f6743.txt"));
        work.File("corpus/sub/new.md", "وثيقة جديدة\n\nعقد مؤتمر البرتقال في مدينة الياسمين يوم الأحد.");
        var progress = new List<IndexProgress>();
        var third = await indexer.IndexAsync(corpus, rebuild: false, new SynchronousProgress(progress), TestContext.Current.CancellationToken);

        Assert.Equal((1, 1, 3, 1), (third.Added, third.Updated, third.Unchanged, third.Removed));
        Assert.Equal(6, progress.Count);
        Assert.Contains(progress, p => p.DocumentId == "001_43085affda0f6743.txt" && p.Change == DocumentChange.Removed);
        var passages = await index.ListPassagesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(passages, p => p.DocumentId == "001_43085affda0f6743.txt");
        Assert.Contains(passages, p => p.DocumentId == "sub/new.md");
        var edited = await index.GetDocumentAsync("000_84f7261bbaa5e2d3.txt", TestContext.Current.CancellationToken);
        Assert.EndsWith(addition, edited!.Text);
        Assert.Contains(passages, p => p.DocumentId == "000_84f7261bbaa5e2d3.txt" && p.Text.Contains("الزعفران"));
        // Untouched documents keep their passages exactly.
        Assert.Equal(
            passagesBefore.Where(p => p.DocumentId == "003_bca4d65306d4d8ae.txt"),
            passages.Where(p => p.DocumentId == "003_bca4d65306d4d8ae.txt"));

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("أين عقد مؤتمر البرتقال؟"), TestContext.Current.CancellationToken);
        Assert.False(answer.Abstained);
        Assert.Equal("sub/new.md", answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task A_second_writer_is_refused_with_a_clear_message_and_the_first_still_commits()
    {
        using var work = new TempFolder();
        await using var services = AssistantHost.Build(TestPaths.Seeds, Path.Combine(work.Path, "index"));
        var index = services.GetRequiredService<IPassageIndex>();
        await using (var writer = await index.BeginWriteAsync(rebuild: true, TestContext.Current.CancellationToken))
        {
            var busy = await Assert.ThrowsAsync<IndexBusyException>(() => index.BeginWriteAsync(rebuild: false, TestContext.Current.CancellationToken));
            Assert.Contains("Another indexing run", busy.Message);
            await writer.CommitAsync(TestContext.Current.CancellationToken);
        }
        await using var again = await index.BeginWriteAsync(rebuild: false, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_write_disposed_without_commit_changes_nothing()
    {
        using var work = new TempFolder();
        await using var services = AssistantHost.Build(TestPaths.Seeds, Path.Combine(work.Path, "index"));
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, TestContext.Current.CancellationToken);
        var index = services.GetRequiredService<IPassageIndex>();
        await using (var writer = await index.BeginWriteAsync(rebuild: true, TestContext.Current.CancellationToken))
        {
            await writer.RemoveDocumentAsync("000_84f7261bbaa5e2d3.txt", TestContext.Current.CancellationToken);
        }
        Assert.Equal(5, (await index.GetStatusAsync(TestContext.Current.CancellationToken)).Documents);
    }

    [Fact]
    public async Task Rebuild_rewrites_everything()
    {
        using var work = new TempFolder();
        await using var services = AssistantHost.Build(TestPaths.Seeds, Path.Combine(work.Path, "index"));
        var indexer = services.GetRequiredService<CorpusIndexer>();
        await indexer.IndexAsync(TestPaths.Seeds, false, null, TestContext.Current.CancellationToken);
        var report = await indexer.IndexAsync(TestPaths.Seeds, rebuild: true, null, TestContext.Current.CancellationToken);
        Assert.Equal(5, report.Added);
        Assert.True(report.Passages > 20);
        // The new generation and the one it replaced (kept to stand in should the new one be damaged).
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(work.Path, "index"), "gen-*").Length);
    }

    private sealed class SynchronousProgress(List<IndexProgress> into) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => into.Add(value);
    }

    [Fact]
    public async Task First_start_rebuilds_an_index_written_in_an_older_format()
    {
        using var work = new TempFolder();
        var indexPath = await IndexInOlderFormatAsync(work);

        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);
        var index = services.GetRequiredService<IPassageIndex>();
        await Assert.ThrowsAsync<InvalidDataException>(() => index.GetStatusAsync(TestContext.Current.CancellationToken));
        await services.GetRequiredService<IndexInitializer>().EnsureIndexAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, (await index.GetStatusAsync(TestContext.Current.CancellationToken)).Documents);
    }

    [Fact]
    public async Task Indexing_over_an_index_written_in_an_older_format_rebuilds_it()
    {
        using var work = new TempFolder();
        var indexPath = await IndexInOlderFormatAsync(work);

        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);
        var report = await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, TestContext.Current.CancellationToken);
        Assert.Equal(5, report.Added);
        Assert.Equal(5, (await services.GetRequiredService<IPassageIndex>().GetStatusAsync(TestContext.Current.CancellationToken)).Documents);
    }

    [Fact]
    public async Task An_index_built_with_another_embedder_is_not_searched_and_indexing_rebuilds_it()
    {
        using var work = new TempFolder();
        var indexPath = Path.Combine(work.Path, "index");
        var ct = TestContext.Current.CancellationToken;
        await using (var other = AssistantHost.Build(TestPaths.Seeds, indexPath, new Dictionary<string, string?> { ["Embeddings:Dimensions"] = "128" }))
        {
            await other.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, ct);
        }

        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => services.GetRequiredService<IAnswerService>().AskAsync(new Question("متى صدر البيان المشترك؟"), ct));
        Assert.Contains("/128", error.Message);
        var report = await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, ct);
        Assert.Equal(5, report.Added);
        Assert.False((await services.GetRequiredService<IAnswerService>().AskAsync(new Question("متى صدر البيان المشترك؟"), ct)).Abstained);
    }

    /// <summary>Indexes the seeds, then marks the generation as written by an older version.</summary>
    private static async Task<string> IndexInOlderFormatAsync(TempFolder work)
    {
        var indexPath = Path.Combine(work.Path, "index");
        await using (var services = AssistantHost.Build(TestPaths.Seeds, indexPath))
        {
            await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, TestContext.Current.CancellationToken);
        }
        var manifest = Path.Combine(indexPath, File.ReadAllText(Path.Combine(indexPath, "CURRENT")), "manifest.json");
        var text = File.ReadAllText(manifest);
        var downgraded = System.Text.RegularExpressions.Regex.Replace(text, "\"format\":\\d+", "\"format\":1");
        Assert.NotEqual(text, downgraded);
        File.WriteAllText(manifest, downgraded);
        return indexPath;
    }
}
