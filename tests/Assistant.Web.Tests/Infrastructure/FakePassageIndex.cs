using System.Runtime.CompilerServices;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Storage;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>A read-only index over <see cref="FakeCorpus"/> (or empty, as before the first build); the web host never writes.</summary>
public sealed class FakePassageIndex : IPassageIndex
{
    public string Name => "Fake";

    /// <summary>As if nothing had been indexed yet.</summary>
    public bool Empty { get; set; }

    private IEnumerable<Passage> Passages() => Empty ? [] : FakeCorpus.Passages();

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Empty ? new IndexStatus(false, 0, 0, null) : new IndexStatus(true, FakeCorpus.Documents.Count, Passages().Count(), "fake"));

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(FakeCorpus.Documents.ToDictionary(d => d.DocumentId, d => d.ContentHash));

    public Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake index is read-only.");

    public Task<IReadOnlyList<ScoredPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScoredPassage>>(Passages()
            .Select((p, i) => new ScoredPassage(p, 1.0 / (i + 1), i + 1, null)).Take(query.TopK).ToList());

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken) =>
        Task.FromResult(new TermStatistics(Passages().Count(), terms.Distinct().ToDictionary(t => t, _ => 0)));

    public async IAsyncEnumerable<Passage> ListPassagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var passage in Passages().OrderBy(p => p.DocumentId, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return passage;
        }
    }

    public Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(Empty ? null : FakeCorpus.Documents.FirstOrDefault(d => d.DocumentId == documentId));
}
