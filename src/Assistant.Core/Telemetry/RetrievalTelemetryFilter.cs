using Assistant.Retrieval;
using Microsoft.SemanticKernel;

namespace Assistant.Telemetry;

/// <summary>
/// A kernel filter that wraps the passage search in the <c>retrieve</c> span, wherever it is called from (the answer
/// pipeline or a function-calling model), tagged with the query's length and the passages found.
/// </summary>
public sealed class RetrievalTelemetryFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        if (context.Function.PluginName != PassageSearchPlugin.PluginName)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var query = context.Arguments.TryGetValue("query", out var value) ? value as string : null;
        using var activity = AnswerActivities.StartRetrieve(query?.Length ?? 0);
        try
        {
            await next(context).ConfigureAwait(false);
            if (activity is not null && context.Result.GetValue<RetrievalResult>() is { } result)
            {
                activity.SetTag(AnswerActivities.PassageCount, result.Passages.Count);
            }
        }
        catch (Exception e)
        {
            AnswerActivities.Failed(activity, e);
            throw;
        }
    }
}
