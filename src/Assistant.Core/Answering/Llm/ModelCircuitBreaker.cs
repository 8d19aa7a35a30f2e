using Microsoft.Extensions.Options;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Answering.Llm;

/// <summary>
/// Stops asking a model that is down: after <c>Chat:CircuitBreaker:FailuresToOpen</c> failed calls in a row (errors
/// left after the retries, or no answer within the turn's budget) the model is not asked for
/// <c>Chat:CircuitBreaker:BreakSeconds</c>; then one call is let through, and its outcome closes or reopens the circuit.
/// Polly's circuit breaker is ratio-based with a minimum of two calls in its sampling window, so an unresponsive model
/// would be waited for on two turns; here one is enough by default.
/// </summary>
public sealed class ModelCircuitBreaker(IOptions<ChatSettings> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _trialRunning;

    /// <summary>Whether a call may go to the model now; false with the time the break ends while the circuit is open.</summary>
    public bool TryEnter(out DateTimeOffset openUntil)
    {
        lock (_lock)
        {
            openUntil = _openUntil ?? default;
            if (_openUntil is null) return true;
            // After the break, one trial call at a time; the others keep to the fallback until it succeeds.
            if (time.GetUtcNow() < _openUntil || _trialRunning) return false;
            _trialRunning = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            (_failures, _openUntil, _trialRunning) = (0, null, false);
        }
    }

    public void Failed()
    {
        lock (_lock)
        {
            _failures++;
            _trialRunning = false;
            if (_openUntil is not null || _failures >= options.Value.CircuitBreaker.FailuresToOpen)
            {
                _openUntil = time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.CircuitBreaker.BreakSeconds);
            }
        }
    }

    /// <summary>The call ended without telling whether the model works (the caller cancelled it).</summary>
    public void Abandoned()
    {
        lock (_lock)
        {
            _trialRunning = false;
        }
    }
}
