using Microsoft.Extensions.Options;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Answering.Llm;

/// <summary>
/// One time budget per turn (<c>Chat:TurnBudgetSeconds</c>) for everything the model is asked in it — the follow-up
/// rewrite and the answer — so that a slow or silent model costs a turn that much at most, whatever each call's own
/// timeout. The answering service starts it for each question; model calls made inside the turn see its token.
/// </summary>
public sealed class TurnBudget(IOptions<ChatSettings> options, TimeProvider time)
{
    private readonly AsyncLocal<CancellationTokenSource?> _current = new();

    public TimeSpan Limit => TimeSpan.FromSeconds(options.Value.TurnBudgetSeconds);

    /// <summary>Starts the budget of a turn for the calls made in the current async flow, until disposed.</summary>
    public IDisposable Start()
    {
        var previous = _current.Value;
        var turn = new CancellationTokenSource(Limit, time);
        _current.Value = turn;
        return new Scope(() =>
        {
            _current.Value = previous;
            turn.Dispose();
        });
    }

    /// <summary>Cancelled when the current turn's budget is spent; never outside a turn.</summary>
    public CancellationToken Token => _current.Value?.Token ?? CancellationToken.None;

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
