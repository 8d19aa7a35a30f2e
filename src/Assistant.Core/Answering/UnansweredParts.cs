namespace Assistant.Answering;

/// <summary>
/// What an answer to a message that asks several things says of the parts no span answers: «لم أجد في الوثائق ما يجيب
/// عن الشق الثاني من السؤال.» The part is named by its place, not quoted, so the note adds no words of the question.
/// </summary>
public static class UnansweredParts
{
    /// <summary>One ordinal per part a message is answered in (<see cref="QuestionParts.MaxParts"/>).</summary>
    private static readonly string[] Ordinals = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس"];

    /// <param name="parts">The unanswered parts' 0-based positions, in order.</param>
    public static string Note(IReadOnlyList<int> parts)
    {
        var named = parts.Select(p => Ordinals[p]).ToList();
        var which = named.Count switch
        {
            1 => $"الشق {named[0]}",
            2 => $"الشقين {named[0]} و{named[1]}",
            _ => string.Join(" و", named.Select(n => $"الشق {n}")),
        };
        return $"لم أجد في الوثائق ما يجيب عن {which} من السؤال.";
    }
}
