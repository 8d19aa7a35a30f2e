using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>Runs a script of tests/js with node and returns the JSON object it prints last.</summary>
public static class NodeScript
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "js");

    public static async Task<JsonObject> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "botbuilder")))
        {
            Assert.Fail($"{Path.Combine(Folder, "node_modules")} is missing: run the test command from the README, which runs `npm ci` in tests/js first.");
        }
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within {timeout}: {await error}");
        }
        Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}: {await error}");
        var lastLine = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonNode.Parse(lastLine)!.AsObject();
    }
}
