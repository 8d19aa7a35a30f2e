using System.Net;
using System.Text;
using Assistant.Answering;
using Assistant.Telemetry;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static Assistant.Web.Tests.Infrastructure.OtlpCollectorDouble;

namespace Assistant.Web.Tests;

/// <summary>Traces and metrics leave the web host over OTLP when, and only when, OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public sealed class TelemetryTests
{
    private const string Answerable = "في أي مدينة فيتنامية التقى ترامب وبوتين؟";
    private const string OffTopic = "ما عاصمة أستراليا وكم عدد سكانها؟";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_an_OTLP_endpoint_a_question_exports_the_pipeline_spans_and_metrics_without_the_question_text()
    {
        await using var collector = await OtlpCollectorDouble.StartAsync();
        await using var core = new CoreBotFactory();
        await using var factory = core.WithWebHostBuilder(host =>
        {
            host.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint);
            host.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            // Milliseconds: export within a second instead of the default 60 s (metrics) and 5 s (spans).
            host.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
            host.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
        });
        var client = factory.CreateClient();
        await CoreBotFactory.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));

        // One question through the bot endpoint, one straight to the answer service to know it abstained.
        var response = await Activities.PostAsync(client, Activities.ExpectReplies(Activities.Message(Answerable)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var abstention = await factory.Services.GetRequiredService<IAnswerService>().AskAsync(new Question(OffTopic), Ct);
        Assert.True(abstention.Abstained);

        Assert.Empty(await collector.MissingAsync(Traces,
        [
            (SpanNameField, AnswerActivities.Answer),
            (SpanNameField, AnswerActivities.Retrieve),
            (SpanNameField, AnswerActivities.Generate),
            (SpanNameField, AnswerActivities.Verify),
            (NameOrKeyField, AnswerActivities.QuestionLength),
            (NameOrKeyField, AnswerActivities.PassageCount),
            (NameOrKeyField, AnswerActivities.Generator),
            (NameOrKeyField, AnswerActivities.AbstainReason),
            (NameOrKeyField, abstention.AbstainReason!),
        ], TimeSpan.FromSeconds(30)));
        Assert.Empty(await collector.MissingAsync(Metrics,
        [
            (NameOrKeyField, "assistant.answers"),
            (NameOrKeyField, "assistant.abstentions"),
            (NameOrKeyField, "assistant.answer.duration"),
            (NameOrKeyField, "assistant.retrieval.duration"),
            (NameOrKeyField, "assistant.generation.duration"),
        ], TimeSpan.FromSeconds(30)));

        foreach (var question in new[] { Answerable, OffTopic })
        {
            Assert.DoesNotContain(collector.Bodies, body => Contains(body, Encoding.UTF8.GetBytes(question)));
        }
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_telemetry_provider_or_exporter_is_registered()
    {
        // Empty is unset: an endpoint in the environment running the tests must not leak in.
        await using var factory = new BotFactory(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" });
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }
}
