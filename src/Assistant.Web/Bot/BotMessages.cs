using Assistant.Answering;

namespace Assistant.Web.Bot;

/// <summary>What the bot says besides answers; Arabic, like its users.</summary>
public static class BotMessages
{
    public static string Welcome(IReadOnlyList<string> titles)
    {
        var known = titles.Count == 0
            ? "لم تُفهرس أي وثيقة بعد."
            : "أعرف ما في هذه الوثائق:\n\n" + string.Join('\n', titles.Select(t => "- " + t));
        return "مرحبًا! أنا مساعد يجيب عن الأسئلة من الوثائق المفهرسة فقط، ويذكر مع كل إجابة مصدرها بالنص الحرفي.\n\n"
            + known
            + "\n\nاسأل بالعربية عمّا تذكره هذه الوثائق: متى، وأين، ومن، وكم، ولماذا… ويمكنك أن تتبع سؤالك بأسئلة لاحقة مثل «ومتى؟».";
    }

    /// <summary>For a blank message: the words the answer service gives a message of punctuation alone.</summary>
    public const string BlankHint = Replies.NoQuestionFound;


    /// <summary>For a question asked while the index holds no passage: not «the documents do not say», which hides it.</summary>
    public const string NotIndexed =
        "لم تُفهرس الوثائق بعد، فالفهرس فارغ ولا أستطيع أن أجيب الآن. إن كانت الفهرسة جارية فأعد سؤالك بعد قليل؛ وإلا فعلى من يدير المساعد أن يضيف الوثائق ويشغّل «assistant index».";

    public const string Apology =
        "عذرًا، حدث خطأ أثناء تجهيز الإجابة. حاول مرة أخرى بعد قليل.";
}
