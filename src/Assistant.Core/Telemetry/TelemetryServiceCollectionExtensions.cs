using Assistant.Answering;
using Assistant.Answering.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The answer metrics, and <see cref="IAnswerService"/> as the registered <see cref="AnswerService"/> inside
    /// <see cref="InstrumentedAnswerService"/>. Whether the chat model writes the answers is read from the
    /// <see cref="IAnswerGenerator"/> registered when the service is first resolved.
    /// </summary>
    public static IServiceCollection AddAnswerTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<AnswerMetrics>();
        services.AddSingleton<IAnswerService>(sp => new InstrumentedAnswerService(
            sp.GetRequiredService<AnswerService>(),
            sp.GetRequiredService<AnswerMetrics>(),
            usesModel: sp.GetRequiredService<IAnswerGenerator>() is LlmAnswerGenerator));
        return services;
    }
}
