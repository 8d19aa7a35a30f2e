using System.Diagnostics;

namespace Assistant.Web.Tests;

/// <summary>The web host started with a bad setting stops at once with one line naming the key, and no stack trace.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("DirectLine__MaxConversations", "0", "DirectLine:MaxConversations")]
    [InlineData("DirectLine__TokenLifetime", "soon", "DirectLine:TokenLifetime")]
    [InlineData("Retrieval__TopK", "0", "Retrieval:TopK")]
    [InlineData("Answering__MaxQuestionChars", "-5", "Answering:MaxQuestionChars")]
    [InlineData("State__Redis", "127.0.0.1:6379,nosuchoption=1", "State:Redis")]
    // A misspelt key would otherwise be skipped without a word and the setting meant left at its default.
    [InlineData("DirectLine__MaxConversation", "5", "did you mean DirectLine:MaxConversations?")]
    public async Task A_bad_setting_stops_the_host_with_one_line_naming_it(string variable, string value, string key)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Assistant.Web.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment[variable] = value;
        start.Environment["Index__Path"] = Path.Combine(Path.GetTempPath(), "assistant-startup-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line);
        Assert.DoesNotContain("   at ", await output + line);
    }
}
