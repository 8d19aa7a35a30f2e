using System.Globalization;

namespace Assistant.Evaluation;

/// <summary>How metrics are shown to people (CLI tables, HTML report): culture-independent, "—" when not measurable.</summary>
public static class MetricFormat
{
    public static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(double? value) =>
        value is { } v ? v.ToString(v >= 100 ? "0" : v >= 1 ? "0.##" : "0.###", CultureInfo.InvariantCulture) : "—";
}
