using Assistant.Chunking;
using Assistant.Storage;

namespace Assistant.Answering.Llm;

/// <summary>The title line (<see cref="DocumentTitle"/>) of each document a set of passages comes from, read from the index.</summary>
public sealed class DocumentTitles(IPassageIndex index)
{
    /// <returns>A passage's document title; the passage's own title when the document cannot be read.</returns>
    public async Task<Func<Passage, string>> ForAsync(IEnumerable<Passage> passages, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in passages.Select(p => p.DocumentId).Distinct(StringComparer.Ordinal))
        {
            var document = await index.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is not null && DocumentTitle.Choose(document.Text) is { Length: > 0 } title) titles[id] = title;
        }
        return passage => titles.GetValueOrDefault(passage.DocumentId, passage.Title);
    }
}
