using System.Security.Cryptography;
using System.Text;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Qdrant has no locks, so writers to one collection are serialised by an exclusive lock file on this machine
/// (in the temp folder, named after the URL and collection). The operating system releases it when the process
/// dies. It does not guard against writers on other machines.
/// </summary>
internal sealed class QdrantWriteLock : IDisposable
{
    private readonly FileStream stream;

    private QdrantWriteLock(FileStream stream) => this.stream = stream;

    public static QdrantWriteLock Acquire(string url, string collection)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{url.TrimEnd('/')}|{collection}")))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"assistant-qdrant-{key}.lock");
        try
        {
            return new QdrantWriteLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new IndexBusyException($"Another process is writing to Qdrant collection '{collection}' at {url} (lock file {path}); wait for it to finish. {e.Message}");
        }
    }

    public void Dispose() => stream.Dispose();
}
