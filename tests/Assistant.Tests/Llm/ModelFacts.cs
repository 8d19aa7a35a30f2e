using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Assistant.Tests.Llm;

/// <summary>A scripted model over the seed prompts: it finds the passage holding a phrase by the number the prompt gave it, as a model would cite it.</summary>
internal static class ModelFacts
{
    /// <summary>The number of the first prompt block whose text contains <paramref name="phrase"/>.</summary>
    public static int NumberOf(string prompt, string phrase)
    {
        var passages = prompt[..prompt.LastIndexOf("السؤال:", StringComparison.Ordinal)];
        var block = Regex.Matches(passages, @"^\[(\d+)\] (?s:.*?)(?=^\[\d+\] |\z)", RegexOptions.Multiline)
            .FirstOrDefault(b => b.Value.Contains(phrase, StringComparison.Ordinal));
        Assert.True(block is not null, $"test data: no passage of the prompt holds «{phrase}»");
        return int.Parse(block.Groups[1].Value);
    }

    /// <summary>Replies <paramref name="template"/> with {n} replaced by the number of the passage holding <paramref name="phrase"/>.</summary>
    public static ScriptedChatClient Citing(string phrase, string template) =>
        new(messages => template.Replace("{n}", NumberOf(messages.Last(m => m.Role == ChatRole.User).Text, phrase).ToString()));
}
