using Assistant.Documents.Pdf;

namespace Assistant.Tests.Documents;

/// <summary>Lines as a PDF draws them (left to right on the page) back into reading order.</summary>
public sealed class VisualOrderTests
{
    [Theory]
    // A date: day first, year last, the slash between month names kept.
    [InlineData("2017 ،ربمفون/يناثلا نيرشت 11", "11 تشرين الثاني/نوفمبر، 2017")]
    // A range at the start of a paragraph is one European number.
    [InlineData("2017 ربمسيد /لوألا نوناك 21-22", "21-22 كانون الأول/ ديسمبر 2017")]
    // After an Arabic letter it is two Arabic numbers, laid out right to left: the page shows 30-29.
    [InlineData("30-29 يموي يف", "في يومي 29-30")]
    // A number after a Latin word goes with it.
    [InlineData("وعدي ،G 20 رمتؤم", "مؤتمر G 20، يدعو")]
    [InlineData("F-16 ةرئاط تطقس", "سقطت طائرة F-16")]
    // Separators inside a number, and a sentence's full stop after it.
    [InlineData(".2,254 مقرملا", "المرقم 2,254.")]
    // Brackets: the PDF maps each drawn glyph to the character of the text, so they need no mirroring.
    [InlineData(")كيبأ( رمتؤم", "مؤتمر (أبيك)")]
    // Latin-only lines stay as they are.
    [InlineData("Astana 8, 2017", "Astana 8, 2017")]
    public void A_visual_line_reads_in_logical_order(string visual, string logical) =>
        Assert.Equal(logical, VisualOrder.ToLogical(visual));
}
