namespace Assistant.Storage.Embedded;

/// <summary>
/// Exclusive, cross-process write lock on an index folder: an OS file lock (FileShare.None, which .NET maps to
/// flock on Unix) that the OS releases if the process dies, so a killed run never leaves a stale lock behind.
/// </summary>
internal sealed class IndexLock : IDisposable
{
    private readonly FileStream _stream;

    private IndexLock(FileStream stream) => _stream = stream;

    public static IndexLock Acquire(string root)
    {
        var path = Path.Combine(root, IndexFiles.LockFile);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n"));
            stream.Flush();
            return new IndexLock(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A lock held by another run and a folder that cannot be written both fail here; only a write test tells them apart.
            if (!CanWrite(root)) throw NotWritable(root, e);
            throw new IndexBusyException($"Another indexing run is changing the index at {root} (lock {path}); wait for it to finish and try again.");
        }
    }

    public static IndexUnavailableException NotWritable(string root, Exception failure) =>
        new($"The index folder {root} cannot be written ({failure.Message.TrimEnd('.')}); check Index:Path and its permissions.", failure);

    private static bool CanWrite(string root)
    {
        try
        {
            using (new FileStream(Path.Combine(root, $".write-test-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => _stream.Dispose();
}
