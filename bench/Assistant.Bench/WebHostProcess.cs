using System.Diagnostics;

namespace Assistant.Bench;

/// <summary>The built web host (Release) as a child process over the seeds, with a fresh index, as the load scenarios run it.</summary>
internal static class WebHostProcess
{
    /// <param name="environment">Settings added to the host's environment (e.g. the OTLP endpoint), beside the bench's own.</param>
    public static Task<ServerProcess> StartAsync(
        string webDll, string work, string seeds, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var index = Path.Combine(work, "index-web");
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }

        var address = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(webDll)! };
        info.ArgumentList.Add(webDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString());
        info.Environment["Corpus__Path"] = BenchCorpora.Copy(seeds, Path.Combine(work, "seeds-web"));
        info.Environment["Index__Path"] = index;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return ServerProcess.StartAsync(info, address, TimeSpan.FromSeconds(120), cancellationToken);
    }
}
