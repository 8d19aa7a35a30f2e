using Assistant.Documents.Readers;

namespace Assistant.Tests.Documents;

public sealed class ExtractedTextTests
{
    [Theory]
    // Bidi controls go.
    [InlineData("\u202Bبيان\u202C \u200Fمشترك\u200E \u2067للرئيس\u2069", "بيان مشترك للرئيس")]
    // Presentation forms fold to base letters, the lam-alef ligature to two letters.
    [InlineData("\uFE91\uFEB4\uFEE2 \uFEFB\uFE8E\uFEDF", "بسم لاال")]
    [InlineData("\uFDF2", "الله")]
    // Line endings, trailing spaces and runs of blank lines are tidied; nothing else changes.
    [InlineData("سطر  \r\n\r\n\r\n\r\nسطر ثان\rثالث", "سطر\n\nسطر ثان\nثالث")]
    [InlineData("\uFEFFنص (1) ٢٠١٧", "نص (1) ٢٠١٧")]
    public void Cleaning_removes_controls_and_folds_presentation_forms(string raw, string clean) =>
        Assert.Equal(clean, ExtractedText.Clean(raw));
}
