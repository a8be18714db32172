using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Notifications;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>
/// The edit lock seen from the browser: the open editor's heartbeat, letting go when the page is left, and
/// taking over an article someone else has open (after a warning page, so it works without JavaScript).
/// The same checks as the editor: another reporter's article is 404, and only who may edit it now may hold it.
/// </summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom/articles/{id:int}")]
public sealed class EditLocksController(
    NewsroomDbContext db,
    ArticleEditing editing,
    ArticleLocks locks,
    Notifier notifier,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    NewsroomTime time,
    IStringLocalizer<AuthoringResource> text,
    ILogger<EditLocksController> logger) : Controller
{
    public const string TakeOverAction = "article.lock-takeover";

    /// <summary>
    /// The open editor is still there: keeps the lock (or takes it back if it ran out and nobody else has it).
    /// 409 with who has it when someone else does: the page then turns read-only.
    /// </summary>
    [HttpPost("lock/heartbeat")]
    public async Task<IActionResult> Heartbeat(int id)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound(new { error = text["This article does not exist."].Value });
        }

        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            return StatusCode(StatusCodes.Status403Forbidden, new { error = text["This article can no longer be changed by you: it is {0}.", text.Status(article.Status)].Value });
        }

        if (await locks.HoldAsync(article, users.GetUserId(User)!) is { } holder)
        {
            return Conflict(new
            {
                error = text["{0} took over this article at {1}, so the editor is read-only for you now.", holder.Name, Since(holder)].Value,
                lockedBy = holder.Name,
            });
        }

        return Ok(new { held = true });
    }

    /// <summary>The editor page is being left (sent with the page's antiforgery token by <c>navigator.sendBeacon</c>).</summary>
    [HttpPost("lock/release")]
    public async Task<IActionResult> Release(int id)
    {
        // Only ever this person's own lock; the check is that another reporter's article stays unseen, as everywhere.
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        await locks.ReleaseAsync(id, users.GetUserId(User)!);
        return NoContent();
    }

    /// <summary>The warning before taking over: what happens to the person who has the article open.</summary>
    [HttpGet("take-over")]
    public async Task<IActionResult> TakeOver(int id)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            return Redirect($"/newsroom/articles/{id}");
        }

        if (await locks.HolderOtherThanAsync(article, users.GetUserId(User)!) is not { } holder)
        {
            // Nobody else has it open (any more): the editor simply takes it.
            return Redirect($"/newsroom/articles/{id}/edit");
        }

        return View(new TakeOverView(id, article.Title, holder, Error: null));
    }

    /// <summary>
    /// Moves the lock to this person. The article as stored is kept as a revision first (what the previous
    /// holder had autosaved); what they send afterwards is refused and kept as a revision of theirs; they
    /// are told on their next heartbeat. <paramref name="holder"/> is the person the warning named: if
    /// someone else has the article open by now, the warning is shown again for them.
    /// </summary>
    [HttpPost("take-over")]
    public async Task<IActionResult> TakeOver(int id, string? holder)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            TempData["Message"] = text["This article can no longer be changed by you: it is {0}.", text.Status(article.Status)].Value;
            return Redirect($"/newsroom/articles/{id}");
        }

        var userId = users.GetUserId(User)!;
        var current = await locks.HolderOtherThanAsync(article, userId);
        if (current is null)
        {
            return Redirect($"/newsroom/articles/{id}/edit");
        }

        if (current.UserId != holder || !await locks.TakeOverAsync(id, current.UserId, userId))
        {
            var now = await locks.HolderOtherThanAsync(article, userId);
            if (now is null)
            {
                return Redirect($"/newsroom/articles/{id}/edit");
            }

            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new TakeOverView(id, article.Title, now, text["The article changed hands in the meantime: {0} has it open now. Read the warning again.", now.Name]));
        }

        // What the previous holder's autosaves left in the article, as it is now that nothing more of theirs gets in.
        db.ChangeTracker.Clear();
        article = (await editing.LoadAsync(id))!;
        var taker = await users.GetUserAsync(User);
        var takerName = taker?.DisplayName ?? "";
        await editing.KeepStoredAsync(article, article.UpdatedById ?? current.UserId, RevisionReasons.KeptAtTakeOver(takerName));
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Action = TakeOverAction,
            EntityType = nameof(Article),
            EntityId = id.ToString(CultureInfo.InvariantCulture),
            Note = Cut(string.Create(CultureInfo.InvariantCulture, $"{current.Name} ({current.UserId}), editing since {current.Since:yyyy-MM-dd HH:mm} UTC"), AuditEvent.NoteMaxLength),
        });
        // The previous holder learns it on their editor's next heartbeat or autosave, and from their
        // notifications if they had left the page open and gone.
        await notifier.ToPersonAsync(NotificationKind.EditLockTakenOver, id, article.Title, current.UserId, userId, note: null);
        await db.SaveChangesAsync();

        logger.LogInformation("Article {ArticleId}: editing taken over by {UserId} from {HolderId}", id, userId, current.UserId);
        TempData["Message"] = text["You are editing this article now. {0} sees it on their screen the next time their editor checks in.", current.Name].Value;
        return Redirect($"/newsroom/articles/{id}/edit");
    }

    private string Since(LockHolder holder) => time.FormatSince(holder.Since, clock.GetUtcNow().UtcDateTime);

    private static string Cut(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];
}
