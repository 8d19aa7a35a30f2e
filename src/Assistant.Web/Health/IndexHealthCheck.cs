using Assistant.Retrieval;
using Assistant.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Web.Health;

/// <summary>
/// Healthy only when the index holds passages and a real query finds one: the start of the first indexed passage is
/// searched through the same retriever the answers use, so analyser, embedder and index are all exercised.
/// </summary>
public sealed class IndexHealthCheck(IPassageIndex index, PassageRetriever retriever) : IHealthCheck
{
    private const int ProbeChars = 120;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await index.GetStatusAsync(cancellationToken);
            if (!status.Exists || status.Passages == 0)
            {
                return HealthCheckResult.Unhealthy($"The {index.Name} index is empty or still being built.");
            }
            var probe = await FirstPassageTextAsync(cancellationToken);
            if (probe is null)
            {
                return HealthCheckResult.Unhealthy($"The {index.Name} index lists no passages.");
            }
            var found = await retriever.RetrieveAsync(probe[..Math.Min(ProbeChars, probe.Length)], 1, cancellationToken);
            if (found.Passages.Count == 0)
            {
                return HealthCheckResult.Unhealthy($"The {index.Name} index did not answer the probe query.");
            }
            // Serving, but from a stand-in (e.g. the previous generation while the current one is damaged): say so and how to repair.
            return status.Problem is { } problem
                ? HealthCheckResult.Degraded(problem)
                : HealthCheckResult.Healthy($"{index.Name} index: {status.Documents} documents, {status.Passages} passages.");
        }
        catch (Exception ex) when (ex is IndexUnavailableException or IOException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    private async Task<string?> FirstPassageTextAsync(CancellationToken cancellationToken)
    {
        await foreach (var passage in index.ListPassagesAsync(cancellationToken))
        {
            return passage.Text;
        }
        return null;
    }
}
