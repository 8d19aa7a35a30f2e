namespace Assistant.Tests.Text;

public sealed class DisplayTextTests
{
    /// <summary>The one-line form written independently: whitespace runs become one space, none at either end.</summary>
    private static string Expected(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("  بيان مشترك\n\nللرئيس ترامب\t والرئيس بوتين  ")]
    [InlineData("في الجمهوري  \nالعربية السورية")]
    [InlineData("   ")]
    [InlineData("")]
    public void A_bounded_line_is_the_start_of_the_whole_line(string text)
    {
        var whole = Expected(text);
        Assert.Equal(whole, DisplayText.OneLine(text));
        for (var max = 0; max <= whole.Length + 2; max++)
        {
            Assert.Equal(whole[..Math.Min(max, whole.Length)], DisplayText.OneLine(text, max));
        }
    }

    [Fact]
    public void Random_text_agrees_with_the_independent_form()
    {
        var random = new Random(7);
        const string alphabet = "بيان \n\t مشترك\u00A0 ";
        for (var i = 0; i < 500; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var max = random.Next(0, 40);
            var whole = Expected(text);
            Assert.Equal(whole, DisplayText.OneLine(text));
            Assert.Equal(whole[..Math.Min(max, whole.Length)], DisplayText.OneLine(text, max));
        }
    }
}
