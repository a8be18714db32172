using NewsroomCms.Web.Data;

namespace NewsroomCms.Web.Features.Workflow;

/// <summary>How what readers can see of an article changed.</summary>
public enum PublicChange
{
    /// <summary>It went public: published now, by the scheduler, or republished.</summary>
    Published,

    /// <summary>Its published text, photo, byline, tags or section changed.</summary>
    Updated,

    /// <summary>A correction notice (đính chính) was added.</summary>
    Corrected,

    /// <summary>It was taken down; its URL now answers 410.</summary>
    TakenDown,
}

/// <summary>
/// A step to take once what readers see of an article changed, whoever changed it (an editor or the
/// scheduler): evict the portal's cached pages, update the search index, send notifications.
/// </summary>
/// <remarks>
/// Register each step as <c>services.AddScoped&lt;IPublicArticleChangeHandler, TStep&gt;()</c>. Steps run in
/// registration order, once per change, after the change has been committed, in the scope of whoever made
/// it. A step that throws is logged and audited as <see cref="PublishingAudit.AfterPublishFailed"/>; the
/// change stands and the next steps still run. A step is not retried, so one that talks to another system
/// should be safe to run again by hand.
/// </remarks>
public interface IPublicArticleChangeHandler
{
    Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken);
}

/// <summary>Runs every <see cref="IPublicArticleChangeHandler"/> for one committed change.</summary>
public sealed class PublicArticleChanges(
    IEnumerable<IPublicArticleChangeHandler> handlers,
    NewsroomDbContext db,
    TimeProvider clock,
    ILogger<PublicArticleChanges> logger)
{
    public async Task AnnounceAsync(int articleId, PublicChange change, CancellationToken cancellationToken = default)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.OnChangedAsync(articleId, change, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var name = handler.GetType().Name;
                logger.LogError(ex, "Step {Step} failed for article {ArticleId} ({Change}); the change stands", name, articleId, change);
                await RecordFailureAsync(articleId, $"{name} ({change}): {PublishingAudit.Describe(ex)}", cancellationToken);
            }
        }
    }

    /// <summary>Writes the failure down if it can: the database may be what failed.</summary>
    private async Task RecordFailureAsync(int articleId, string note, CancellationToken cancellationToken)
    {
        var entry = db.AuditEvents.Add(PublishingAudit.Event(clock.GetUtcNow().UtcDateTime, null, PublishingAudit.AfterPublishFailed, articleId, from: null, to: null, note));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            logger.LogError(ex, "Could not record a failed step for article {ArticleId}", articleId);
        }
    }
}
