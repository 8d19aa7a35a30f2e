namespace Assistant.Web.Bot.Formatting;

public static class MarkdownText
{
    public static string Escape(string text) => text;
}
