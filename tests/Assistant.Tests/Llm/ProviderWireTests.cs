using Assistant.Answering.Llm;
using Assistant.Answering;
using Assistant.ServiceDefaults;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Llm;

/// <summary>
/// The configured providers through the real client libraries (OpenAI, OllamaSharp) and Semantic Kernel, against a
/// model service faked on the loopback interface: what goes over the wire, and that the answer comes back verified.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ProviderWireTests(SeedIndexFixture seeds)
{
    private async Task<Answer> AskAsync(params (string Key, string Value)[] settings)
    {
        await using var services = AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        return await services.GetRequiredService<IAnswerService>().AskAsync(new Question(SeedModel.Question), TestContext.Current.CancellationToken);
    }

    /// <summary>An OpenAI-compatible server as the chat model, with retries a few milliseconds apart.</summary>
    private static (string Key, string Value)[] OpenAISettings(FakeModelServer server) =>
    [
        ("Chat:Provider", "OpenAI"), ("Chat:Endpoint", server.Endpoint.ToString()), ("Chat:Model", "gpt-4o-mini"), ("Chat:ApiKey", "sk-test"),
        ("Chat:Retry:Delay", "00:00:00.010"),
    ];

    private Task<Answer> ExtractiveAnswerAsync(string question) => seeds.Answers.AskAsync(new Question(question), TestContext.Current.CancellationToken);

    private static void AssertModelAnswer(Answer answer)
    {
        Assert.Equal(SeedModel.Answer, answer.Text);
        Assert.Equal(SeedModel.SupportingSentence, Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task Azure_OpenAI_is_called_at_the_v1_path_with_the_deployment_and_the_key()
    {
        await using var azure = FakeModelServer.OpenAI(SeedModel.Reply);

        var answer = await AskAsync(("Chat:Provider", "AzureOpenAI"), ("Chat:Endpoint", azure.Endpoint.ToString()), ("Chat:Model", "my-gpt4o"), ("Chat:ApiKey", "azure-key"));

        AssertModelAnswer(answer);
        var (path, authorization, body) = Assert.Single(azure.Requests);
        Assert.Equal("/openai/v1/chat/completions", path);
        Assert.Equal("Bearer azure-key", authorization);
        Assert.Equal("my-gpt4o", body["model"]!.GetValue<string>());
        Assert.Equal(0, body["temperature"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_OpenAI_compatible_endpoint_is_called_with_the_model_and_the_key()
    {
        await using var openAI = FakeModelServer.OpenAI(SeedModel.Reply);

        var answer = await AskAsync(("Chat:Provider", "OpenAI"), ("Chat:Endpoint", openAI.Endpoint.ToString()), ("Chat:Model", "gpt-4o-mini"), ("Chat:ApiKey", "sk-test"));

        AssertModelAnswer(answer);
        var (path, authorization, body) = Assert.Single(openAI.Requests);
        Assert.Equal("/chat/completions", path);
        Assert.Equal("Bearer sk-test", authorization);
        Assert.Equal("gpt-4o-mini", body["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ollama_is_called_at_its_chat_api_with_the_model()
    {
        await using var ollama = FakeModelServer.Ollama(SeedModel.Reply);

        var answer = await AskAsync(("Chat:Provider", "Ollama"), ("Chat:Endpoint", ollama.Endpoint.ToString()), ("Chat:Model", "qwen2.5:7b"));

        AssertModelAnswer(answer);
        var (path, _, body) = Assert.Single(ollama.Requests);
        Assert.Equal("/api/chat", path);
        Assert.Equal("qwen2.5:7b", body["model"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_transient_failure_is_retried_and_the_model_answer_given(int status)
    {
        await using var openAI = FakeModelServer.OpenAI(SeedModel.Reply);
        openAI.Failures.Enqueue(status);

        var answer = await AskAsync(OpenAISettings(openAI));

        AssertModelAnswer(answer);
        Assert.Equal(2, openAI.Requests.Count);
        Assert.Equal(ModelStatuses.Accepted, answer.Model?.Status);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task A_failure_that_is_not_transient_is_not_retried(int status)
    {
        await using var openAI = FakeModelServer.OpenAI(SeedModel.Reply);
        openAI.Failures.Enqueue(status);

        var answer = await AskAsync(OpenAISettings(openAI));

        Assert.Single(openAI.Requests);
        Assert.Equal(ModelStatuses.Failed, answer.Model?.Status);
        Assert.Equal(AnswerGenerators.Extractive, answer.Generator);
        Assert.Equal((await ExtractiveAnswerAsync(SeedModel.Question)).Text, answer.Text);
    }

    [Fact]
    public async Task An_unresponsive_model_is_cut_at_the_turn_budget_and_not_waited_for_on_the_next_turns()
    {
        await using var openAI = FakeModelServer.OpenAI(SeedModel.Reply);
        openAI.Hang = true;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = OpenAISettings(openAI).ToDictionary(s => s.Key, s => (string?)s.Value);
        await using var services = AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, settings, s => s.AddSingleton<TimeProvider>(clock));
        var answers = services.GetRequiredService<IAnswerService>();
        var ct = TestContext.Current.CancellationToken;

        var pending = answers.AskAsync(new Question(SeedModel.Question), ct);
        await openAI.RequestArrived.WaitAsync(ct);
        clock.Advance(TimeSpan.FromSeconds(12));
        var first = await pending;
        var second = await answers.AskAsync(new Question("متى صدر البيان المشترك للرئيس ترامب والرئيس الروسي بوتين؟"), ct);

        Assert.Equal(ModelStatuses.TimedOut, first.Model?.Status);
        Assert.Equal((await ExtractiveAnswerAsync(SeedModel.Question)).Text, first.Text);
        Assert.Equal(ModelStatuses.CircuitOpen, second.Model?.Status);
        Assert.False(second.Abstained);
        Assert.Single(openAI.Requests);
    }

    /// <summary>
    /// Ollama configured and not running: the connection is refused at once, and that is said at once, not retried
    /// until the turn budget runs out. The host's defaults (ServiceDefaults, whose retries the chat client replaces) are
    /// in, and the clock stands still: a retry's delay or the budget would never pass, and the question never be answered.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task A_model_endpoint_refusing_connections_is_reported_at_once_as_unreachable()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var endpoint = $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}/";
        closed.Stop();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["Chat:Provider"] = "Ollama", ["Chat:Endpoint"] = endpoint, ["Chat:Model"] = "qwen2.5" };
        await using var services = AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, settings, s =>
        {
            var configuration = (Microsoft.Extensions.Configuration.IConfiguration)s.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Configuration.IConfiguration)).ImplementationInstance!;
            s.AddServiceDefaults(configuration, "assistant-test");
            s.AddSingleton<TimeProvider>(clock);
        });

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question(SeedModel.Question), TestContext.Current.CancellationToken);

        Assert.Equal(ModelStatuses.Failed, answer.Model?.Status);
        Assert.StartsWith($"cannot connect to {endpoint}", answer.Model?.Detail);
        Assert.Equal((await ExtractiveAnswerAsync(SeedModel.Question)).Text, answer.Text);
    }

    [Fact]
    public async Task A_model_service_that_answers_badly_leaves_the_extractive_answer()
    {
        await using var openAI = FakeModelServer.OpenAI(_ => "اتفق الرئيسان على أنه لا يوجد حل عسكري [12].");

        var answer = await AskAsync(("Chat:Provider", "OpenAI"), ("Chat:Endpoint", openAI.Endpoint.ToString()), ("Chat:Model", "gpt-4o-mini"), ("Chat:ApiKey", "sk-test"));

        Assert.Single(openAI.Requests);
        Assert.False(answer.Abstained);
        Assert.Equal(SeedModel.SupportingSentence, answer.Citations[0].Quote);
        Assert.DoesNotContain("[12]", answer.Text);
    }
}
