using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Qdrant;

/// <summary>The `assistant` program itself, run as a process with <c>Index__Provider=Qdrant</c> in its environment.</summary>
public sealed class QdrantCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Index_then_passages_and_ask_work_against_qdrant()
    {
        await using var server = await QdrantDouble.StartAsync();
        var environment = Environment(server.Url);

        var index = await RunAsync(environment, "index");
        Assert.True(index.ExitCode == 0, index.Error);
        Assert.Contains("5 added", index.Output);

        var passages = await RunAsync(environment, "passages", "--json");
        Assert.True(passages.ExitCode == 0, passages.Error);
        var lines = passages.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(["000_84f7261bbaa5e2d3.txt", "001_43085affda0f6743.txt", "002_600139ed0c729303.txt", "003_bca4d65306d4d8ae.txt", "004_2ebd1fbcc90f6e11.txt"],
            lines.Select(line => line["documentId"]!.GetValue<string>()).Distinct());

        var again = await RunAsync(environment, "index");
        Assert.Contains("5 unchanged", again.Output);
        Assert.Empty(server.Refusals);
    }

    [Fact]
    public async Task Unreachable_qdrant_exits_2_with_one_line_and_no_stack_trace()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        // The shipped retry settings, as a user gets them.
        var environment = Environment(url);
        environment.Remove("Index__Qdrant__MaxRetryAttempts");
        environment.Remove("Index__Qdrant__RetryDelay");

        var result = await RunAsync(environment, "ask", "من أصدر البيان؟", "--json");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Qdrant is unreachable at {url}", line);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Wrong_api_key_exits_2_naming_the_setting()
    {
        await using var server = await QdrantDouble.StartAsync(apiKey: "right");
        var environment = Environment(server.Url);
        environment["Index__Qdrant__ApiKey"] = "wrong";

        var result = await RunAsync(environment, "index");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Invalid api-key", line);
        Assert.Contains("Index:Qdrant:ApiKey", line);
    }

    private static Dictionary<string, string> Environment(string url) => new()
    {
        ["Index__Provider"] = "Qdrant",
        ["Index__Qdrant__Url"] = url,
        ["Index__Qdrant__Collection"] = $"assistant_cli_{Guid.NewGuid():N}",
        ["Index__Qdrant__MaxRetryAttempts"] = "1",
        ["Index__Qdrant__RetryDelay"] = "00:00:00.010",
        ["Corpus__Path"] = TestPaths.Seeds,
    };

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assistant.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
