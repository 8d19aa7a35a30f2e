namespace Assistant.AI;

/// <summary>
/// A validated connection to a remote model, read from the <c>Chat</c> or <c>Embeddings</c> section
/// (both have Provider, Model, Endpoint and ApiKey).
/// </summary>
/// <param name="Provider">Ollama, OpenAI or AzureOpenAI, in canonical spelling.</param>
/// <param name="Endpoint">Null for OpenAI's public endpoint.</param>
public sealed record AiConnection(string Provider, string Model, Uri? Endpoint, string ApiKey)
{
    public const string OllamaDefaultEndpoint = "http://localhost:11434";

    /// <summary>
    /// Validates one section; returns null when <paramref name="provider"/> is the section's built-in
    /// provider (<paramref name="builtInProvider"/>), i.e. no remote model is wanted.
    /// </summary>
    /// <exception cref="AiConfigurationException">Unknown provider, or a missing/invalid model, endpoint or key.</exception>
    public static AiConnection? FromSettings(string section, string builtInProvider, string? provider, string? model, string? endpoint, string? apiKey)
    {
        var canonical = Canonical(section, builtInProvider, provider);
        if (canonical == builtInProvider)
        {
            return null;
        }

        var modelName = Require(section, canonical, "Model", model,
            canonical == AiProviders.AzureOpenAI ? "the name of your model deployment" : "the model name");
        var key = canonical == AiProviders.Ollama ? "" : Require(section, canonical, "ApiKey", apiKey, "the API key");
        var uri = canonical switch
        {
            AiProviders.Ollama => ParseEndpoint(section, string.IsNullOrWhiteSpace(endpoint) ? OllamaDefaultEndpoint : endpoint),
            AiProviders.AzureOpenAI => ParseEndpoint(section, Require(section, canonical, "Endpoint", endpoint, "your resource URL, e.g. https://NAME.openai.azure.com")),
            _ => string.IsNullOrWhiteSpace(endpoint) ? null : ParseEndpoint(section, endpoint),
        };
        return new AiConnection(canonical, modelName, uri, key);
    }

    private static string Canonical(string section, string builtInProvider, string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            return builtInProvider;
        }

        string[] known = [builtInProvider, AiProviders.Ollama, AiProviders.OpenAI, AiProviders.AzureOpenAI];
        return known.FirstOrDefault(k => string.Equals(k, provider.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new AiConfigurationException(
                $"{section}:Provider '{provider}' is not supported. Use one of: {string.Join(", ", known)}.");
    }

    private static string Require(string section, string provider, string key, string? value, string what) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new AiConfigurationException(
                $"{section}:{key} is required when {section}:Provider is {provider}: set it to {what} " +
                $"in appsettings.json or with the environment variable {section}__{key}.")
            : value.Trim();

    private static Uri ParseEndpoint(string section, string endpoint) =>
        Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new AiConfigurationException($"{section}:Endpoint '{endpoint}' is not an absolute http(s) URL.");
}
