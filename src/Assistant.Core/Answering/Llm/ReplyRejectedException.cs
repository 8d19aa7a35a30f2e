namespace Assistant.Answering.Llm;

/// <summary>A model reply that cannot be shown; <see cref="Rejections"/> names each failing part (the message lists them, for the log).</summary>
public sealed class ReplyRejectedException(IReadOnlyList<ClaimRejection> rejections) : Exception(string.Join("; ", rejections))
{
    public ReplyRejectedException(string reason, string part, string claim = "", int? marker = null, string detail = "")
        : this([new ClaimRejection(reason, part, claim, marker, detail)])
    {
    }

    public IReadOnlyList<ClaimRejection> Rejections { get; } = rejections;
}
