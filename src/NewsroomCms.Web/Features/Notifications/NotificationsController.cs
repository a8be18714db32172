using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Notifications;

/// <summary>
/// Each person's own notifications. Every query is filtered by the signed-in user: someone else's
/// notification is 404, whatever its id.
/// </summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom/notifications")]
public sealed class NotificationsController(
    NewsroomDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IStringLocalizer<NotificationsResource> text) : Controller
{
    public const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var userId = users.GetUserId(User)!;
        page = Math.Max(1, page);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var rows = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.ArticleTitle, n.ActorName, n.Note, n.CreatedAt, n.ReadAt != null))
            .ToListAsync();
        var unread = await mine.CountAsync(n => n.ReadAt == null);
        return View("Notifications", new NotificationsView(rows.Take(PageSize).ToList(), page, rows.Count > PageSize, unread));
    }

    /// <summary>
    /// Following a notification marks it read and leads to its article where this person works on it:
    /// the editor for its writers, the review page for editors, else the public page while it is published.
    /// </summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Open(long id)
    {
        var userId = users.GetUserId(User)!;
        var notification = await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.UserId == userId)
            .Select(n => new { n.Kind, n.ArticleId }).FirstOrDefaultAsync();
        if (notification is null)
        {
            return NotFound();
        }

        await MarkReadAsync(db.Notifications.Where(n => n.Id == id && n.UserId == userId));
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == notification.ArticleId)
            .Select(a => new { a.Id, a.CreatedById, a.Status, a.Slug }).FirstOrDefaultAsync();
        if (article is null)
        {
            TempData["Message"] = text["The article of this notification no longer exists."].Value;
            return RedirectToAction(nameof(Index));
        }

        var isEditor = User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin);
        var forEditors = notification.Kind is NotificationKind.Submitted or NotificationKind.ScheduleFailed;
        if (isEditor && (forEditors || article.CreatedById != userId))
        {
            return Redirect($"/newsroom/review/{article.Id}");
        }

        if (article.CreatedById == userId)
        {
            return Redirect($"/newsroom/articles/{article.Id}/edit");
        }

        // A reporter on the byline of a colleague's article cannot open it in the newsroom.
        if (article.Status == ArticleStatus.Published)
        {
            return Redirect($"/bai-viet/{article.Slug}");
        }

        TempData["Message"] = text["Only its reporter and the editors can open this article in the newsroom."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> Read(long id, int page = 1)
    {
        var userId = users.GetUserId(User)!;
        var mine = db.Notifications.Where(n => n.Id == id && n.UserId == userId);
        if (!await mine.AnyAsync())
        {
            return NotFound();
        }

        await MarkReadAsync(mine);
        return RedirectToAction(nameof(Index), page > 1 ? new { page } : null);
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        var userId = users.GetUserId(User)!;
        var marked = await MarkReadAsync(db.Notifications.Where(n => n.UserId == userId));
        TempData["Message"] = marked == 0 ? text["You have no unread notifications."].Value : text["All your notifications are marked as read."].Value;
        return RedirectToAction(nameof(Index));
    }

    private Task<int> MarkReadAsync(IQueryable<Notification> notifications)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
    }
}
