using System.Text.Json.Nodes;

namespace Assistant.Web.Bot;

/// <summary>
/// Removes the bot's own @mention from a message (Teams group chats and channels send <c>&lt;at&gt;Bot&lt;/at&gt; question</c>).
/// The mention entity says which text is the mention and whom it names, so only mentions of the bot are removed.
/// </summary>
public static class MentionText
{
    public static string WithoutBotMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if ((string?)entity["type"] != "mention" ||
                entity["mentioned"] is not JsonObject mentioned ||
                (string?)mentioned["id"] is not { } mentionedId ||
                mentionedId != activity.Recipient?.Id)
            {
                continue;
            }
            var mentionText = (string?)entity["text"] ?? $"<at>{(string?)mentioned["name"]}</at>";
            text = text.Replace(mentionText, " ", StringComparison.Ordinal);
        }
        return text.Trim();
    }
}
