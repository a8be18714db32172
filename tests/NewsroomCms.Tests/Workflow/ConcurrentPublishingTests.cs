using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Workflow;

/// <summary>Two app instances on one database run the scheduler at the same moment.</summary>
public sealed class ConcurrentPublishingTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    private const int Rounds = 20;
    private const int ArticlesPerRound = 5;

    [Fact]
    public async Task TwoPublishersAtOncePublishEachDueArticleExactlyOnce()
    {
        var all = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            var due = Scheduling.Now(app).AddMinutes(-1);
            var batch = new List<int>();
            for (var i = 0; i < ArticlesPerRound; i++)
            {
                batch.Add(await Scheduling.CreateAsync(app, due.AddSeconds(-i)));
            }

            all.AddRange(batch);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var publishers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                // Each with its own scope, DbContext and connection, as two instances have.
                await using var scope = app.Services.CreateAsyncScope();
                var publishing = scope.ServiceProvider.GetRequiredService<ArticlePublishing>();
                await start.Task;
                return await publishing.PublishDueAsync(CancellationToken.None);
            })).ToList();
            start.SetResult();

            var published = await Task.WhenAll(publishers);

            Assert.Equal(ArticlesPerRound, published.Sum());
        }

        foreach (var id in all)
        {
            Assert.Equal(ArticleStatus.Published, (await Scheduling.ArticleAsync(app, id)).Status);
            Assert.Single(await Scheduling.AuditAsync(app, id, "article.publishscheduled"));
            Assert.Empty(await Scheduling.AuditAsync(app, id, PublishingAudit.ScheduleFailed));
            Assert.Equal(1, app.Recording.CallsFor(id));
        }
    }
}
