namespace Assistant.Conversations;

/// <summary>
/// Serialises read-modify-write of one key within this process, without a lock object per key: keys hash onto a fixed
/// set of semaphores, so memory stays bounded however many conversations pass through.
/// </summary>
public sealed class StripedLock
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) stripe.Release();
        }
    }
}
