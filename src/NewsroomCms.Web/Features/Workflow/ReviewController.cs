using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;
using NewsroomCms.Web.Features.Notifications;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Shared;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Workflow;

/// <summary>
/// The editors' side of the workflow: the queue of submitted articles, and the decisions on one article.
/// Every decision loads the article, asks <see cref="ArticleWorkflow.Decide"/> from its stored state and
/// refuses when the article changed since the editor opened the page.
/// </summary>
[Authorize(Policy = Policies.Review)]
[Route("newsroom/review")]
public sealed class ReviewController(
    NewsroomDbContext db,
    ArticleEditing editing,
    ArticleLocks locks,
    ArticlePublishing publishing,
    PublicArticleChanges publicChanges,
    ArticleCorrections corrections,
    Notifier notifier,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    NewsroomTime time,
    IStringLocalizer<WorkflowResource> text,
    IStringLocalizer<AuthoringResource> workflowText,
    ILogger<ReviewController> logger) : Controller
{
    private const int RecentlyPublishedCount = 20;

    /// <summary>Articles waiting for review shown per page of the queue.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The queue, oldest submission first, a page at a time. Every waiting article is read as a light row (no
    /// body), once: the reporters to filter by come from them, and the title search folds Vietnamese marks
    /// here, which SQLite and SQL Server do not do alike. A newsroom has hundreds waiting at most.
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? section, string? reporter, string? q, int page = 1)
    {
        var filter = new QueueFilter(section, string.IsNullOrWhiteSpace(reporter) ? null : reporter, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        var waiting = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Submitted)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new WaitingRow(a.Id, a.Title, a.SectionId, a.Section!.Name, a.CreatedById, a.CreatedBy!.DisplayName, a.SubmittedAt))
            .ToListAsync();
        var reporters = waiting
            .Where(r => r.ReporterId is not null)
            .DistinctBy(r => r.ReporterId)
            .Select(r => new ReporterChoice(r.ReporterId!, r.Reporter ?? ""))
            .OrderBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .ToList();
        IEnumerable<WaitingRow> matching = waiting;
        if (filter.Section is { } sectionId)
        {
            matching = matching.Where(r => r.SectionId == sectionId);
        }

        if (filter.Reporter is { } reporterId)
        {
            matching = matching.Where(r => r.ReporterId == reporterId);
        }

        if (filter.Q is { } search)
        {
            var folded = Fold(search);
            matching = matching.Where(r => Fold(r.Title).Contains(folded, StringComparison.Ordinal));
        }

        var rows = Paged.Of(matching.Select(r => new QueueRow(r.Id, r.Title, r.Section, r.Reporter ?? "", r.SubmittedAt)).ToList(), page, PageSize);

        var scheduled = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled)
            .OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id)
            .Select(a => new ScheduledRow(a.Id, a.Title, a.Section!.Name, a.ScheduledAt))
            .ToListAsync();
        var published = await db.Articles.Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(RecentlyPublishedCount)
            .Select(a => new PublishedRow(a.Id, a.Title, a.Slug, a.Section!.Name, a.PublishedAt))
            .ToListAsync();
        var sections = await db.Sections.OrderBy(s => s.DisplayOrder).Select(s => new Choice(s.Id, s.Name)).ToListAsync();
        var missed = await publishing.MissedAsync();
        return View("Queue", new QueueView(filter, sections, reporters, rows, scheduled, published, missed));
    }

    /// <summary>An article waiting for review, as the queue reads it.</summary>
    private sealed record WaitingRow(int Id, string Title, int? SectionId, string? Section, string? ReporterId, string? Reporter, DateTime? SubmittedAt);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Article(int id)
    {
        var view = await BuildAsync(id, new ReviewInput(), failed: null);
        return view is null ? NotFound() : View("Review", view);
    }

    [HttpPost("{id:int}/request-changes")]
    public Task<IActionResult> RequestChanges(int id, ReviewInput input) => DecideAsync(id, WorkflowAction.RequestChanges, input);

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, ReviewInput input) => DecideAsync(id, WorkflowAction.Publish, input);

    [HttpPost("{id:int}/schedule")]
    public Task<IActionResult> Schedule(int id, ReviewInput input) => DecideAsync(id, WorkflowAction.Schedule, input);

    [HttpPost("{id:int}/unschedule")]
    public Task<IActionResult> Unschedule(int id, ReviewInput input) => DecideAsync(id, WorkflowAction.Unschedule, input);

    [HttpPost("{id:int}/take-down")]
    public Task<IActionResult> TakeDown(int id, ReviewInput input) => DecideAsync(id, WorkflowAction.TakeDown, input);

    [HttpPost("{id:int}/republish")]
    public Task<IActionResult> Republish(int id, ReviewInput input) => DecideAsync(id, WorkflowAction.Republish, input);

    private async Task<IActionResult> DecideAsync(int id, WorkflowAction action, ReviewInput input)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, action, input, StatusCodes.Status422UnprocessableEntity,
                text["The note is too long: at most {0} characters.", AuditEvent.NoteMaxLength]);
        }

        if (input.Version != article.Version)
        {
            return await RefuseAsync(id, action, input, StatusCodes.Status409Conflict, StaleMessage());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        DateTime? scheduledAt = action == WorkflowAction.Schedule && input.PublishAt is { } local ? time.ToUtc(local) : null;
        var decision = ArticleWorkflow.Decide(article.Status, new WorkflowRequest(action, editing.ActorFor(article, User), now, note, scheduledAt));
        if (!decision.Allowed)
        {
            return await RefuseAsync(id, action, input, StatusCodes.Status422UnprocessableEntity, workflowText.Refusal(decision.Refusal));
        }

        var editorId = users.GetUserId(User)!;
        var from = article.Status;
        if (action is WorkflowAction.Publish or WorkflowAction.Republish)
        {
            // Taken down and put back, the article keeps the time readers first saw it.
            var publishedAt = action == WorkflowAction.Republish && article.PublishedAt is { } first ? first : now;
            if (!await publishing.TryPublishAsync(id, action, from, publishedAt, editorId))
            {
                return await RefuseAsync(id, action, input, StatusCodes.Status409Conflict, StaleMessage());
            }
        }
        else
        {
            Apply(article, action, decision.To, note, scheduledAt, now, editorId);
            db.AuditEvents.Add(PublishingAudit.Event(now, editorId, PublishingAudit.For(action), id, from, decision.To, note));
            await NotifyAsync(article, action, note, scheduledAt, editorId);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Concurrent change to article {ArticleId} during review", id);
                return await RefuseAsync(id, action, input, StatusCodes.Status409Conflict, StaleMessage());
            }

            if (action == WorkflowAction.TakeDown)
            {
                await publicChanges.AnnounceAsync(id, PublicChange.TakenDown);
            }
        }

        logger.LogInformation("Article {ArticleId}: {Action} by {UserId}", id, action, editorId);
        TempData["Message"] = Done(action, article.Title, scheduledAt);
        return action == WorkflowAction.RequestChanges ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Article), new { id });
    }

    /// <summary>
    /// A correction (đính chính) of a published article: a public notice, with the article's text as it is
    /// now (an editor fixes the text in the editor first, or there together with the notice).
    /// </summary>
    [HttpPost("{id:int}/correct")]
    public async Task<IActionResult> Correct(int id, CorrectionInput input)
    {
        var article = await editing.LoadAsync(id);
        if (article is null)
        {
            return NotFound();
        }

        var notice = ArticleCorrections.Clean(input.Notice);
        if (notice.Length > ArticleCorrection.NoticeMaxLength)
        {
            return await RefuseCorrectionAsync(id, input, StatusCodes.Status422UnprocessableEntity,
                text["The correction notice is too long: at most {0} characters.", ArticleCorrection.NoticeMaxLength]);
        }

        if (input.Version != article.Version)
        {
            return await RefuseCorrectionAsync(id, input, StatusCodes.Status409Conflict, StaleMessage());
        }

        if (article.Status != ArticleStatus.Published)
        {
            return await RefuseCorrectionAsync(id, input, StatusCodes.Status422UnprocessableEntity, text["Only a published article can be corrected."]);
        }

        if (notice.Length == 0)
        {
            return await RefuseCorrectionAsync(id, input, StatusCodes.Status422UnprocessableEntity, text["Write the correction notice readers will see."]);
        }

        var editorId = users.GetUserId(User)!;
        await corrections.AddAsync(article, notice, editorId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change to article {ArticleId} during a correction", id);
            return await RefuseCorrectionAsync(id, input, StatusCodes.Status409Conflict, StaleMessage());
        }

        await publicChanges.AnnounceAsync(id, PublicChange.Corrected);
        logger.LogInformation("Article {ArticleId}: correction published by {UserId}", id, editorId);
        TempData["Message"] = text["The correction to “{0}” is published under the article.", article.Title].Value;
        return RedirectToAction(nameof(Article), new { id });
    }

    /// <summary>The writers hear of every decision on their article; publication is told by <see cref="PublishedNotifications"/>.</summary>
    private Task NotifyAsync(Article article, WorkflowAction action, string? note, DateTime? scheduledAt, string editorId) => action switch
    {
        WorkflowAction.RequestChanges => notifier.ToWritersAsync(NotificationKind.ChangesRequested, article.Id, article.Title, article.CreatedById, editorId, note),
        WorkflowAction.Schedule => notifier.ToWritersAsync(NotificationKind.Scheduled, article.Id, article.Title, article.CreatedById, editorId, NotificationText.ScheduledAtNote(scheduledAt!.Value)),
        WorkflowAction.TakeDown => notifier.ToWritersAsync(NotificationKind.TakenDown, article.Id, article.Title, article.CreatedById, editorId, note),
        _ => Task.CompletedTask,
    };

    private void Apply(Article article, WorkflowAction action, ArticleStatus to, string? note, DateTime? scheduledAt, DateTime now, string editorId)
    {
        article.Status = to;
        switch (action)
        {
            case WorkflowAction.RequestChanges:
                article.ReviewStartedAt ??= now;
                db.EditorialNotes.Add(new EditorialNote { ArticleId = article.Id, Text = note!, CreatedAt = now, AuthorId = editorId });
                break;
            case WorkflowAction.Schedule:
                article.ReviewStartedAt ??= now;
                article.ScheduledAt = scheduledAt;
                break;
            case WorkflowAction.Unschedule:
                article.ScheduledAt = null;
                break;
        }
    }

    private string Done(WorkflowAction action, string title, DateTime? scheduledAt) => action switch
    {
        WorkflowAction.RequestChanges => text["“{0}” was sent back to its reporter with your note.", title],
        WorkflowAction.Publish => text["“{0}” is published.", title],
        WorkflowAction.Schedule => text["“{0}” will be published at {1}.", title, time.FormatShort(scheduledAt!.Value)],
        WorkflowAction.Unschedule => text["“{0}” is no longer scheduled: it is back in the review queue.", title],
        WorkflowAction.TakeDown => text["“{0}” was taken down. Its address now tells readers it was removed.", title],
        WorkflowAction.Republish => text["“{0}” is published again.", title],
        _ => "",
    };

    private string StaleMessage() =>
        text["Someone changed this article after you opened this page, so nothing was changed. Look at it again as it is now and decide again."];

    /// <summary>The review page again, as the article is stored now, with why nothing happened and what the editor typed.</summary>
    private async Task<IActionResult> RefuseAsync(int id, WorkflowAction action, ReviewInput input, int status, string message)
    {
        db.ChangeTracker.Clear();
        var view = await BuildAsync(id, input, action);
        if (view is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = status;
        return View("Review", view);
    }

    /// <summary>The review page again, with why no correction was published and the notice as the editor typed it.</summary>
    private async Task<IActionResult> RefuseCorrectionAsync(int id, CorrectionInput input, int status, string message)
    {
        db.ChangeTracker.Clear();
        var view = await BuildAsync(id, new ReviewInput(), failed: null);
        if (view is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = status;
        return View("Review", view with { Correction = input, CorrectionRefused = true });
    }

    private async Task<ReviewView?> BuildAsync(int id, ReviewInput input, WorkflowAction? failed)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.CreatedBy).FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return null;
        }

        var page = (await ArticlePage.LoadAsync(db, db.Articles.Where(a => a.Id == id)))!;
        var actor = editing.ActorFor(article, User);
        var notes = await db.EditorialNotes.Where(n => n.ArticleId == id).OrderBy(n => n.CreatedAt)
            .Select(n => new NoteRow(n.CreatedAt, n.Author!.DisplayName, n.Text)).ToListAsync();
        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.CreatedAt, r.CreatedBy!.DisplayName, r.Reason)).ToListAsync();
        var actions = ArticleWorkflow.AvailableActions(article.Status, actor)
            .Where(a => a is not (WorkflowAction.Submit or WorkflowAction.Resubmit or WorkflowAction.Withdraw or WorkflowAction.PublishScheduled))
            .ToList();
        input.Version = article.Version;
        return new ReviewView(
            id,
            article.Status,
            article.Version,
            article.Slug,
            article.CreatedBy?.DisplayName ?? "",
            article.SubmittedAt,
            article.ScheduledAt,
            page,
            actions,
            ArticleWorkflow.CanEditContent(article.Status, actor),
            notes,
            revisions,
            input,
            failed,
            // Someone with the article open in the editor: the Edit link leads to their banner and the take-over.
            await locks.HolderOtherThanAsync(article, users.GetUserId(User)!),
            new CorrectionInput(),
            CorrectionRefused: false);
    }

    private static string Fold(string text) => VietnameseText.RemoveDiacritics(VietnameseText.Normalize(text)).ToLowerInvariant();
}
