namespace Assistant.Tests.Evaluation;

/// <summary>TEMPORARY until the core analyser lands: alef-hamza unification only.</summary>
internal static class Normalizer
{
    public static string Normalize(string text) => text.Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا');
}
