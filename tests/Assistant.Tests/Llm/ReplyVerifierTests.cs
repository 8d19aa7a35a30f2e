using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Citations;
using static Assistant.Tests.Llm.LlmTestPassages;

namespace Assistant.Tests.Llm;

/// <summary>The verifier over the test passages, numbered as the prompt numbers them: [1] Astana (one block), [2] the resolution.</summary>
public sealed class ReplyVerifierTests
{
    private static GeneratedAnswer Verify(string reply, string question = "") => LlmHarness.Verifier.Verify(reply, Sources, question);

    private static ReplyRejectedException Rejected(string reply, string question = "") =>
        Assert.Throws<ReplyRejectedException>(() => Verify(reply, question));

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
        Assert.Equal(AnswerGenerators.Llm, answer.Generator);
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
        var answer = Verify("اعتمد مجلس الأمن القرار 2254 [2]. وشاركت روسيا وتركيا وإيران بصفتها دولاً ضامنة [1].");

        Assert.Equal("اعتمد مجلس الأمن القرار 2254 [1]. وشاركت روسيا وتركيا وإيران بصفتها دولاً ضامنة [2].", answer.Text);
        AssertCites(answer.Citations[0], 1, ResolutionId, "اعتمد مجلس الأمن الدولي القرار 2254 بالإجماع في كانون الأول/ديسمبر 2015.");
        AssertCites(answer.Citations[1], 2, AstanaId, "وشاركت فيه روسيا وتركيا وإيران بصفتها دولاً ضامنة لوقف إطلاق النار.");
        AssertValid(answer);
    }

    [Fact]
    public void A_sentence_two_passages_share_is_cited_from_the_one_block_holding_both()
    {
        var answer = Verify("شاركت روسيا وتركيا وإيران دولاً ضامنة [1].");

        var citation = Assert.Single(answer.Citations);
        AssertCites(citation, 1, AstanaId, "وشاركت فيه روسيا وتركيا وإيران بصفتها دولاً ضامنة لوقف إطلاق النار.");
        Assert.Contains(citation.PassageId, new[] { Retrieved[0].Passage.PassageId, Retrieved[2].Passage.PassageId });
        AssertValid(answer);
    }

    [Fact]
    public void A_claim_joining_adjacent_sentences_cites_them_all()
    {
        // «المؤتمر» is the document's title («مؤتمر أستانا»): the two sentences that say the rest are cited.
        var answer = Verify("شاركت روسيا وتركيا وإيران في المؤتمر واتفقت على آلية ثلاثية لمراقبة الهدنة [1].");

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
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [1][2].")]
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

    [Fact]
    public void A_first_short_line_is_the_short_answer_verified_like_a_claim()
    {
        var answer = Verify("الإجابة المختصرة: في كانون الثاني 2017 [1]\n\nعقد مؤتمر أستانا في يناير 2017 [1].", "متى عقد مؤتمر أستانا؟");

        Assert.Equal("في كانون الثاني 2017", answer.ShortAnswer);
        Assert.Equal("في كانون الثاني 2017 [1]\n\nعقد مؤتمر أستانا في يناير 2017 [1].", answer.Text);
        AssertValid(answer);
    }

    [Theory]
    [InlineData("في شباط 2017 [1]\n\nعقد مؤتمر أستانا في يناير 2017 [1].", RejectionReasons.Date, "شباط")]
    [InlineData("في يناير 2018\n\nعقد مؤتمر أستانا في يناير 2017 [1].", RejectionReasons.Date, "2018")]
    public void A_short_answer_with_a_wrong_fact_rejects_the_reply(string reply, string reason, string part)
    {
        var rejected = Rejected(reply, "متى عقد مؤتمر أستانا؟");

        Assert.Contains(rejected.Rejections, r => r.Reason == reason && r.Part == part);
    }

    public static TheoryData<string, string, string> WrongFacts => new()
    {
        { "لم يعتمد مجلس الأمن القرار 2254 [2].", RejectionReasons.Negation, "يعتمد" },
        { "اعتمد مجلس الأمن القرار 2245 [2].", RejectionReasons.Number, "2245" },
        { "اعتمد مجلس الأمن القرار 2254 في آذار 2015 [2].", RejectionReasons.Date, "آذار" },
        { "اعتمد مجلس الأمن القرار 2254 يوم الأحد [2].", RejectionReasons.Date, "الأحد" },
        { "شاركت روسيا وتركيا وقطر بصفتها دولاً ضامنة [1].", RejectionReasons.Name, "وقطر" },
        { "عقد مؤتمر أستانا في عاصمة أوزبكستان [1].", RejectionReasons.UnsupportedWord, "أوزبكستان" },
        { "شاركت خمس دول ضامنة في المؤتمر [1].", RejectionReasons.Number, "خمس" },
        { "عقد مؤتمر أستانا في الأول من يناير 2017 [1].", RejectionReasons.Number, "الأول" },
    };

    [Theory]
    [MemberData(nameof(WrongFacts))]
    public void A_wrong_fact_is_rejected_naming_the_part(string reply, string reason, string part)
    {
        var rejected = Rejected(reply);

        Assert.Contains(rejected.Rejections, r => r.Reason == reason && r.Part == part);
        Assert.All(rejected.Rejections, r => Assert.NotEqual("", r.Claim));
    }

    [Fact]
    public void Words_shared_with_the_question_are_no_evidence()
    {
        var rejected = Rejected("عقد مؤتمر أستانا [1].", "متى عقد مؤتمر أستانا؟");

        Assert.Equal(RejectionReasons.RestatesQuestion, Assert.Single(rejected.Rejections).Reason);
    }

    [Theory]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [7].", RejectionReasons.UnknownMarker)]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [0].", RejectionReasons.UnknownMarker)]
    [InlineData("عقد مؤتمر أستانا في يناير 2017 [1]. وكان الطقس بارداً جداً في تلك الأيام.", RejectionReasons.Uncited)]
    [InlineData("عقد مؤتمر أستانا في يناير 2017.", RejectionReasons.Uncited)]
    [InlineData("[1] عقد مؤتمر أستانا في يناير 2017.", RejectionReasons.Uncited)]
    [InlineData("اعتمد مجلس الأمن القرار 2254 بالإجماع [1].", RejectionReasons.Number)]
    [InlineData("قال المشاركون «إن الحرب في سوريا انتهت تماماً» [1].", RejectionReasons.InventedQuote)]
    [InlineData("   ", RejectionReasons.Empty)]
    public void Replies_that_do_not_verify_are_rejected_with_the_reason(string reply, string reason)
    {
        Assert.Contains(Rejected(reply).Rejections, r => r.Reason == reason);
    }
}
