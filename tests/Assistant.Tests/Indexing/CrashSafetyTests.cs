using System.Diagnostics;
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

        using var process = StartCli(indexPath, "index", "--rebuild", "--source", big);
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

            // The lock died with the process: the next run writes, and clears what the killed run left.
            var report = await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, true, null, TestContext.Current.CancellationToken);
            Assert.Equal(5, report.Added);
            Assert.Single(Directory.GetDirectories(indexPath, "gen-*"));
        }
    }

    internal static Process StartCli(string indexPath, params string[] arguments) =>
        StartCli(new Dictionary<string, string> { ["Index__Path"] = indexPath }, arguments);

    /// <summary>Starts the built CLI in the repository root with these environment overrides.</summary>
    internal static Process StartCli(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assistant.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
    }
}
