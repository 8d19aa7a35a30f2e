using Assistant.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IAnswerService"/> and <see cref="IAnswerGenerator"/> in their instrumented
    /// decorators. Call it after every registration that replaces either (the chat model's generator included).
    /// </summary>
    public static IServiceCollection AddAnswerTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<AnswerMetrics>();
        services.Decorate<IAnswerService>((inner, sp) => new InstrumentedAnswerService(inner, sp.GetRequiredService<AnswerMetrics>()));
        services.Decorate<IAnswerGenerator>((inner, sp) => new InstrumentedAnswerGenerator(inner, sp.GetRequiredService<AnswerMetrics>()));
        return services;
    }

    /// <summary>Replaces the last registration of <typeparamref name="TService"/> (a singleton) with a wrapper around it.</summary>
    private static void Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> wrap)
        where TService : class
    {
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(TService))
        {
            index--;
        }
        if (index < 0)
        {
            throw new InvalidOperationException($"{typeof(TService).Name} must be registered before it is decorated.");
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton<TService>(sp => wrap(Resolve<TService>(inner, sp), sp));
    }

    private static TService Resolve<TService>(ServiceDescriptor descriptor, IServiceProvider services) where TService : class =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
