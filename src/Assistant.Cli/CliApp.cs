using System.CommandLine;
using Assistant.Cli.Commands;

namespace Assistant.Cli;

/// <summary>`assistant index | ask | passages | eval`. Exit codes: 0 success, 1 bad usage or input, 2 runtime failure.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Assistant: answers questions about Arabic documents, citing the exact passages.")
        {
            IndexCommand.Create(),
            AskCommand.Create(),
            PassagesCommand.Create(),
            EvalCommand.Create(),
            TeamsPackageCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Every problem on one line: the first alone may be the least telling («Required command was not provided»
            // before «Unrecognized command 'frobnicate'»).
            var messages = parsed.Errors.Select(e => e.Message).Distinct().ToList();
            // An unknown option takes the question's place, so the question is then «unrecognized» too: the option is the problem.
            if (messages.Any(IsUnknownOption)) messages = messages.Where(IsUnknownOption).ToList();
            await error.WriteLineAsync($"error: {string.Join(' ', messages)} (see --help)");
            return ExitCodes.BadInput;
        }
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (CliErrors.Describe(e) is { } failure)
        {
            await error.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
    }

    private static bool IsUnknownOption(string message) => message.StartsWith(AskCommand.UnknownOption, StringComparison.Ordinal);
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Failure = 2;
}
