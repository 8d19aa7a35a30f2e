using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests.DirectLine;

/// <summary>Every limit of <see cref="DirectLineLimitsTests"/>, with the conversations on a real Redis (<c>State:Redis</c>).</summary>
public sealed class SharedDirectLineLimitsTests : DirectLineLimitsTests
{
    protected override Task<DirectLineHost> StartHostAsync(IDictionary<string, string?> settings) =>
        DirectLineHost.StartAsync(new Dictionary<string, string?>(settings) { ["State:Redis"] = TestRedis.Address() });
}
