using Assistant.Answering;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Indexing;

/// <summary>Kills a real `assistant index --rebuild` process midway and checks the previous index still answers.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task Killing_a_rebuild_midway_leaves_the_previous_index_answering()
    {
        using var work = new TempFolder();
        var indexPath = Path.Combine(work.Path, "index");
        await using (var services = AssistantHost.Build(TestPaths.Seeds, indexPath))
        {
            await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, false, null, TestContext.Current.CancellationToken);
        }
        var generationBefore = File.ReadAllText(Path.Combine(indexPath, "CURRENT"));

        // A corpus big enough that the rebuild is still embedding when the process is killed.
        var big = Path.Combine(work.Path, "big");
        var seedText = string.Concat(Directory.GetFiles(TestPaths.Seeds).Select(File.ReadAllText));
        for (var i = 0; i < 300; i++) work.File($"big/doc{i:D3}.txt", $"وثيقة {i}\n\n" + string.Concat(Enumerable.Repeat(seedText, 3)));

        using var process = CliProcess.Start(indexPath, "index", "--rebuild", "--source", big);
        var firstLine = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.NotNull(firstLine);
        Assert.StartsWith("[1/300]", firstLine);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(generationBefore, File.ReadAllText(Path.Combine(indexPath, "CURRENT")));
        await using (var services = AssistantHost.Build(TestPaths.Seeds, indexPath))
        {
            var status = await services.GetRequiredService<IPassageIndex>().GetStatusAsync(TestContext.Current.CancellationToken);
            Assert.Equal(5, status.Documents);
            var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("كم عدد مشاهدات البيان الختامي لمباحثات أستانا 8؟"), TestContext.Current.CancellationToken);
            Assert.False(answer.Abstained);
            Assert.Contains("5623", answer.Citations[0].Quote);

            // The lock died with the process: the next run writes, and clears what the killed run left (keeping the
            // generation it replaced, which stands in should the new one be found damaged).
            var report = await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, true, null, TestContext.Current.CancellationToken);
            Assert.Equal(5, report.Added);
            Assert.Equal([generationBefore, File.ReadAllText(Path.Combine(indexPath, "CURRENT"))],
                Directory.GetDirectories(indexPath, "gen-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }
}
