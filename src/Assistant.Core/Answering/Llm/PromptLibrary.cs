using Assistant.AI;
using Microsoft.SemanticKernel;

namespace Assistant.Answering.Llm;

/// <summary>
/// The Semantic Kernel prompt functions of the repository's <c>prompts/</c> folder (one folder per function with
/// skprompt.txt + config.json), loaded once: <see cref="Answer"/> and <see cref="Condense"/>.
/// </summary>
public sealed class PromptLibrary
{
    public const string PluginName = "prompts";

    /// <summary>What the Answer prompt tells the model to reply when the passages do not answer the question.</summary>
    public const string NoAnswerToken = "NO_ANSWER";

    /// <summary>The model declined: its reply holds the refusal token (alone, or with words around it despite the prompt).</summary>
    public static bool IsRefusal(string reply) => reply.Contains(NoAnswerToken, StringComparison.Ordinal);

    /// <summary>Where the build copies <c>prompts/</c> for every host (see Directory.Build.props).</summary>
    public static string DefaultDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "prompts");

    public PromptLibrary(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "Answer", "skprompt.txt")) || !File.Exists(Path.Combine(directory, "Condense", "skprompt.txt")))
        {
            throw new AiConfigurationException(
                $"The prompt folder '{directory}' must hold Answer/ and Condense/ (skprompt.txt + config.json each); " +
                "the build copies it next to every host from the repository's prompts/ folder.");
        }

        // The kernel only lends its logger factory here; the functions run on whichever kernel invokes them.
        Plugin = new Kernel().CreatePluginFromPromptDirectory(directory, PluginName);
        Answer = Plugin["Answer"];
        Condense = Plugin["Condense"];
    }

    public KernelPlugin Plugin { get; }

    /// <summary>Arguments: question, passages, no_answer.</summary>
    public KernelFunction Answer { get; }

    /// <summary>Arguments: history, question.</summary>
    public KernelFunction Condense { get; }
}
