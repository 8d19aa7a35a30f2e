using Assistant.Documents.Pdf;

namespace Assistant.Tests.Documents;

/// <summary>Lines of PDF pages (right to left, 12 pt, a column from x 70 to 525) joined into text.</summary>
public sealed class PdfPagesTests
{
    private const double Size = 12;

    [Fact]
    public void Without_paragraph_spacing_a_line_that_stops_short_ends_its_paragraph()
    {
        var page = Page(
            Full("قال الرئيس في بيان صدر اليوم إن المحادثات"),
            Short("ستستمر الأسبوع المقبل."),
            Full("وأضاف أن الوفدين اتفقا على"),
            Full("تشكيل لجنة مشتركة لمتابعة التنفيذ"),
            Short("في أقرب وقت."));

        Assert.Equal(
            "قال الرئيس في بيان صدر اليوم إن المحادثات ستستمر الأسبوع المقبل.\n\nوأضاف أن الوفدين اتفقا على تشكيل لجنة مشتركة لمتابعة التنفيذ في أقرب وقت.",
            PdfPages.Join([page]));
    }

    [Fact]
    public void A_numbered_footer_on_every_page_is_dropped_and_each_page_starts_a_paragraph()
    {
        var first = Page(Full("السطر الأول من الصفحة الأولى"), Short("آخر سطر فيها"), Short("صفحة 1 من 2"));
        var second = Page(Full("أول سطر في الصفحة الثانية"), Short("صفحة 2 من 2"));

        Assert.Equal("السطر الأول من الصفحة الأولى آخر سطر فيها\n\nأول سطر في الصفحة الثانية", PdfPages.Join([first, second]));
    }

    [Fact]
    public void A_line_that_recurs_inside_the_pages_is_text_not_a_header()
    {
        var first = Page(Full("مقدمة"), Full("وتكرر القول"), Full("نص"), Full("نص آخر"), Full("خاتمة"));
        var second = Page(Full("بداية"), Full("نص ثان"), Full("وتكرر القول"), Full("نص ثالث"), Full("نهاية"));

        Assert.Equal(2, PdfPages.Join([first, second]).Split("وتكرر القول").Length - 1);
    }

    [Fact]
    public void A_heading_in_larger_type_is_a_paragraph_of_its_own_and_does_not_upset_the_line_pitch()
    {
        const double heading = 18;
        var page = new List<PdfLine>
        {
            new("موجز عن مؤتمر بروكسل", 770, heading, 70, 525, RightToLeft: true),
            new("عقد المؤتمر في بروكسل بمشاركة", 770 - heading, Size, 70, 525, RightToLeft: true),
            new("وفود من سبعين دولة ومنظمة.", 770 - heading - 1.5 * Size, Size, 200, 525, RightToLeft: true),
        };

        Assert.Equal("موجز عن مؤتمر بروكسل\n\nعقد المؤتمر في بروكسل بمشاركة وفود من سبعين دولة ومنظمة.", PdfPages.Join([page]));
    }

    private static List<PdfLine> Page(params Func<double, PdfLine>[] lines) =>
        [.. lines.Select((line, i) => line(770 - i * 1.5 * Size))];

    private static Func<double, PdfLine> Full(string text) => baseline => new PdfLine(text, baseline, Size, 70, 525, RightToLeft: true);

    private static Func<double, PdfLine> Short(string text) => baseline => new PdfLine(text, baseline, Size, 300, 525, RightToLeft: true);
}
