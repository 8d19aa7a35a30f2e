using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Assistant.Web.State;

/// <summary>
/// Where the web host keeps state that several instances behind one load balancer must share (configuration section
/// <c>State</c>): conversation memory for follow-ups and the Direct Line conversations.
/// </summary>
public sealed class SharedStateOptions : IValidatableObject
{
    public const string SectionName = "State";

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379</c> or <c>redis:6379,password=…,ssl=true</c>).
    /// Empty: state stays in this process, which suits a single instance.
    /// </summary>
    public string Redis { get; set; } = "";

    public bool IsShared => Redis.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsShared)
        {
            yield break;
        }

        string? problem = null;
        try
        {
            if (ConfigurationOptions.Parse(Redis).EndPoints.Count == 0)
            {
                problem = "names no server";
            }
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"State:Redis must be a Redis connection string such as 127.0.0.1:6379 ({problem}).", [nameof(Redis)]);
        }
    }
}
