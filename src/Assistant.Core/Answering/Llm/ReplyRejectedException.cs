namespace Assistant.Answering.Llm;

/// <summary>A model reply that cannot be shown because a claim in it is not tied to a passage; the message says why (for the log).</summary>
public sealed class ReplyRejectedException(string reason) : Exception(reason);
