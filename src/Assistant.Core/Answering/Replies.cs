namespace Assistant.Answering;

/// <summary>Fixed replies that every channel gives in the same words, whichever host hears the message.</summary>
public static class Replies
{
    /// <summary>A message without a question: blank (said by the channel) or punctuation alone (said by the answer service).</summary>
    public const string NoQuestionFound =
        "لم أجد سؤالًا في رسالتك. اكتب سؤالك بالعربية عن الوثائق، وسأجيبك مع ذكر المصادر.";

    /// <summary>To a message over <c>Answering:MaxQuestionChars</c>, counted as <see cref="QuestionText.TypedLength"/> counts it.</summary>
    public static string TooLong(int typed, int max) =>
        $"رسالتك طويلة جدًا: فيها {typed} حرفًا بالمسافات، والحد الأقصى {max} حرف. من فضلك اختصر سؤالك وأعد إرساله.";

    /// <summary>To a question in another language: in Arabic and in English, since the asker may read only one.</summary>
    public const string NotArabic =
        "أجيب عن الأسئلة المكتوبة بالعربية فقط؛ اكتب سؤالك بالعربية، مثلًا: أين التقى ترامب وبوتين؟\n\n"
        + "I answer questions asked in Arabic only; please ask in Arabic, for example: «أين التقى ترامب وبوتين؟»";
}
