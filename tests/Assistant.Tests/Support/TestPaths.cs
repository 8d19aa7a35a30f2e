namespace Assistant.Tests.Support;

internal static class TestPaths
{
    /// <summary>The repository root (the folder holding Assistant.sln), found from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string Gold(string file) => Path.Combine(RepoRoot, "tests", "Assistant.Tests", "gold", file);

    /// <summary>The shared sample gold set, the reference for the gold format and the acceptance figures.</summary>
    public static string SampleGold => Gold("sample-gold.jsonl");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assistant.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "assistant-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content, new System.Text.UTF8Encoding(false));
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
