using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Configuration;

/// <summary>
/// Settings checked when a host starts, each problem one line naming its key (e.g. "Retrieval:TopK must be between 1 and
/// 100."): the data annotations' own messages, without the wrapping the stock validator adds.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Validates <typeparamref name="TOptions"/>'s data annotations (and IValidatableObject) when the host starts.</summary>
    public static OptionsBuilder<TOptions> ValidateSettingsOnStart<TOptions>(this OptionsBuilder<TOptions> builder) where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new AnnotationsValidator<TOptions>(builder.Name));
        return builder.ValidateOnStart();
    }

    /// <summary>Runs every start-up validation now; hosts without a generic host (the CLI) call it after building their services.</summary>
    public static void ValidateSettings(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>The one line to show for a settings problem found at start, or null when <paramref name="e"/> is not one.</summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException invalid => invalid.Failures.FirstOrDefault() ?? invalid.Message,
        // The binder's own message names the key: "Failed to convert configuration value at 'Retrieval:TopK' to type 'System.Int32'."
        InvalidOperationException when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => e.Message,
        _ => null,
    };

    private sealed class AnnotationsValidator<TOptions>(string? name) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }
            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"{typeof(TOptions).Name} is not valid."));
        }
    }
}
