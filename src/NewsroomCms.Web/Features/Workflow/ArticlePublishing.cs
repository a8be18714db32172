using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Notifications;

namespace NewsroomCms.Web.Features.Workflow;

/// <summary>
/// Makes articles public. Every publication is one conditional UPDATE that only matches while the article
/// is still in the state the caller decided from, so when several app instances (or an editor and the
/// scheduler) try at the same moment, exactly one of them publishes it, writes the audit event and runs
/// the <see cref="IPublicArticleChangeHandler"/> steps; the others see "0 rows" and leave it.
/// </summary>
public sealed class ArticlePublishing(
    NewsroomDbContext db,
    TimeProvider clock,
    PublicArticleChanges publicChanges,
    Notifier notifier,
    IOptions<WorkflowOptions> options,
    ILogger<ArticlePublishing> logger)
{
    /// <summary>
    /// Publishes every scheduled article whose time has come. One article that fails is logged and audited
    /// as <see cref="PublishingAudit.ScheduleFailed"/>, and the others are still published; the next run tries it again.
    /// The editors are notified of its first failure only, not of every run that fails again.
    /// </summary>
    /// <returns>How many articles this call published (not those another instance published meanwhile).</returns>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledAt <= now)
            .OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, ScheduledAt = a.ScheduledAt!.Value })
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var article in due)
        {
            var decision = ArticleWorkflow.Decide(ArticleStatus.Scheduled, new WorkflowRequest(
                WorkflowAction.PublishScheduled, WorkflowActor.System, now, ScheduledAt: article.ScheduledAt));
            if (!decision.Allowed)
            {
                continue;
            }

            try
            {
                // The public time is the one the editor chose, also when this run is late: it is the time
                // readers were promised and the order the front page was planned in. When it really went
                // live is in the audit event and UpdatedAt.
                if (await TryPublishAsync(article.Id, WorkflowAction.PublishScheduled, ArticleStatus.Scheduled, article.ScheduledAt, userId: null, cancellationToken))
                {
                    published++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Publishing scheduled article {ArticleId} failed; the next run tries again", article.Id);
                await RecordFailureAsync(article.Id, article.Title, article.ScheduledAt, PublishingAudit.Describe(ex), cancellationToken);
            }
        }

        return published;
    }

    /// <summary>
    /// Publishes one article if it is still <paramref name="expectedFrom"/> (and, for a scheduled article,
    /// still due), in one conditional UPDATE with its audit event in the same transaction; then runs the
    /// after-publish steps. The caller has already asked <see cref="ArticleWorkflow.Decide"/> whether
    /// <paramref name="action"/> is allowed.
    /// </summary>
    /// <returns>False when the article had changed meanwhile (someone else published, unscheduled or rescheduled it).</returns>
    /// <remarks>
    /// The UPDATE bypasses the change tracker: an <see cref="Article"/> the caller has loaded is not refreshed.
    /// The audit event is saved with <c>SaveChanges</c>, so the context should hold no other pending changes.
    /// </remarks>
    public async Task<bool> TryPublishAsync(
        int articleId, WorkflowAction action, ArticleStatus expectedFrom, DateTime publishedAt, string? userId, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var published = await strategy.ExecuteAsync(
            ct => UpdateAndAuditAsync(articleId, action, expectedFrom, publishedAt, userId, ct),
            cancellationToken);
        if (published)
        {
            logger.LogInformation("Article {ArticleId} published ({Action})", articleId, action);
            await publicChanges.AnnounceAsync(articleId, PublicChange.Published, cancellationToken);
        }

        return published;
    }

    /// <summary>
    /// Scheduled articles the editors should look at: still not public a few minutes after their time
    /// (<see cref="WorkflowOptions.MissedAfter"/>), or with a failed attempt since their time. Oldest first.
    /// </summary>
    public async Task<IReadOnlyList<MissedPublication>> MissedAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var overdueSince = now - options.Value.MissedAfter;
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledAt <= now)
            .OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, ScheduledAt = a.ScheduledAt!.Value })
            .ToListAsync(cancellationToken);
        var ids = due.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var failures = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Article) && e.Action == PublishingAudit.ScheduleFailed && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.OccurredAt, e.Note })
            .ToListAsync(cancellationToken);

        var missed = new List<MissedPublication>();
        foreach (var article in due)
        {
            var id = article.Id.ToString(CultureInfo.InvariantCulture);
            // Failures from before a reschedule belong to the old time.
            var lastFailure = failures.Where(f => f.EntityId == id && f.OccurredAt >= article.ScheduledAt).MaxBy(f => f.OccurredAt);
            if (article.ScheduledAt <= overdueSince || lastFailure is not null)
            {
                missed.Add(new MissedPublication(article.Id, article.Title, article.ScheduledAt, lastFailure?.OccurredAt, lastFailure?.Note));
            }
        }

        return missed;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> UpdateAndAuditAsync(
        int articleId, WorkflowAction action, ArticleStatus expectedFrom, DateTime publishedAt, string? userId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var article = db.Articles.Where(a => a.Id == articleId && a.Status == expectedFrom);
        if (expectedFrom == ArticleStatus.Scheduled)
        {
            // An editor may have rescheduled it to a later time since the caller looked.
            article = article.Where(a => a.ScheduledAt <= now);
        }

        // ExecuteUpdate bypasses SaveChanges, which renews the concurrency token on every other write.
        var version = Guid.NewGuid();
        var rows = await article.ExecuteUpdateAsync(
            set => set
                .SetProperty(a => a.Status, ArticleStatus.Published)
                .SetProperty(a => a.PublishedAt, publishedAt)
                .SetProperty(a => a.UpdatedAt, now)
                .SetProperty(a => a.Version, version),
            cancellationToken);
        if (rows == 0)
        {
            return false;
        }

        var audit = db.AuditEvents.Add(PublishingAudit.Event(now, userId, PublishingAudit.For(action), articleId, expectedFrom, ArticleStatus.Published));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // Rolled back: a retry (or the next run) adds its own event.
            audit.State = EntityState.Detached;
            throw;
        }

        return true;
    }

    /// <summary>
    /// Writes down a failure if it can (the database may be what failed), with a notification to the editors
    /// when it is the first failure since the article's scheduled time: the scheduler retries every run, and
    /// one notice per failure streak is enough. After a reschedule the old failures no longer count.
    /// </summary>
    private async Task RecordFailureAsync(int articleId, string title, DateTime scheduledAt, string error, CancellationToken cancellationToken)
    {
        var now = Now;
        var entityId = articleId.ToString(CultureInfo.InvariantCulture);
        try
        {
            var failedBefore = await db.AuditEvents.AnyAsync(
                e => e.EntityType == nameof(Article) && e.EntityId == entityId && e.Action == PublishingAudit.ScheduleFailed && e.OccurredAt >= scheduledAt,
                cancellationToken);
            db.AuditEvents.Add(PublishingAudit.Event(now, null, PublishingAudit.ScheduleFailed, articleId, ArticleStatus.Scheduled, to: null, error));
            if (!failedBefore)
            {
                await notifier.ToEditorsAsync(NotificationKind.ScheduleFailed, articleId, title, actorId: null, error, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing of this attempt stays pending for the next article's save.
            db.ChangeTracker.Clear();
            logger.LogError(ex, "Could not record {AuditAction} for article {ArticleId}", PublishingAudit.ScheduleFailed, articleId);
        }
    }
}

/// <summary>A scheduled article that did not go public on time, for the editors to look at.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Title">Its title now.</param>
/// <param name="ScheduledAt">When it should have gone public (UTC).</param>
/// <param name="LastFailureAt">The latest failed attempt since <paramref name="ScheduledAt"/>, if any.</param>
/// <param name="LastError">What went wrong then.</param>
public sealed record MissedPublication(int ArticleId, string Title, DateTime ScheduledAt, DateTime? LastFailureAt, string? LastError);

public static class PublishingAudit
{
    /// <summary>Publishing a scheduled article threw; it is still scheduled and the next run tries again.</summary>
    public const string ScheduleFailed = "article.schedule-failed";

    /// <summary>An <see cref="IPublicArticleChangeHandler"/> threw; the change stands.</summary>
    public const string AfterPublishFailed = "article.after-publish-failed";

    /// <summary>"article.publishscheduled", named as the editor's transitions are.</summary>
    public static string For(WorkflowAction action) => "article." + action.ToString().ToLowerInvariant();

    internal static AuditEvent Event(DateTime at, string? userId, string action, int articleId, ArticleStatus? from, ArticleStatus? to, string? note = null) => new()
    {
        OccurredAt = at,
        UserId = userId,
        Action = action,
        EntityType = nameof(Article),
        EntityId = articleId.ToString(CultureInfo.InvariantCulture),
        FromState = from?.ToString(),
        ToState = to?.ToString(),
        Note = note,
    };

    /// <summary>The innermost error (a database error is wrapped by EF's), short enough for the audit note.</summary>
    internal static string Describe(Exception ex)
    {
        var inner = ex.GetBaseException();
        var text = $"{inner.GetType().Name}: {inner.Message}";
        return text.Length <= AuditEvent.NoteMaxLength ? text : text[..AuditEvent.NoteMaxLength];
    }
}
