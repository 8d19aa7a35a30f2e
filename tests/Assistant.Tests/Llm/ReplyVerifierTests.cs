using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Citations;
using static Assistant.Tests.Llm.LlmTestPassages;

namespace Assistant.Tests.Llm;

public sealed class ReplyVerifierTests
{
    private readonly ReplyVerifier verifier = new(new ClaimSupportLocator(new ArabicTextAnalyzer(), minSupport: 0.5));

    private GeneratedAnswer Verify(string reply) => verifier.Verify(reply, Retrieved);

    private static void AssertCites(Citation citation, int marker, string documentId, string sentence)
    {
        var text = DocumentText(documentId)!;
        var (start, end) = SpanOf(text, sentence);
        Assert.Equal((marker, documentId, start, end), (citation.Marker, citation.DocumentId, citation.Start, citation.End));
        Assert.Equal(text[start..end], citation.Quote);
    }

    private static void AssertValid(GeneratedAnswer answer)
    {
        Assert.False(answer.Abstained);
        Assert.Empty(CitationVerifier.Verify(answer.Text, answer.Citations, DocumentText));
    }

    [Fact]
    public void Paraphrased_claims_cite_the_supporting_sentence_at_document_offsets()
    {
        var answer = Verify("عقد مؤتمر أستانا في يناير 2017 [1]. واعتمد مجلس الأمن القرار 2254 عام 2015 [2].");

        Assert.Equal("عقد مؤتمر أستانا في يناير 2017 [1]. واعتمد مجلس الأمن القرار 2254 عام 2015 [2].", answer.Text);
        Assert.Equal(2, answer.Citations.Count);
        AssertCites(answer.Citations[0], 1, AstanaId, "عُقد مؤتمر أستانا للسلام في كانون الثاني/يناير 2017 في عاصمة كازاخستان.");
        AssertCites(answer.Citations[1], 2, ResolutionId, "اعتمد مجلس الأمن الدولي القرار 2254 بالإجماع في كانون الأول/ديسمبر 2015.");
        Assert.Equal(Retrieved[1].Passage.PassageId, answer.Citations[1].PassageId);
        AssertValid(answer);
    }

    [Fact]
    public void Markers_are_renumbered_in_order_of_first_use()
    {
        var answer = Verify("شاركت روسيا وتركيا وإيران بصفتها دولاً ضامنة [3]. وعقد مؤتمر أستانا في 2017 [1].");

        Assert.Equal("شاركت روسيا وتركيا وإيران بصفتها دولاً ضامنة [1]. وعقد مؤتمر أستانا في 2017 [2].", answer.Text);
        Assert.Equal(Retrieved[2].Passage.PassageId, answer.Citations[0].PassageId);
        AssertCites(answer.Citations[0], 1, AstanaId, "وشاركت فيه روسيا وتركيا وإيران بصفتها دولاً ضامنة لوقف إطلاق النار.");
        AssertCites(answer.Citations[1], 2, AstanaId, "عُقد مؤتمر أستانا للسلام في كانون الثاني/يناير 2017 في عاصمة كازاخستان.");
        AssertValid(answer);
    }

    [Theory]
    [InlineData("[1][3]")]
    [InlineData("[1، 3]")]
    [InlineData("[1,3]")]
    [InlineData("[١][٣]")]
    public void Two_passages_showing_the_same_sentence_give_one_citation(string markers)
    {
        // Passages 1 and 3 overlap on this sentence of the same document.
        var answer = Verify($"شاركت روسيا وتركيا وإيران دولاً ضامنة {markers}.");

        Assert.Equal("شاركت روسيا وتركيا وإيران دولاً ضامنة [1].", answer.Text);
        AssertCites(Assert.Single(answer.Citations), 1, AstanaId, "وشاركت فيه روسيا وتركيا وإيران بصفتها دولاً ضامنة لوقف إطلاق النار.");
        AssertValid(answer);
    }

    [Fact]
    public void A_claim_joining_two_adjacent_sentences_cites_both()
    {
        var answer = Verify("شاركت روسيا وتركيا وإيران في المؤتمر واتفقت على آلية ثلاثية لمراقبة الهدنة [3].");

        var text = AstanaText;
        var start = text.IndexOf("وشاركت فيه", StringComparison.Ordinal);
        var end = text.IndexOf("في سوريا.", StringComparison.Ordinal) + "في سوريا.".Length;
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((start, end), (citation.Start, citation.End));
        AssertValid(answer);
    }

    [Theory]
    [InlineData("عقد مؤتمر أستانا في يناير 2017. [1]")]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [١].")]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [ 1 ].")]
    public void Marker_placement_and_digit_variants_are_accepted(string reply)
    {
        var answer = Verify(reply);

        Assert.Contains("[1]", answer.Text);
        AssertCites(Assert.Single(answer.Citations), 1, AstanaId, "عُقد مؤتمر أستانا للسلام في كانون الثاني/يناير 2017 في عاصمة كازاخستان.");
        AssertValid(answer);
    }

    [Fact]
    public void A_quotation_with_other_spelling_is_located_and_its_sentence_cited()
    {
        var answer = Verify("نص القرار على «عمليه سياسيه بقياده سوريه» [2].");

        AssertCites(Assert.Single(answer.Citations), 1, ResolutionId, "ويدعو القرار إلى عملية سياسية بقيادة سورية تيسّرها الأمم المتحدة.");
        AssertValid(answer);
    }

    [Theory]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [7].", "[7]")]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [0].", "[0]")]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [1]. وكان الطقس بارداً جداً في تلك الأيام.", "no marker")]
    [InlineData("عقد مؤتمر أستانا في يناير 2017.", "no marker")]
    [InlineData("[1] عقد مؤتمر أستانا في يناير 2017.", "before any statement")]
    [InlineData("اعتمد مجلس الأمن القرار 2254 بالإجماع [1].", "does not support")]
    [InlineData("قال المشاركون «إن الحرب في سوريا انتهت تماماً» [1].", "quotation")]
    [InlineData("NO_ANSWER", "no answer")]
    [InlineData("   ", "empty")]
    public void Replies_that_do_not_verify_are_rejected_with_the_reason(string reply, string reason)
    {
        var rejected = Assert.Throws<ReplyRejectedException>(() => Verify(reply));

        Assert.Contains(reason, rejected.Message);
    }
}
