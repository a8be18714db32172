using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Notifications;

/// <summary>
/// Tells the writers their article went public, whoever published it: an editor (now or again) or the
/// scheduler. Runs after the publication is committed, so it saves on its own.
/// </summary>
/// <remarks>
/// The other public changes notify in the same save as the change itself (taken down, corrected), or not
/// at all (updated), so this step only acts on <see cref="PublicChange.Published"/>.
/// </remarks>
public sealed class PublishedNotifications(NewsroomDbContext db, Notifier notifier) : IPublicArticleChangeHandler
{
    public async Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken)
    {
        if (change != PublicChange.Published)
        {
            return;
        }

        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new { a.Title, a.CreatedById })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return;
        }

        // Who published it is in the audit event written with the publication: null for the scheduler.
        var entityId = articleId.ToString(CultureInfo.InvariantCulture);
        var published = nameof(ArticleStatus.Published);
        var actorId = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Article) && e.EntityId == entityId && e.ToState == published && e.FromState != published)
            .OrderByDescending(e => e.Id)
            .Select(e => e.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        await notifier.ToWritersAsync(NotificationKind.Published, articleId, article.Title, article.CreatedById, actorId, note: null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
