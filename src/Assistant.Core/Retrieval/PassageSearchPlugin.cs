using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Assistant.Retrieval;

/// <summary>The Semantic Kernel plugin through which answering (and any function-calling model) searches the documents.</summary>
public sealed class PassageSearchPlugin(PassageRetriever retriever)
{
    public const string PluginName = "passages";
    public const string FunctionName = "search";

    [KernelFunction(FunctionName)]
    [Description("Searches the Arabic documents and returns the passages that best match the query, best first, with exact document offsets.")]
    public Task<RetrievalResult> SearchAsync(
        [Description("The question or search words, in Arabic.")] string query,
        [Description("How many passages to return.")] int topK,
        CancellationToken cancellationToken) =>
        retriever.RetrieveAsync(query, topK, cancellationToken);
}
