using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Configuration;
using Assistant.Storage;
using Assistant.Web.Bot.Connector;
using Assistant.Web.Bot.Formatting;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Bot;

/// <summary>
/// The bot's conversation logic: typing (when replies are sent, not returned) then a cited answer for messages, a welcome for new members, hints for blank or
/// over-long text and an apology when answering fails. Replies are returned (expectReplies) or sent through the Connector.
/// </summary>
public sealed class BotActivityProcessor(
    IServiceScopeFactory scopes,
    DocumentLinks links,
    IOptions<AnsweringOptions> answering,
    ILogger<BotActivityProcessor> logger) : IBotActivityProcessor
{
    private const int WelcomeTitles = 10;

    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, ActivityOrigin origin, CancellationToken cancellationToken) =>
        ProcessAsync(activity, origin, links.ResolveBase(request: null), cancellationToken);

    /// <param name="linkBase">Base URL of this host for citation links, as the caller reached it.</param>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, ActivityOrigin origin, Uri linkBase, CancellationToken cancellationToken)
    {
        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        if (!expectReplies && ServiceUrlPolicy.Resolve(activity.ServiceUrl, origin, out var refusal) is null)
        {
            // Nobody could receive the reply, so do not spend the work on it.
            logger.LogWarning("Ignored activity {ActivityId}: cannot reply to serviceUrl {ServiceUrl} ({Reason})", activity.Id, activity.ServiceUrl, refusal);
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        // An expectReplies turn sends nothing, so it builds no Connector client (a typed HttpClient) either.
        var turn = expectReplies
            ? new Turn(activity, origin, buffered: [], connector: null)
            : new Turn(activity, origin, buffered: null, scope.ServiceProvider.GetRequiredService<ConnectorClient>());
        try
        {
            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await OnMessageAsync(turn, scope.ServiceProvider, linkBase, cancellationToken);
                    break;
                case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
                    var titles = await DocumentTitlesAsync(scope.ServiceProvider.GetRequiredService<IPassageIndex>(), cancellationToken);
                    await turn.SendAsync(ActivityReplies.Message(activity, BotMessages.Welcome(titles)), cancellationToken);
                    break;
            }
        }
        catch (ChannelUnreachableException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing more can reach that channel, an apology included: one line says why.
            logger.LogWarning("Could not deliver the reply to activity {ActivityId} in conversation {ConversationId}: {Reason}",
                activity.Id, activity.Conversation?.Id, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Failed to handle activity {ActivityId} ({Type}) in conversation {ConversationId}",
                activity.Id, activity.Type, activity.Conversation?.Id);
            await turn.TrySendAsync(ActivityReplies.Message(activity, BotMessages.Apology), logger, cancellationToken);
        }
        return turn.Buffered ?? (IReadOnlyList<Activity>)[];
    }

    private async Task OnMessageAsync(Turn turn, IServiceProvider services, Uri linkBase, CancellationToken cancellationToken)
    {
        var activity = turn.Incoming;
        var text = MentionText.WithoutBotMentions(activity);
        var max = answering.Value.MaxQuestionChars;
        if (text.Length == 0)
        {
            await turn.SendAsync(ActivityReplies.Message(activity, BotMessages.BlankHint), cancellationToken);
            return;
        }
        if (QuestionText.TypedLength(text) is var typed && typed > max)
        {
            await turn.SendAsync(ActivityReplies.Message(activity, Replies.TooLong(typed, max)), cancellationToken);
            return;
        }

        await turn.SendTypingAsync(cancellationToken);
        Answer answer;
        try
        {
            var question = new Question(text, ConversationId: $"{activity.ChannelId}:{activity.Conversation!.Id}");
            answer = await services.GetRequiredService<IAnswerService>().AskAsync(question, cancellationToken);
        }
        catch (InvalidQuestionException ex)
        {
            await turn.SendAsync(ActivityReplies.Message(activity, ex.Message), cancellationToken);
            return;
        }
        // Nothing found may mean nothing indexed (the first start still building, an empty corpus): say which.
        if (answer.AbstainReason == AbstainReasons.NoPassages && (await services.GetRequiredService<IPassageIndex>().GetStatusAsync(cancellationToken)).Passages == 0)
        {
            await turn.SendAsync(ActivityReplies.Message(activity, BotMessages.NotIndexed), cancellationToken);
            return;
        }
        var reply = ActivityReplies.Create(activity, ActivityTypes.Message);
        ReplyFormatter.Apply(reply, answer, linkBase);
        await turn.SendAsync(reply, cancellationToken);
    }

    /// <summary>
    /// The welcome's list of documents, each by its headline (<see cref="DocumentTitle"/>): a document's first line may
    /// be a section label («الشأن السوري») or the first sentence of its text, which do not say what the document is.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DocumentTitlesAsync(IPassageIndex index, CancellationToken cancellationToken)
    {
        var documents = new List<string>();
        await foreach (var passage in index.ListPassagesAsync(cancellationToken))
        {
            // Passages come ordered by document, so a new id means a new document.
            if (documents.Count > 0 && passage.DocumentId == documents[^1])
            {
                continue;
            }
            documents.Add(passage.DocumentId);
            if (documents.Count == WelcomeTitles)
            {
                break;
            }
        }
        var titles = new List<string>(documents.Count);
        foreach (var id in documents)
        {
            if (await index.GetDocumentAsync(id, cancellationToken) is { } document)
            {
                titles.Add(DisplayText.Shorten(DocumentTitle.Choose(document.Text) is { Length: > 0 } headline ? headline : document.Title, ReplyFormatter.MaxTitleChars));
            }
        }
        return titles;
    }

    /// <summary>One turn's replies: buffered for expectReplies, otherwise sent through <paramref name="connector"/> as they are produced.</summary>
    private sealed class Turn(Activity incoming, ActivityOrigin origin, List<Activity>? buffered, ConnectorClient? connector)
    {
        public Activity Incoming => incoming;
        public List<Activity>? Buffered => buffered;

        /// <summary>
        /// Shows the user that an answer is coming. Not for expectReplies: the caller receives every reply at once when the
        /// turn is over, so a typing activity would arrive together with the answer it announces (the reference SDK's
        /// ShowTypingMiddleware likewise sends none for a turn that ends within its 500 ms delay).
        /// </summary>
        public Task SendTypingAsync(CancellationToken cancellationToken) =>
            buffered is null ? SendAsync(ActivityReplies.Create(incoming, ActivityTypes.Typing), cancellationToken) : Task.CompletedTask;

        public async Task SendAsync(Activity reply, CancellationToken cancellationToken)
        {
            if (buffered is not null)
            {
                buffered.Add(reply);
                return;
            }
            await connector!.SendAsync(reply, origin, cancellationToken);
        }

        /// <summary>For the apology: a failure to send it is logged, never thrown, so the host keeps serving.</summary>
        public async Task TrySendAsync(Activity reply, ILogger logger, CancellationToken cancellationToken)
        {
            try
            {
                await SendAsync(reply, cancellationToken);
            }
            catch (ChannelUnreachableException ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not send the apology for activity {ActivityId}: {Reason}", incoming.Id, ex.Message);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not send the apology for activity {ActivityId}", incoming.Id);
            }
        }
    }
}
