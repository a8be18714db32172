using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Workflow;

public sealed class ArticlePublishingTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    /// <summary>Makes the database refuse to change one article, as a full disk or a broken row would.</summary>
    private const string FailingTitle = "Bài viết không lưu được";

    [Fact]
    public async Task ADueScheduledArticleIsPublishedAtItsScheduledTimeWithOneSystemAuditEvent()
    {
        var now = Scheduling.Now(app);
        var scheduledAt = now.AddMinutes(-3);
        var id = await Scheduling.CreateAsync(app, scheduledAt);
        var before = await Scheduling.ArticleAsync(app, id);

        Assert.True(await Scheduling.PublishDueAsync(app) >= 1);

        var article = await Scheduling.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(scheduledAt, article.PublishedAt);
        Assert.Equal(now, article.UpdatedAt);
        Assert.NotEqual(before.Version, article.Version);
        var audit = Assert.Single(await Scheduling.AuditAsync(app, id, "article.publishscheduled"));
        Assert.Null(audit.UserId);
        Assert.Equal("Scheduled", audit.FromState);
        Assert.Equal("Published", audit.ToState);
        Assert.Equal(now, audit.OccurredAt);
        Assert.Equal(1, app.Recording.CallsFor(id));

        await Scheduling.PublishDueAsync(app);
        Assert.Single(await Scheduling.AuditAsync(app, id, "article.publishscheduled"));
        Assert.Equal(1, app.Recording.CallsFor(id));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.ChangesRequested)]
    [InlineData(ArticleStatus.Unpublished)]
    [InlineData(ArticleStatus.Published)]
    public async Task AnArticleThatIsNotScheduledIsNeverTouchedWhateverItsScheduledTime(ArticleStatus status)
    {
        var id = await Scheduling.CreateAsync(app, Scheduling.Now(app).AddHours(-2), status);
        var before = await Scheduling.ArticleAsync(app, id);

        await Scheduling.PublishDueAsync(app);

        var after = await Scheduling.ArticleAsync(app, id);
        Assert.Equal(status, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Null(after.PublishedAt);
        Assert.Empty(await Scheduling.AuditAsync(app, id, "article.publishscheduled"));
        Assert.Equal(0, app.Recording.CallsFor(id));
    }

    [Fact]
    public async Task AScheduledArticleIsNotPublishedBeforeItsTimeEvenWhenAskedDirectly()
    {
        var scheduledAt = Scheduling.Now(app).AddSeconds(1);
        var id = await Scheduling.CreateAsync(app, scheduledAt);

        await Scheduling.PublishDueAsync(app);
        // As if an editor had rescheduled it between the scheduler's look and its update.
        var published = await Scheduling.WithPublishingAsync(app, p => p.TryPublishAsync(id, WorkflowAction.PublishScheduled, ArticleStatus.Scheduled, scheduledAt, userId: null));

        Assert.False(published);
        Assert.Equal(ArticleStatus.Scheduled, (await Scheduling.ArticleAsync(app, id)).Status);
    }

    [Fact]
    public async Task PublishNowGoesThroughTheSameConditionalUpdateAndAfterPublishSteps()
    {
        var editor = await TestUsers.CreateAsync(app, Roles.Editor);
        var id = await Scheduling.CreateAsync(app, Scheduling.Now(app).AddHours(-1), ArticleStatus.Submitted);
        var now = Scheduling.Now(app);

        var fromWrongState = await Scheduling.WithPublishingAsync(app, p => p.TryPublishAsync(id, WorkflowAction.Publish, ArticleStatus.Draft, now, editor.Id));
        var first = await Scheduling.WithPublishingAsync(app, p => p.TryPublishAsync(id, WorkflowAction.Publish, ArticleStatus.Submitted, now, editor.Id));
        var second = await Scheduling.WithPublishingAsync(app, p => p.TryPublishAsync(id, WorkflowAction.Publish, ArticleStatus.Submitted, now, editor.Id));

        Assert.False(fromWrongState);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(now, (await Scheduling.ArticleAsync(app, id)).PublishedAt);
        var audit = Assert.Single(await Scheduling.AuditAsync(app, id, "article.publish"));
        Assert.Equal(editor.Id, audit.UserId);
        Assert.Equal("Submitted", audit.FromState);
        Assert.Equal(1, app.Recording.CallsFor(id));
    }

    [Fact]
    public async Task AnArticleThatFailsToPublishDoesNotStopTheOthersAndIsPublishedOnceTheProblemIsGone()
    {
        var due = Scheduling.Now(app).AddMinutes(-1);
        var earlier = await Scheduling.CreateAsync(app, due.AddSeconds(-1));
        var failing = await Scheduling.CreateAsync(app, due, title: FailingTitle);
        var later = await Scheduling.CreateAsync(app, due.AddSeconds(1));
        await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_article BEFORE UPDATE ON Articles WHEN OLD.Title = '" + FailingTitle + "' " +
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"));

        await Scheduling.PublishDueAsync(app);

        Assert.Equal(ArticleStatus.Published, (await Scheduling.ArticleAsync(app, earlier)).Status);
        Assert.Equal(ArticleStatus.Published, (await Scheduling.ArticleAsync(app, later)).Status);
        Assert.Equal(ArticleStatus.Scheduled, (await Scheduling.ArticleAsync(app, failing)).Status);
        Assert.Empty(await Scheduling.AuditAsync(app, failing, "article.publishscheduled"));
        Assert.Equal(0, app.Recording.CallsFor(failing));
        var failure = Assert.Single(await Scheduling.AuditAsync(app, failing, PublishingAudit.ScheduleFailed));
        Assert.Null(failure.UserId);
        Assert.Equal("Scheduled", failure.FromState);
        Assert.Contains("database or disk is full", failure.Note, StringComparison.Ordinal);
        var missed = Assert.Single(await Scheduling.WithPublishingAsync(app, p => p.MissedAsync()), m => m.ArticleId == failing);
        Assert.Equal(failure.OccurredAt, missed.LastFailureAt);
        Assert.Equal(failure.Note, missed.LastError);

        await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_article;"));
        await Scheduling.PublishDueAsync(app);

        var published = await Scheduling.ArticleAsync(app, failing);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(due, published.PublishedAt);
        Assert.DoesNotContain(await Scheduling.WithPublishingAsync(app, p => p.MissedAsync()), m => m.ArticleId == failing);
    }

    [Fact]
    public async Task AFailingAfterPublishStepLeavesTheArticlePublishedAndTheOtherStepsStillRun()
    {
        var due = Scheduling.Now(app).AddMinutes(-1);
        var failing = await Scheduling.CreateAsync(app, due);
        var other = await Scheduling.CreateAsync(app, due);
        app.Failing.FailFor(failing);

        await Scheduling.PublishDueAsync(app);

        Assert.Equal(ArticleStatus.Published, (await Scheduling.ArticleAsync(app, failing)).Status);
        Assert.Equal(ArticleStatus.Published, (await Scheduling.ArticleAsync(app, other)).Status);
        Assert.Single(await Scheduling.AuditAsync(app, failing, "article.publishscheduled"));
        Assert.Equal(1, app.Recording.CallsFor(failing));
        Assert.Equal(1, app.Recording.CallsFor(other));
        var failure = Assert.Single(await Scheduling.AuditAsync(app, failing, PublishingAudit.AfterPublishFailed));
        Assert.Equal($"{nameof(FailingStep)} (Published): InvalidOperationException: The search index did not answer.", failure.Note);
        Assert.Empty(await Scheduling.AuditAsync(app, other, PublishingAudit.AfterPublishFailed));
        Assert.Empty(await Scheduling.AuditAsync(app, failing, PublishingAudit.ScheduleFailed));
    }

    [Fact]
    public async Task MissedListsScheduledArticlesStillNotPublicAFewMinutesAfterTheirTime()
    {
        var now = Scheduling.Now(app);
        var overdue = await Scheduling.CreateAsync(app, now.AddMinutes(-6));
        var justDue = await Scheduling.CreateAsync(app, now.AddMinutes(-1));
        var future = await Scheduling.CreateAsync(app, now.AddMinutes(10));
        var published = await Scheduling.CreateAsync(app, now.AddMinutes(-30), ArticleStatus.Published);

        var missed = await Scheduling.WithPublishingAsync(app, p => p.MissedAsync());

        var row = Assert.Single(missed, m => m.ArticleId == overdue);
        Assert.Equal(now.AddMinutes(-6), row.ScheduledAt);
        Assert.Equal("Khánh thành cầu Rạch Miễu 2", row.Title);
        Assert.Null(row.LastFailureAt);
        Assert.DoesNotContain(missed, m => m.ArticleId is var id && (id == justDue || id == future || id == published));
    }
}
