using System.CommandLine;
using Assistant.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli.Commands;

/// <summary>`passages [--json]`: every indexed passage, JSON Lines with --json.</summary>
internal static class PassagesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per passage (JSON Lines)." };
        var command = new Command("passages", "Print every indexed passage with its document offsets.") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = CliServices.Build();
            var index = services.GetRequiredService<IPassageIndex>();
            var output = parsed.InvocationConfiguration.Output;
            if (!(await index.GetStatusAsync(cancellationToken)).Exists)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync("error: there is no index yet; run `assistant index` first");
                return ExitCodes.BadInput;
            }
            var asJson = parsed.GetValue(json);
            await foreach (var passage in index.ListPassagesAsync(cancellationToken))
            {
                await output.WriteLineAsync(asJson
                    ? ReadableJson.Line(passage)
                    : $"{passage.DocumentId} [{passage.Start},{passage.End}) {DisplayText.OneLine(passage.Text)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
