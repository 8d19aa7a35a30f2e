using System.Runtime.CompilerServices;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Storage;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>A read-only index over <see cref="FakeCorpus"/>; writing is not something the web host does.</summary>
public sealed class FakePassageIndex : IPassageIndex
{
    public string Name => "Fake";

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new IndexStatus(true, FakeCorpus.Documents.Count, FakeCorpus.Passages().Count(), "fake"));

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(FakeCorpus.Documents.ToDictionary(d => d.DocumentId, d => d.ContentHash));

    public Task<IIndexWriter> BeginWriteAsync(bool rebuild, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake index is read-only.");

    public Task<IReadOnlyList<ScoredPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScoredPassage>>(FakeCorpus.Passages()
            .Where(p => query.Terms.Any(t => p.Text.Contains(t, StringComparison.Ordinal)))
            .Select((p, i) => new ScoredPassage(p, 1.0 / (i + 1), i + 1, null)).Take(query.TopK).ToList());

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken) =>
        Task.FromResult(new TermStatistics(FakeCorpus.Passages().Count(),
            terms.ToDictionary(t => t, t => FakeCorpus.Passages().Count(p => p.Text.Contains(t, StringComparison.Ordinal)))));

    public async IAsyncEnumerable<Passage> ListPassagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var passage in FakeCorpus.Passages().OrderBy(p => p.DocumentId, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return passage;
        }
    }

    public Task<SourceDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(FakeCorpus.Documents.FirstOrDefault(d => d.DocumentId == documentId));
}
