namespace Assistant.Answering;

/// <summary>Fixed replies that every channel gives in the same words, whichever host hears the message.</summary>
public static class Replies
{
    /// <summary>A message without a question: blank (said by the channel) or punctuation alone (said by the answer service).</summary>
    public const string NoQuestionFound =
        "لم أجد سؤالًا في رسالتك. اكتب سؤالك بالعربية عن الوثائق، وسأجيبك مع ذكر المصادر.";
}
