using System.Diagnostics;

namespace Assistant.Tests.Support;

/// <summary>The built CLI (assistant.dll, copied next to the tests) as a real process, for exit codes, streams and kills.</summary>
internal static class CliProcess
{
    public static Process Start(string indexPath, params string[] arguments) =>
        Start(new Dictionary<string, string> { ["Index__Path"] = indexPath }, arguments);

    /// <summary>Starts the built CLI in the repository root with these environment overrides.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
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
