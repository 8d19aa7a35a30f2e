using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Configuration;

/// <summary>A settings section and the options class bound to it; with no class, a library's options take any key.</summary>
public sealed record SettingsSection(string Path, Type? Type);

/// <summary>
/// Rejects at start a key, inside a section the product reads, that no setting has («Answering:MaxCitation» for
/// «Answering:MaxCitations»): the binder skips such a key without a word, and the setting meant stays at its default.
/// Sections the product does not read (the environment's own variables among them) are not looked at.
/// </summary>
public static class UnknownSettings
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validates it at start and rejects keys it has no property for.</summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section) where TOptions : class
    {
        builder.Services.AddSettingsSection(section, typeof(TOptions));
        return builder.BindConfiguration(section).ValidateSettingsOnStart();
    }

    /// <summary>Declares a section read by other means (a library's options bound by hand): its keys are not checked, nor counted as unknown in its parent.</summary>
    public static IServiceCollection AddSettingsSection(this IServiceCollection services, string section, Type? type = null)
    {
        services.AddSingleton(new SettingsSection(section, type));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SettingsKeys>, UnknownKeysValidator>());
        services.AddOptions<SettingsKeys>().ValidateOnStart();
        return services;
    }

    /// <summary>What the unknown-key check validates: the configuration itself, so it holds nothing.</summary>
    public sealed class SettingsKeys;

    /// <summary>A misspelt key is named with the setting it is nearest to when it is at most this many edits from one.</summary>
    private const int MaxSuggestionEdits = 2;

    private sealed class UnknownKeysValidator(IConfiguration configuration, IEnumerable<SettingsSection> sections) : IValidateOptions<SettingsKeys>
    {
        public ValidateOptionsResult Validate(string? name, SettingsKeys options)
        {
            var known = sections.GroupBy(s => s.Path, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(s => s.Type).ToList(), StringComparer.OrdinalIgnoreCase);
            var failures = new List<string>();
            foreach (var (path, types) in known)
            {
                if (types.All(t => t is not null)) Check(configuration.GetSection(path), types!, known, failures);
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void Check(IConfigurationSection section, IReadOnlyList<Type> types, Dictionary<string, List<Type?>> known, List<string> failures)
        {
            foreach (var child in section.GetChildren())
            {
                if (known.ContainsKey(child.Path)) continue;
                var properties = types.Select(t => t.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)).OfType<PropertyInfo>().ToList();
                if (properties.Count == 0)
                {
                    failures.Add(Unknown(child, section, types));
                    continue;
                }
                var nested = properties.Select(p => p.PropertyType).Where(IsOwnSettings).ToList();
                if (nested.Count > 0) Check(child, nested, known, failures);
            }
        }

        /// <summary>A settings class of the product's own, whose keys are checked in turn; a library's type or a list takes what it takes.</summary>
        private static bool IsOwnSettings(Type type) =>
            type.IsClass && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("Assistant", StringComparison.Ordinal) == true;

        private static string Unknown(IConfigurationSection key, IConfigurationSection parent, IReadOnlyList<Type> types)
        {
            var names = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Where(p => p.CanWrite).Select(p => p.Name).Distinct().ToList();
            var nearest = names.Select(n => (Name: n, Edits: Edits(n.ToUpperInvariant(), key.Key.ToUpperInvariant()))).MinBy(n => n.Edits);
            return nearest.Name is not null && nearest.Edits <= MaxSuggestionEdits
                ? $"{key.Path} is not a setting: did you mean {parent.Path}:{nearest.Name}?"
                : $"{key.Path} is not a setting; {parent.Path} has {string.Join(", ", names)}.";
        }

        /// <summary>Levenshtein distance.</summary>
        private static int Edits(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var diagonal = row[0];
                row[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.Length];
        }
    }
}
