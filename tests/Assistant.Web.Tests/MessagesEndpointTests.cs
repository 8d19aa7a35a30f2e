using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Answering;
using Assistant.Web.Bot;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Web.Tests;

/// <summary>/api/messages in local mode (no app id): replies, addressing, delivery modes and bad input.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly BotFactory _factory = new();
    private FakeChannel _channel = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Expect_replies_returns_the_cited_answer_in_the_body_without_typing()
    {
        var activity = Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl));

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var replies = await Activities.RepliesAsync(response);
        // Every reply reaches the caller at once, after the turn: a typing indicator would announce nothing.
        var answer = Assert.Single(replies);
        Assert.Equal(ActivityTypes.Message, answer.Type);
        Assert.Contains("[1]", answer.Text);
        Assert.Equal("markdown", answer.TextFormat);
        var entity = Assert.Single(answer.Entities!);
        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal(2, entity["citation"]!.AsArray().Count);
        // Nothing went outbound.
        Assert.Equal(0, _channel.Attempts);
    }

    [Fact]
    public async Task Replies_are_addressed_back_to_the_sender()
    {
        var activity = Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl));
        activity.Conversation!.Name = "محادثة";

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(_client, activity)));

        Assert.Equal(activity.Id, reply.ReplyToId);
        Assert.Equal(activity.Recipient!.Id, reply.From!.Id);
        Assert.Equal(activity.From!.Id, reply.Recipient!.Id);
        Assert.Equal(activity.Conversation.Id, reply.Conversation!.Id);
        Assert.Equal("ar-EG", reply.Locale);
        Assert.Equal(activity.ChannelId, reply.ChannelId);
        Assert.Null(reply.Id);
    }

    [Fact]
    public async Task The_question_is_asked_in_the_conversation_of_channel_and_conversation_id()
    {
        var activity = Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟", conversationId: "a:1;b"));

        await Activities.PostAsync(_client, activity);

        var question = Assert.Single(_factory.Answers.Questions);
        Assert.Equal("متى وقعت المعاهدة؟", question.Text);
        Assert.Equal("directline:a:1;b", question.ConversationId);
    }

    [Fact]
    public async Task Normal_delivery_acknowledges_then_posts_typing_and_answer_to_the_connector()
    {
        var activity = Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl, channelId: "msteams", conversationId: "19:abc@thread.tacv2;messageid=42");

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        var typing = await _channel.NextAsync();
        var answer = await _channel.NextAsync();
        Assert.Equal(ActivityTypes.Typing, typing.Activity.Type);
        Assert.Equal(ActivityTypes.Message, answer.Activity.Type);
        // serviceUrl path prefix kept, both ids escaped.
        var expectedPath = $"/amer/v3/conversations/{Uri.EscapeDataString("19:abc@thread.tacv2;messageid=42")}/activities/{Uri.EscapeDataString(activity.Id!)}";
        Assert.Equal(expectedPath, answer.Path);
        Assert.Contains("[2]", answer.Activity.Text);
        // Local mode never sends a token.
        Assert.Null(answer.Authorization);
    }

    [Fact]
    public async Task Normal_delivery_is_acknowledged_before_the_answer_is_ready()
    {
        var gate = new TaskCompletionSource();
        _factory.Answers.Gate = gate.Task;

        var response = await Activities.PostAsync(_client, Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl));

        // Acknowledged while answering is still blocked; the typing indicator is already out.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ActivityTypes.Typing, (await _channel.NextAsync()).Activity.Type);
        Assert.False(_channel.TryNext(out _));
        gate.SetResult();
        Assert.Equal(ActivityTypes.Message, (await _channel.NextAsync()).Activity.Type);
    }

    [Fact]
    public async Task An_unreachable_service_url_is_logged_once_as_a_warning_with_the_reason_and_no_stack_trace()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = new BotFactory().WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = factory.CreateClient();
        // Nothing listens on the discard port: every connection is refused, retries included.
        var activity = Activities.Message("متى وقعت المعاهدة؟", serviceUrl: "http://127.0.0.1:9/");

        Assert.Equal(HttpStatusCode.OK, (await Activities.PostAsync(client, activity)).StatusCode);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!logs.Entries.Any(e => e.Message.Contains("Could not deliver", StringComparison.Ordinal)))
        {
            await Task.Delay(50, deadline.Token);
        }
        var reported = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Assistant.", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, reported.Level);
        Assert.Null(reported.Exception);
        Assert.Contains(activity.Id!, reported.Message);
        Assert.Contains("http://127.0.0.1:9/", reported.Message);
        Assert.Contains("refused", reported.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Connector_calls_are_retried_on_throttling_and_server_errors()
    {
        _channel.FailNext(HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable);

        await Activities.PostAsync(_client, Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl));

        Assert.Equal(ActivityTypes.Typing, (await _channel.NextAsync()).Activity.Type);
        Assert.Equal(ActivityTypes.Message, (await _channel.NextAsync()).Activity.Type);
        Assert.Equal(4, _channel.Attempts);
    }

    [Fact]
    public async Task Welcomes_new_members_in_Arabic_with_what_the_assistant_knows()
    {
        var update = Activities.ExpectReplies(Activities.Message("", _channel.ServiceUrl));
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [new() { Id = Activities.BotId }, new() { Id = Activities.UserId }];

        var replies = await Activities.RepliesAsync(await Activities.PostAsync(_client, update));

        var welcome = Assert.Single(replies);
        Assert.Contains("مرحبًا", welcome.Text);
        Assert.Contains(FakeCorpus.Treaty.Title, welcome.Text);
        Assert.Contains(FakeCorpus.Water.Title, welcome.Text);
        // On Direct Line a conversationUpdate has nothing to thread under.
        Assert.Null(welcome.ReplyToId);
    }

    [Fact]
    public async Task Does_not_welcome_itself()
    {
        var update = Activities.ExpectReplies(Activities.Message("", _channel.ServiceUrl));
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new() { Id = Activities.BotId }];

        Assert.Empty(await Activities.RepliesAsync(await Activities.PostAsync(_client, update)));
    }

    [Theory]
    [InlineData("event")]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    public async Task Other_activity_types_are_acknowledged_and_ignored(string type)
    {
        var activity = Activities.ExpectReplies(Activities.Message("x", _channel.ServiceUrl));
        activity.Type = type;

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await Activities.RepliesAsync(response));
        Assert.Empty(_factory.Answers.Questions);
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_gets_501_as_from_Microsofts_SDK()
    {
        var activity = Activities.Message("", _channel.ServiceUrl);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "x/y";

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("NotImplemented", (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))?["code"]?.GetValue<string>());
        Assert.Empty(_factory.Answers.Questions);
        Assert.Equal(0, _channel.Attempts);
    }

    /// <summary>
    /// With expectReplies, Microsoft's SDK returns the buffered replies, and an invoke's response is one of them: an
    /// invokeResponse activity (botbuilder-core's TurnContext buffers it, CloudAdapterBase returns the buffer).
    /// </summary>
    [Fact]
    public async Task An_invoke_expecting_replies_gets_its_501_as_an_invoke_response_among_them()
    {
        var activity = Activities.ExpectReplies(Activities.Message("", _channel.ServiceUrl, channelId: Channels.MsTeams));
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "composeExtension/query";

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Activities.RepliesAsync(response));
        Assert.Equal(ActivityTypes.InvokeResponse, reply.Type);
        Assert.Equal(501, (int?)reply.Value?["status"]);
        Assert.Equal(activity.From!.Id, reply.Recipient?.Id);
        Assert.Equal(activity.Conversation!.Id, reply.Conversation?.Id);
        Assert.Empty(_factory.Answers.Questions);
        Assert.Equal(0, _channel.Attempts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DeliveryModes.ExpectReplies)]
    public async Task A_message_without_a_sender_is_refused_as_a_missing_property(string? deliveryMode)
    {
        var activity = Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl, deliveryMode: deliveryMode);
        activity.From = null;

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("MissingProperty", problem?["code"]?.GetValue<string>());
        Assert.Contains("'from.id'", problem?["detail"]?.GetValue<string>());
        Assert.Empty(_factory.Answers.Questions);
    }

    [Fact]
    public async Task The_bots_Teams_mention_is_stripped_but_other_mentions_are_kept()
    {
        var activity = Activities.ExpectReplies(Activities.Message("<at>Assistant</at> متى وقعت <at>سارة</at> المعاهدة؟", channelId: "msteams"));
        activity.Entities =
        [
            Mention(Activities.BotId, "Assistant"),
            Mention("29:sara", "سارة"),
        ];

        await Activities.PostAsync(_client, activity);

        Assert.Equal("متى وقعت <at>سارة</at> المعاهدة؟", Assert.Single(_factory.Answers.Questions).Text);
    }

    [Fact]
    public async Task A_message_that_is_only_the_mention_gets_the_hint()
    {
        var activity = Activities.ExpectReplies(Activities.Message("<at>Assistant</at>  ", channelId: "msteams"));
        activity.Entities = [Mention(Activities.BotId, "Assistant")];

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(_client, activity)));

        Assert.Equal(BotMessages.BlankHint, reply.Text);
        Assert.Empty(_factory.Answers.Questions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task Blank_text_gets_a_hint(string text)
    {
        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message(text)))));

        Assert.Equal(BotMessages.BlankHint, reply.Text);
        Assert.Empty(_factory.Answers.Questions);
    }

    [Fact]
    public async Task Text_over_the_limit_gets_a_polite_request_for_a_shorter_question()
    {
        var text = new string('س', 4001);

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message(text)))));

        Assert.Equal(Replies.TooLong(4001, 4000), reply.Text);
        Assert.Empty(_factory.Answers.Questions);
    }

    /// <summary>The count a "too long" reply gives is the writer's: spaces and line breaks count, an emoji counts once.</summary>
    [Fact]
    public async Task Text_over_the_limit_is_told_the_length_it_was_typed_with()
    {
        var typed = string.Concat(Enumerable.Repeat("متى  وقعت\nالمعاهدة؟ ", 300)) + "👍";
        var length = typed.EnumerateRunes().Count();
        Assert.Equal(length + 1, typed.Length);

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message(typed)))));

        Assert.Equal(Replies.TooLong(length, 4000), reply.Text);
        Assert.Contains($"فيها {length} حرفًا", reply.Text);
        Assert.Empty(_factory.Answers.Questions);
    }

    [Fact]
    public async Task Text_at_the_limit_is_answered()
    {
        await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message(new string('س', 4000))));

        Assert.Single(_factory.Answers.Questions);
    }

    [Fact]
    public async Task A_question_the_core_rejects_gets_the_cores_message()
    {
        _factory.Answers.Respond = _ => throw new InvalidQuestionException("السؤال غير مفهوم.");

        var replies = await Activities.RepliesAsync(await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message("؟؟"))));

        Assert.Equal("السؤال غير مفهوم.", replies[^1].Text);
    }

    [Fact]
    public async Task An_unhandled_error_replies_with_an_apology_and_the_host_keeps_serving()
    {
        _factory.Answers.Respond = _ => throw new InvalidOperationException("boom");

        var first = await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(BotMessages.Apology, (await Activities.RepliesAsync(first))[^1].Text);

        _factory.Answers.Respond = null;
        var second = await Activities.RepliesAsync(await Activities.PostAsync(_client, Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟"))));
        Assert.Contains("[1]", second[^1].Text);
    }

    [Fact]
    public async Task An_unhandled_error_in_normal_delivery_sends_the_apology_to_the_channel()
    {
        _factory.Answers.Respond = _ => throw new InvalidOperationException("boom");

        await Activities.PostAsync(_client, Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl));

        Assert.Equal(ActivityTypes.Typing, (await _channel.NextAsync()).Activity.Type);
        Assert.Equal(BotMessages.Apology, (await _channel.NextAsync()).Activity.Text);
    }

    [Theory]
    [InlineData("{not json", "application/json", "BadJson")]
    [InlineData("", "application/json", "BadJson")]
    [InlineData("null", "application/json", "MissingProperty")]
    [InlineData("[1,2]", "application/json", "BadJson")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"}}", "text/plain", "BadContentType")]
    [InlineData("{\"text\":\"hi\",\"conversation\":{\"id\":\"c\"}}", "application/json", "MissingProperty")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}", "application/json", "MissingProperty")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{}}", "application/json", "MissingProperty")]
    [InlineData("{\"type\":7,\"conversation\":{\"id\":\"c\"}}", "application/json", "BadJson")]
    public async Task Bad_input_gets_400_with_a_short_JSON_error(string body, string contentType, string code)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Empty(_factory.Answers.Questions);
    }

    [Theory]
    [InlineData("{\"type\":123,\"conversation\":{\"id\":\"c\"}}", "'type'")]
    [InlineData("{\"type\":\"message\",\"text\":123,\"conversation\":{\"id\":\"c\"}}", "'text'")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":\"abc\"}", "'conversation'")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":5}}", "'conversation.id'")]
    public async Task A_field_of_the_wrong_type_is_named_in_the_error(string body, string field)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("BadJson", (string?)problem["code"]);
        Assert.Contains(field, (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_body_opening_with_a_UTF8_byte_order_mark_is_read()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl)), ActivityJson.Options);
        var content = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. json]);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

        var response = await _client.PostAsync("/api/messages", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[1]", Assert.Single(await Activities.RepliesAsync(response)).Text);
    }

    [Fact]
    public async Task Unknown_fields_are_tolerated()
    {
        const string body = """
            {"type":"message","id":"1","text":"متى وقعت المعاهدة؟","channelId":"webchat","serviceUrl":"http://127.0.0.1:9/",
             "deliveryMode":"expectReplies","conversation":{"id":"c","someFutureField":1},"from":{"id":"u"},"recipient":{"id":"b"},
             "speak":"x","attachmentLayout":"list","futureThing":{"nested":[1,2]}}
            """;

        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[1]", (await Activities.RepliesAsync(response))[^1].Text);
    }

    [Fact]
    public async Task Only_POST_is_allowed()
    {
        var response = await _client.GetAsync("/api/messages", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(405, (int?)problem["status"]);
        // Like every other error of the host: a stable code, and what to do in the detail.
        Assert.Equal("MethodNotAllowed", (string?)problem["code"]);
        Assert.Contains("POST", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task Local_mode_refuses_to_reply_to_a_non_loopback_service_url(string serviceUrl)
    {
        var response = await Activities.PostAsync(_client, Activities.Message("متى وقعت المعاهدة؟", serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_factory.Answers.Questions);
    }

    private static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
        ["text"] = $"<at>{name}</at>",
    };
}
