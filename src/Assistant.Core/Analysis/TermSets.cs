namespace Assistant.Analysis;

/// <summary>
/// Whether a set holds any of a word's terms, as a loop: the short answer and the span selection ask it for every word
/// of every quote and span a question weighs, where <c>terms.Any(set.Contains)</c> makes a new delegate on each call
/// (a few per cent of what a request allocates).
/// </summary>
internal static class TermSets
{
    public static bool ContainsAnyOf(this IReadOnlySet<string> set, ReadOnlySpan<string> terms)
    {
        foreach (var term in terms)
        {
            if (set.Contains(term)) return true;
        }
        return false;
    }

    /// <summary>The same by number (<see cref="TermIds"/>): a word's term numbers against a set of the question's.</summary>
    public static bool ContainsAnyOf(this HashSet<int> set, int[] ids)
    {
        foreach (var id in ids)
        {
            if (set.Contains(id)) return true;
        }
        return false;
    }

    /// <summary>The same in a fixed set of numbers (<see cref="TermIdSet"/>: one probe run, no buckets and entries to follow).</summary>
    public static bool ContainsAnyOf(this TermIdSet set, int[] ids)
    {
        foreach (var id in ids)
        {
            if (set.Contains(id)) return true;
        }
        return false;
    }

    /// <summary>Whether the set holds every one of a word's terms (true for none, as LINQ's <c>All</c>), as a loop.</summary>
    public static bool ContainsAllOf(this IReadOnlySet<string> set, IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (!set.Contains(terms[i])) return false;
        }
        return true;
    }

    /// <summary>Whether two words share a term (a word has a few: a loop over both, no delegate).</summary>
    public static bool SharesAnyWith(this IReadOnlyList<string> terms, IReadOnlyList<string> others)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            for (var j = 0; j < others.Count; j++)
            {
                if (string.Equals(terms[i], others[j], StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    /// <summary>The same for a question word's terms (a list, indexed rather than enumerated: no boxed enumerator).</summary>
    public static bool ContainsAnyOf(this IReadOnlySet<string> set, IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (set.Contains(terms[i])) return true;
        }
        return false;
    }
}
