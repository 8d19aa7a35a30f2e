using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests;

/// <summary>
/// Two web hosts behind an imaginary load balancer: each on its own port, one Redis (<c>State:Redis</c>), the same
/// Direct Line signing key, one embedded index folder opened by both. A Web Chat conversation moves between them.
/// </summary>
public sealed class ScaleOutTests
{
    private const string Question = "ما الذي أعلنه البيان الختامي لمباحثات أستانا 8؟";
    private const string FollowUp = "ومتى نشر؟";
    private const string FollowUpDocument = "003_bca4d65306d4d8ae.txt";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_started_on_one_instance_continues_on_another_with_its_follow_up_resolved()
    {
        var redis = TestRedis.Address();
        var indexPath = Directory.CreateTempSubdirectory("assistant-scale-out-").FullName;
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            // A builds the index on first start; B opens the same folder once it is there.
            await using var hostA = StartHost(indexPath, redis, signingKey);
            using var a = await ClientAsync(hostA);
            await using var hostB = StartHost(indexPath, redis, signingKey);
            using var b = await ClientAsync(hostB);

            var generated = await ReadJsonAsync(await a.PostAsync("/v3/directline/tokens/generate", null, Ct));
            var (conversationId, token) = ((string)generated["conversationId"]!, (string)generated["token"]!);
            using (var start = await SendAsync(a, HttpMethod.Post, "/v3/directline/conversations", token))
            {
                Assert.Equal(HttpStatusCode.Created, start.StatusCode);
            }

            // First turn on A, answered by A.
            await PostMessageAsync(a, conversationId, token, Question, "client-1");
            var onA = await PollUntilAnswerAsync(a, conversationId, token, "", Question);

            // B shows the same log with the same ids and watermark, and nothing new after it.
            var onB = await GetActivitiesAsync(b, conversationId, token, "");
            Assert.Equal(Ids(onA.All), Ids(onB["activities"]!.AsArray()));
            Assert.Equal(onA.Watermark, (string)onB["watermark"]!);
            Assert.Empty((await GetActivitiesAsync(b, conversationId, token, onA.Watermark))["activities"]!.AsArray());

            // The follow-up goes to B: it is logged after A's turn and answered from the turn A answered.
            var followUpId = await PostMessageAsync(b, conversationId, token, FollowUp, "client-2");
            var afterFollowUp = await PollUntilAnswerAsync(b, conversationId, token, onA.Watermark, FollowUp);
            Assert.Equal(followUpId, afterFollowUp.Question);
            Assert.True(long.Parse(afterFollowUp.Watermark) > long.Parse(onA.Watermark));
            Assert.Contains($"/documents/{FollowUpDocument}", afterFollowUp.AnswerText);

            // A polling from its own watermark sees B's turn, in the same order.
            var backOnA = await GetActivitiesAsync(a, conversationId, token, onA.Watermark);
            Assert.Equal(Ids(afterFollowUp.All), Ids(backOnA["activities"]!.AsArray()));

            // The same words in a new conversation on B have no earlier turn to stand on.
            var alone = await ReadJsonAsync(await b.PostAsync("/v3/directline/tokens/generate", null, Ct));
            var (aloneId, aloneToken) = ((string)alone["conversationId"]!, (string)alone["token"]!);
            (await SendAsync(b, HttpMethod.Post, "/v3/directline/conversations", aloneToken)).Dispose();
            await PostMessageAsync(b, aloneId, aloneToken, FollowUp, "client-1");
            var aloneAnswer = await PollUntilAnswerAsync(b, aloneId, aloneToken, "", FollowUp);
            Assert.DoesNotContain($"/documents/{FollowUpDocument}", aloneAnswer.AnswerText);
        }
        finally
        {
            Directory.Delete(indexPath, recursive: true);
        }
    }

    private static WebApplicationFactory<Program> StartHost(string indexPath, string redis, string signingKey)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Corpus:Path", Path.Combine(RepositoryPaths.Root, "seeds"))
            .UseSetting("Index:Provider", "Embedded")
            .UseSetting("Index:Path", indexPath)
            .UseSetting("State:Redis", redis)
            .UseSetting("DirectLine:TokenSigningKey", signingKey));
        // An explicit loopback endpoint on a free port (see WebChatEndToEndTests).
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> host)
    {
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        await CoreBotFactory.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));
        return client;
    }

    private sealed record Turn(string Question, string AnswerText, string Watermark, JsonArray All);

    /// <summary>Polls from the watermark until the bot's message answering <paramref name="text"/> arrives.</summary>
    private static async Task<Turn> PollUntilAnswerAsync(HttpClient client, string conversationId, string token, string watermark, string text)
    {
        var all = new JsonArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var set = await GetActivitiesAsync(client, conversationId, token, watermark);
            watermark = (string)set["watermark"]!;
            foreach (var activity in set["activities"]!.AsArray())
            {
                all.Add(activity!.DeepClone());
            }

            var question = all.FirstOrDefault(x => (string?)x!["text"] == text && (string?)x["from"]!["role"] == "user");
            var answer = question is null
                ? null
                : all.FirstOrDefault(x => (string?)x!["type"] == "message" && (string?)x["from"]!["role"] == "bot" && (string?)x["replyToId"] == (string?)question["id"]);
            if (answer is not null)
            {
                return new Turn((string)question!["id"]!, (string)answer["text"]!, watermark, all);
            }

            Assert.True(DateTime.UtcNow < deadline, $"no answer to «{text}» within a minute");
            await Task.Delay(200, Ct);
        }
    }

    private static List<string?> Ids(JsonArray activities) => activities.Select(x => (string?)x!["id"]).ToList();

    private static async Task<string> PostMessageAsync(HttpClient client, string conversationId, string token, string text, string clientActivityId)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new
        {
            type = "message",
            text,
            from = new { id = "user1", role = "user" },
            locale = "ar",
            channelData = new { clientActivityID = clientActivityId },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await ReadJsonAsync(response))["id"]!;
    }

    private static async Task<JsonObject> GetActivitiesAsync(HttpClient client, string conversationId, string token, string watermark)
    {
        using var response = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
}
