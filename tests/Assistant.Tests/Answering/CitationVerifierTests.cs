using Assistant.Answering;
using Assistant.Citations;

namespace Assistant.Tests.Answering;

public sealed class CitationVerifierTests
{
    private const string Document = "قال الرئيس إن الحل سياسي. وأكد الطرفان الالتزام.";

    private static Citation Cite(int marker, int start, int end, string? quote = null, string document = "d.txt") =>
        new(marker, document, "عنوان", start, end, quote ?? Document[start..end], "p1");

    private static IReadOnlyList<string> Verify(string text, params Citation[] citations) =>
        CitationVerifier.Verify(text, citations, id => id == "d.txt" ? Document : null);

    [Fact]
    public void Exact_quotes_with_contiguous_used_markers_pass() =>
        Assert.Empty(Verify("«الحل سياسي» [1] و«الالتزام» [2]", Cite(1, 15, 25), Cite(2, 39, Document.Length - 1)));

    [Fact]
    public void Each_kind_of_fault_is_reported()
    {
        Assert.Contains(Verify("x [1]", Cite(1, 0, 5, "قال X")), p => p.Contains("quote is not the text"));
        Assert.Contains(Verify("x [1]", Cite(1, 40, 400, "نص")), p => p.Contains("outside"));
        Assert.Contains(Verify("x [1]", Cite(1, 5, 5, "")), p => p.Contains("outside"));
        Assert.Contains(Verify("x [1]", Cite(1, 0, 3, document: "other.txt")), p => p.Contains("unknown document"));
        Assert.Contains(Verify("x [2]", Cite(2, 0, 3)), p => p.Contains("markers must run"));
        Assert.Contains(Verify("x [1]", Cite(1, 0, 3), Cite(2, 4, 10)), p => p.Contains("[2] is never used"));
        Assert.Contains(Verify("x [1] [3]", Cite(1, 0, 3)), p => p.Contains("no such citation"));
    }
}
