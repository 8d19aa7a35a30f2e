using System.Net;
using Assistant.Web.Bot;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthy_when_the_index_answers_a_probe_query()
    {
        await using var factory = new BotFactory();

        var response = await factory.CreateClient().GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Unhealthy_while_there_is_no_index()
    {
        await using var factory = new BotFactory();
        factory.Index.Empty = true;

        var response = await factory.CreateClient().GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("Unhealthy: ", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_empty_corpus_leaves_the_host_serving_but_unhealthy_and_saying_nothing_is_indexed()
    {
        var emptyCorpus = Directory.CreateTempSubdirectory("assistant-empty-corpus");
        try
        {
            await using var factory = new CoreBotFactory(emptyCorpus.FullName);
            var client = factory.CreateClient();

            var response = await client.GetAsync("/healthz", Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            // Still serving requests.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/documents/none.txt", Ct)).StatusCode);
            // A question is told that nothing is indexed, not that the documents do not answer it.
            var question = Activities.ExpectReplies(Activities.Message("متى صدر البيان المشترك؟"));
            var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, question)));
            Assert.Equal(BotMessages.NotIndexed, reply.Text);
        }
        finally
        {
            emptyCorpus.Delete(recursive: true);
        }
    }
}
