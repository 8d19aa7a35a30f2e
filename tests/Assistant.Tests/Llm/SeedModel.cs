using System.Text.RegularExpressions;

namespace Assistant.Tests.Llm;

/// <summary>What a well-behaved model replies to the prompts over the seed documents, worked out from the prompt itself.</summary>
internal static class SeedModel
{
    public const string Question = "على ماذا اتفق الرئيسان بشأن الحل العسكري في سوريا؟";

    public const string Answer = "اتفق ترامب وبوتين على أنه لا يوجد حل عسكري للصراع في سوريا [1].";

    public const string SupportingSentence = "واتفق الرئيسان على أنه لا يوجد حل عسكري للصراع في سوريا.";

    public const string CondensedFollowUp = "متى أبرمت المذكرة التي رحب بها ترامب وبوتين في الأردن؟";

    /// <summary>
    /// Condenses any follow-up to <see cref="CondensedFollowUp"/>; answers by paraphrasing the passage that holds the
    /// answer, citing it by the number the prompt gave it, or declines when no passage holds it.
    /// </summary>
    public static string Reply(string prompt)
    {
        if (prompt.Contains("سؤال المتابعة:"))
        {
            return CondensedFollowUp;
        }

        var passages = prompt[..prompt.LastIndexOf("السؤال:", StringComparison.Ordinal)];
        var block = Regex.Matches(passages, @"^\[(\d+)\] (?s:.*?)(?=^\[\d+\] |\z)", RegexOptions.Multiline)
            .FirstOrDefault(block => block.Value.Contains("حل عسكري"));
        return block is null ? "NO_ANSWER" : $"اتفق ترامب وبوتين على أنه لا يوجد حل عسكري للصراع في سوريا [{block.Groups[1].Value}].";
    }
}
