using System.ComponentModel.DataAnnotations;

namespace Assistant.Configuration;

/// <summary>Options bound from the configuration sections of the shared appsettings.json.</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";
    public string Path { get; set; } = "seeds";
}

public sealed class IndexOptions
{
    public const string Section = "Index";
    public string Provider { get; set; } = IndexProviders.Embedded;
    public string Path { get; set; } = "data/index";
    public QdrantOptions Qdrant { get; set; } = new();
}

public static class IndexProviders
{
    public const string Embedded = "Embedded";
    public const string Qdrant = "Qdrant";
}

public sealed class QdrantOptions
{
    /// <summary>Qdrant's gRPC endpoint (port 6334; <c>https://</c> for TLS).</summary>
    public string Url { get; set; } = "http://localhost:6334";
    /// <summary>Sent as Qdrant's <c>api-key</c> header when set.</summary>
    public string ApiKey { get; set; } = "";
    /// <summary>The alias readers and writers use; each build lives in its own collection behind it.</summary>
    public string Collection { get; set; } = "assistant_passages";
    public int BatchSize { get; set; } = 128;
    /// <summary>The most one operation may take, retries included.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>The most one attempt may take before it is abandoned and retried.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;
    /// <summary>Retries after a transient failure (Unavailable, DeadlineExceeded, ResourceExhausted, attempt timeout).</summary>
    public int MaxRetryAttempts { get; set; } = 3;
    /// <summary>The first retry's delay; each further one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    // Cluster layout of a new collection (Qdrant's defaults); changes apply at the next `index --rebuild`.
    public uint ShardNumber { get; set; } = 1;
    public uint ReplicationFactor { get; set; } = 1;
    public uint WriteConsistencyFactor { get; set; } = 1;
    public bool OnDiskVectors { get; set; }
    public bool OnDiskPayload { get; set; } = true;
}

public sealed class ChunkingOptions
{
    public const string Section = "Chunking";
    /// <summary>Passages grow sentence by sentence until they reach this many characters.</summary>
    public int TargetChars { get; set; } = 600;
    /// <summary>A single sentence longer than this is split at clause or word boundaries.</summary>
    public int MaxChars { get; set; } = 900;
    /// <summary>Sentences repeated at the start of the next passage.</summary>
    public int OverlapSentences { get; set; } = 1;
}

public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";
    public string Provider { get; set; } = "Local";
    public string Model { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public int Dimensions { get; set; } = 512;
}

public sealed class ChatOptions
{
    public const string Section = "Chat";
    public string Provider { get; set; } = "Extractive";
    public string Model { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string ApiKey { get; set; } = "";
    /// <summary>One model call (retries included) that takes longer is abandoned and the fallback is used.</summary>
    public int TimeoutSeconds { get; set; } = 60;
    /// <summary>
    /// Everything a turn asks the model (the follow-up rewrite and the answer) must fit in this; then the extractive answer
    /// (or the heuristic rewrite) is used. Azure Bot Service gives a bot 15 s per turn.
    /// </summary>
    public double TurnBudgetSeconds { get; set; } = 12;
    /// <summary>
    /// When the model says the passages do not answer, the extractive answer is still given if its evidence reaches this
    /// (instead of <c>Answering:MinEvidence</c>); otherwise the reply abstains with "model-refused".
    /// </summary>
    public double RefusalOverrideEvidence { get; set; } = 0.7;
    public ModelCircuitBreakerOptions CircuitBreaker { get; set; } = new();
}

public sealed class ModelCircuitBreakerOptions
{
    /// <summary>Failed model calls in a row (errors after retries, or no reply within the budget) that open the circuit.</summary>
    public int FailuresToOpen { get; set; } = 1;
    /// <summary>How long the model is not asked once the circuit is open; then one call tries it again.</summary>
    public double BreakSeconds { get; set; } = 30;
}

public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";
    /// <summary>Passages handed to the answer generator.</summary>
    [Range(1, 100, ErrorMessage = "Retrieval:TopK must be between {1} and {2}.")]
    public int TopK { get; set; } = 10;
    /// <summary>Candidates taken from each of the lexical and dense lists before fusion.</summary>
    [Range(1, 10_000, ErrorMessage = "Retrieval:CandidatePool must be between {1} and {2}.")]
    public int CandidatePool { get; set; } = 40;
    /// <summary>The k of reciprocal rank fusion: 1 / (k + rank).</summary>
    public int RrfK { get; set; } = 60;
}

public sealed class AnsweringOptions
{
    public const string Section = "Answering";
    /// <summary>Share of the question's term weight the best evidence must match; below it the assistant abstains.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:MinEvidence must be between {1} and {2}.")]
    public double MinEvidence { get; set; } = 0.25;
    [Range(1, 20, ErrorMessage = "Answering:MaxCitations must be between {1} and {2}.")]
    public int MaxCitations { get; set; } = 3;
    [Range(1, 100_000, ErrorMessage = "Answering:MaxQuestionChars must be between {1} and {2}.")]
    public int MaxQuestionChars { get; set; } = 4000;
    /// <summary>Turns of a conversation kept for follow-up questions.</summary>
    [Range(0, 100, ErrorMessage = "Answering:ConversationTurns must be between {1} and {2}.")]
    public int ConversationTurns { get; set; } = 6;
}
