namespace Assistant.Web.Tests.Infrastructure;

/// <summary>The real Redis tests/run.sh starts for the run (Debian's redis-server on a free port).</summary>
public static class TestRedis
{
    public const string Variable = "ASSISTANT_TEST_REDIS";

    /// <summary>Its address (<c>host:port</c>); skips the calling test, saying why, when no Redis was started.</summary>
    public static string Address()
    {
        var address = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(address))
        {
            Assert.Skip($"Needs a Redis server: {Variable} is not set (tests/run.sh starts Debian's redis-server and sets it).");
        }

        return address;
    }
}
