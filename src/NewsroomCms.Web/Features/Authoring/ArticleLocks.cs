using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>Who has an article open in the editor, and since when (UTC).</summary>
public sealed record LockHolder(string UserId, string Name, DateTime Since);

/// <summary>
/// The soft edit lock in the database (<see cref="ArticleEditLock"/>), by the rules of <see cref="EditLockRules"/>.
/// Every change is one conditional statement on the lock row alone, so two people opening an article at
/// the same moment cannot both get it, and the article's row (and so its version) is never touched.
/// </summary>
/// <remarks>
/// Statements run at once, outside the change tracker: call these before changing anything else in the
/// same context, so that nothing else is saved with a new lock.
/// </remarks>
public sealed class ArticleLocks(NewsroomDbContext db, TimeProvider clock, IOptions<EditorOptions> options)
{
    private TimeSpan Timeout => options.Value.LockTimeout;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Takes the lock for <paramref name="userId"/>, or keeps it alive if it is already theirs (opening the
    /// editor, a heartbeat, an autosave, a save). Returns null when they hold it now, or the person who does.
    /// </summary>
    public async Task<LockHolder?> HoldAsync(Article article, string userId, CancellationToken cancellationToken = default)
    {
        // A lost race (someone took it between our read and our write) is read again; after a few the
        // other person has it for real.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await CurrentAsync(article.Id, cancellationToken);
            if (await BlockingAsync(article, current, userId, cancellationToken) is { } holder)
            {
                return holder;
            }

            if (current is not null && EditLockRules.IsFresh(current, userId, Now, Timeout))
            {
                return null;
            }

            if (await TakeAsync(article.Id, current, userId, cancellationToken))
            {
                return null;
            }
        }

        return await HolderOtherThanAsync(article, userId, cancellationToken);
    }

    /// <summary>The person other than <paramref name="userId"/> who has the article open now and may edit it, if any.</summary>
    public async Task<LockHolder?> HolderOtherThanAsync(Article article, string userId, CancellationToken cancellationToken = default) =>
        await BlockingAsync(article, await CurrentAsync(article.Id, cancellationToken), userId, cancellationToken);

    /// <summary>
    /// Moves the lock from <paramref name="expectedHolderId"/> (the person the taker was warned about) to
    /// <paramref name="userId"/>. False when the lock is no longer that person's: the caller asks again.
    /// </summary>
    public async Task<bool> TakeOverAsync(int articleId, string expectedHolderId, string userId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var moved = await db.ArticleEditLocks
            .Where(l => l.ArticleId == articleId && l.UserId == expectedHolderId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.UserId, userId).SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.HeartbeatAt, now), cancellationToken);
        return moved == 1;
    }

    /// <summary>Lets go of the lock if <paramref name="userId"/> holds it (leaving the page, sending the article to the editors).</summary>
    public Task ReleaseAsync(int articleId, string userId, CancellationToken cancellationToken = default) =>
        db.ArticleEditLocks.Where(l => l.ArticleId == articleId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private Task<ArticleEditLock?> CurrentAsync(int articleId, CancellationToken cancellationToken) =>
        db.ArticleEditLocks.AsNoTracking().FirstOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);

    /// <summary>
    /// The holder of a live lock that is not <paramref name="userId"/>'s, when that person may still edit
    /// the article: a reporter who has since sent it to the editors, or an editor who sent it back, no longer blocks anyone.
    /// </summary>
    private async Task<LockHolder?> BlockingAsync(Article article, ArticleEditLock? current, string userId, CancellationToken cancellationToken)
    {
        if (EditLockRules.StateFor(current, userId, Now, Timeout) != EditLockState.HeldByOther)
        {
            return null;
        }

        var holder = await db.Users.AsNoTracking().Where(u => u.Id == current!.UserId)
            .Select(u => new { u.DisplayName, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return null;
        }

        var actor = new WorkflowActor(
            IsOwner: article.CreatedById == current!.UserId,
            IsEditor: holder.Roles.Contains(Roles.Editor) || holder.Roles.Contains(Roles.Admin));
        return ArticleWorkflow.CanEditContent(article.Status, actor) ? new LockHolder(current.UserId, holder.DisplayName, current.AcquiredAt) : null;
    }

    private async Task<bool> TakeAsync(int articleId, ArticleEditLock? current, string userId, CancellationToken cancellationToken)
    {
        var now = Now;
        var taken = EditLockRules.Taken(current, articleId, userId, now, Timeout);
        if (current is null)
        {
            db.ArticleEditLocks.Add(taken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Someone else's page inserted it first.
                return false;
            }
            finally
            {
                db.Entry(taken).State = EntityState.Detached;
            }
        }

        // Only if the row is still what was read: same holder, same last heartbeat.
        var previousUser = current.UserId;
        var previousHeartbeat = current.HeartbeatAt;
        var updated = await db.ArticleEditLocks
            .Where(l => l.ArticleId == articleId && l.UserId == previousUser && l.HeartbeatAt == previousHeartbeat)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.UserId, taken.UserId).SetProperty(l => l.AcquiredAt, taken.AcquiredAt).SetProperty(l => l.HeartbeatAt, taken.HeartbeatAt), cancellationToken);
        return updated == 1;
    }
}
