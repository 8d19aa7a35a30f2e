using System.CommandLine.Parsing;
using System.Globalization;

namespace Assistant.Cli;

/// <summary>
/// Parsers for numeric options that turn a bad value into a usage error (exit 1, one line naming the option) while
/// System.CommandLine parses, so a command never starts with a value it cannot use.
/// </summary>
internal static class OptionParsers
{
    public static Func<ArgumentResult, int?> WholeNumber(string name, int min, int max) => result =>
    {
        var token = LastToken(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        result.AddError($"{name} must be a whole number from {min} to {max}, not '{token}'.");
        return null;
    };

    /// <summary>A number from 0 to 1, such as a metric threshold.</summary>
    public static Func<ArgumentResult, double?> Fraction(string name) => result =>
    {
        var token = LastToken(result);
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
        {
            return value;
        }
        result.AddError($"{name} must be a number from 0 to 1, not '{token}'.");
        return null;
    };

    private static string LastToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
