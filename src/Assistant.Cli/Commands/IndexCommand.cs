using System.CommandLine;
using Assistant.Configuration;
using Assistant.Documents;
using Assistant.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>`index [--source DIR] [--rebuild] [--allow-empty]`: brings the index in line with the corpus folder.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Corpus folder (default: Corpus:Path, i.e. seeds)." };
        var rebuild = new Option<bool>("--rebuild") { Description = "Re-index every document from scratch." };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Index a folder with no documents, which empties the index." };
        var command = new Command("index", "Index the documents of a folder (incremental by content hash).") { source, rebuild, allowEmpty };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = CliServices.Build(QuietLoader);
            var folder = parsed.GetValue(source) ?? services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path;
            if (!Directory.Exists(folder))
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync(File.Exists(folder)
                    ? $"error: {Path.GetFullPath(folder)} is a file, not a folder: index the folder that holds the documents (--source DIR)"
                    : $"error: corpus folder not found: {Path.GetFullPath(folder)}");
                return ExitCodes.BadInput;
            }
            var indexer = services.GetRequiredService<CorpusIndexer>();
            var output = parsed.InvocationConfiguration.Output;
            var interactive = IsInteractive(output);
            IndexReport report;
            try
            {
                report = interactive
                    ? await WithProgressBarAsync(indexer, folder, parsed.GetValue(rebuild), parsed.GetValue(allowEmpty), cancellationToken)
                    : await indexer.IndexAsync(folder, parsed.GetValue(rebuild), parsed.GetValue(allowEmpty), new PlainProgress(output), cancellationToken);
            }
            catch (NothingToIndexException e)
            {
                // A wrong or empty folder would silently empty the index: that takes asking for it.
                foreach (var skipped in e.Skipped) await output.WriteLineAsync(SkippedLine(skipped));
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message} (add --allow-empty to empty it)");
                return ExitCodes.BadInput;
            }
            // The plain progress already named each file; after a progress bar, list them.
            if (interactive)
            {
                foreach (var file in report.Files) await output.WriteLineAsync($"{file.Change.ToString().ToLowerInvariant()} {file.DocumentId}");
            }
            foreach (var skipped in report.Skipped) await output.WriteLineAsync(SkippedLine(skipped));
            await output.WriteLineAsync(report.Summary());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The report names each skipped file with its reason: the loader's warning would say it a second time.</summary>
    public static void QuietLoader(ILoggingBuilder logging) => logging.AddFilter(typeof(DocumentLoader).FullName, LogLevel.Error);

    /// <summary>
    /// For a command that answers: what it indexed first because there was no index yet, said on standard error as
    /// `index` says it (the skipped files, then the summary), so the answers that follow are not from a corpus it chose
    /// silently.
    /// </summary>
    public static async Task ReportFirstBuildAsync(TextWriter error, IndexReport? built)
    {
        if (built is null) return;
        await error.WriteLineAsync($"no index yet: indexing {built.Source} (Corpus:Path) first");
        foreach (var skipped in built.Skipped) await error.WriteLineAsync(SkippedLine(skipped));
        await error.WriteLineAsync(built.Summary());
    }

    private static string SkippedLine(SkippedFile skipped) => $"skipped {skipped.Path}: {skipped.Reason}";

    private static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static Task<IndexReport> WithProgressBarAsync(CorpusIndexer indexer, string folder, bool rebuild, bool allowEmpty, CancellationToken cancellationToken) =>
        AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("indexing", maxValue: 1);
            var progress = new Progress<IndexProgress>(p =>
            {
                task.MaxValue = p.Total;
                task.Value = p.Done;
                task.Description = $"{p.Change.ToString().ToLowerInvariant()} {Markup.Escape(p.DocumentId)}";
            });
            return await indexer.IndexAsync(folder, rebuild, allowEmpty, progress, cancellationToken);
        });

    /// <summary>One line per document when output is redirected (no terminal to redraw a bar on).</summary>
    private sealed class PlainProgress(TextWriter output) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            output.WriteLine($"[{value.Done}/{value.Total}] {value.Change.ToString().ToLowerInvariant()} {value.DocumentId}");
            output.Flush();
        }
    }
}
