using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Media;
using NewsroomCms.Web.Features.Notifications;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Workflow;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>
/// Writing an article: create, edit, autosave, preview, revisions, submit and withdraw. Every action
/// loads the article and checks, on the server, that this person may see it (another reporter's
/// article is 404) and may do this with it in its current state.
/// </summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom/articles")]
public sealed class ArticlesController(
    NewsroomDbContext db,
    ArticleEditing editing,
    ArticleLocks locks,
    SaveConflicts conflicts,
    ArticleCorrections corrections,
    PublicArticleChanges publicChanges,
    Notifier notifier,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    NewsroomTime time,
    IOptions<EditorOptions> editorOptions,
    IOptions<EmbedOptions> embedOptions,
    IStringLocalizer<AuthoringResource> text,
    ILogger<ArticlesController> logger) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Create()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = "",
            Slug = ArticleEditing.DraftSlugPrefix + Guid.NewGuid().ToString("N")[..12],
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = user.Id,
            UpdatedById = user.Id,
        };
        article.Authors.Add(new ArticleAuthor { Author = await editing.OwnPenNameAsync(user), Position = 0 });
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        logger.LogInformation("Article {ArticleId} created by {UserId}", article.Id, user.Id);
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            return RedirectToAction(nameof(Preview), new { id });
        }

        // Opening the editor takes the lock; when someone else has the article open, the page is read-only.
        var holder = await locks.HoldAsync(article, users.GetUserId(User)!);
        return View("Editor", await BuildEditorAsync(article, ArticleInput.From(article), missing: [], new EditorLock(holder, KeptRevision: null, ReadOnly: holder is not null)));
    }

    /// <summary>An explicit save (a revision) or a submission for review, from the editor form.</summary>
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ArticleInput input, string? command)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var actor = editing.ActorFor(article, User);
        if (!ArticleWorkflow.CanEditContent(article.Status, actor))
        {
            ModelState.AddModelError(string.Empty, text["This article can no longer be changed by you: it is {0}.", text.Status(article.Status)]);
            return View("Editor", await BuildEditorAsync(article, input, missing: [], EditorLock.ReadOnlyPage));
        }

        var userId = users.GetUserId(User)!;
        if (await locks.HoldAsync(article, userId) is { } holder)
        {
            return await LockedPageAsync(id, input, holder, userId);
        }

        // Checked first, so that what reaches the conflict screen can be saved as it is.
        if (!ModelState.IsValid)
        {
            return View("Editor", await BuildEditorAsync(article, input, missing: [], EditorLock.Held));
        }

        if (input.Version != article.Version && !editing.AlreadyStored(article, input))
        {
            return await ConflictPageAsync(id, input, userId);
        }

        if (article.Status == ArticleStatus.Published)
        {
            return await UpdatePublishedAsync(article, input, userId);
        }

        var problems = await editing.ApplyAsync(article, input, userId);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError(field, message);
            }

            return View("Editor", await BuildEditorAsync(article, input, missing: [], EditorLock.Held));
        }

        var submitting = command == "submit";
        await editing.AddRevisionAsync(article, userId, submitting ? "submitted" : "saved");
        if (!submitting)
        {
            if (!await TrySaveAsync(article))
            {
                return await ConflictPageAsync(id, input, userId);
            }

            TempData["Message"] = text["Saved at {0}.", time.ToLocal(article.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture)].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        var missing = article.MissingForSubmission();
        var action = article.Status == ArticleStatus.ChangesRequested ? WorkflowAction.Resubmit : WorkflowAction.Submit;
        var decision = ArticleWorkflow.Decide(article.Status, new WorkflowRequest(action, actor, clock.GetUtcNow().UtcDateTime));
        if (missing.Count > 0 || !decision.Allowed)
        {
            // The text is kept even though it cannot go to an editor yet.
            if (!await TrySaveAsync(article))
            {
                return await ConflictPageAsync(id, input, userId);
            }

            if (!decision.Allowed)
            {
                ModelState.AddModelError(string.Empty, text.Refusal(decision.Refusal));
            }

            return View("Editor", await BuildEditorAsync(article, ArticleInput.From(article), missing, EditorLock.Held));
        }

        var from = article.Status;
        var now = clock.GetUtcNow().UtcDateTime;
        article.Status = decision.To;
        article.SubmittedAt = now;
        article.ReviewStartedAt = null;
        db.AuditEvents.Add(ArticleAudit(article, action, from, decision.To, note: null));
        await notifier.ToEditorsAsync(NotificationKind.Submitted, article.Id, article.Title, userId, note: null);
        if (!await TrySaveAsync(article))
        {
            return await ConflictPageAsync(id, input, userId);
        }

        // The reporter can no longer edit it: the editors need not wait for the lock to run out.
        await locks.ReleaseAsync(id, userId);
        logger.LogInformation("Article {ArticleId} submitted by {UserId}", article.Id, userId);
        TempData["Message"] = text["“{0}” was sent to the editors.", article.Title].Value;
        return Redirect("/newsroom");
    }

    /// <summary>
    /// Saving a published article changes what readers see at once: when anything they see changed, the
    /// public "updated" time moves and the change is announced (caches, search index). A save that changed
    /// nothing they see does neither. With a correction notice, the fix and its đính chính go out together.
    /// </summary>
    private async Task<IActionResult> UpdatePublishedAsync(Article article, ArticleInput input, string userId)
    {
        var notice = ArticleCorrections.Clean(input.CorrectionNotice);
        if (notice.Length > ArticleCorrection.NoticeMaxLength)
        {
            ModelState.AddModelError(nameof(ArticleInput.CorrectionNotice), NoticeTooLong());
            return View("Editor", await BuildEditorAsync(article, input, missing: [], EditorLock.Held));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = ArticleRevision.Snapshot(article, 0, userId, now, reason: null);
        var problems = await editing.ApplyAsync(article, input, userId);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError(field, message);
            }

            return View("Editor", await BuildEditorAsync(article, input, missing: [], EditorLock.Held));
        }

        var saved = await RecordPublishedSaveAsync(article, before, notice, userId, now);
        if (!await TrySaveAsync(article))
        {
            return await ConflictPageAsync(article.Id, input, userId);
        }

        await AnnounceAsync(article.Id, saved);
        TempData["Message"] = PublishedSaveMessage(saved, now);
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    /// <summary>What a save of a published article changed for readers.</summary>
    private sealed record PublishedSave(bool Updated, bool Corrected);

    /// <summary>
    /// For a published article, before the save: the public update time and article.update when what readers
    /// see changed since <paramref name="before"/>, the correction when there is a notice (with its revision),
    /// otherwise a plain revision.
    /// </summary>
    private async Task<PublishedSave> RecordPublishedSaveAsync(Article article, ArticleRevision before, string notice, string userId, DateTime now)
    {
        var updated = !ArticleEditing.SameContent(before, ArticleRevision.Snapshot(article, 0, userId, now, reason: null));
        if (updated)
        {
            article.PublicUpdatedAt = now;
            db.AuditEvents.Add(PublishingAudit.Event(now, userId, UpdatePublishedAction, article.Id, ArticleStatus.Published, ArticleStatus.Published));
        }

        if (notice.Length > 0)
        {
            await corrections.AddAsync(article, notice, userId, now);
        }
        else
        {
            await editing.AddRevisionAsync(article, userId, "saved");
        }

        logger.LogInformation("Published article {ArticleId} saved by {UserId}: updated {Updated}, corrected {Corrected}", article.Id, userId, updated, notice.Length > 0);
        return new PublishedSave(updated, notice.Length > 0);
    }

    /// <summary>After the save is committed: the public-change steps (caches, search index, notifications).</summary>
    private async Task AnnounceAsync(int articleId, PublishedSave saved)
    {
        if (saved.Updated)
        {
            await publicChanges.AnnounceAsync(articleId, PublicChange.Updated);
        }

        if (saved.Corrected)
        {
            await publicChanges.AnnounceAsync(articleId, PublicChange.Corrected);
        }
    }

    private string PublishedSaveMessage(PublishedSave saved, DateTime now)
    {
        var at = time.ToLocal(now).ToString("HH:mm", CultureInfo.InvariantCulture);
        return (saved.Corrected
            ? text["The article is updated and the correction published at {0}.", at]
            : saved.Updated
                ? text["The published article was updated at {0}.", at]
                : text["Nothing readers see has changed: the published article stays as it was."]).Value;
    }

    private string NoticeTooLong() => text["The correction notice is too long: at most {0} characters.", ArticleCorrection.NoticeMaxLength];

    /// <summary>The audit action of a saved change to a published article's public content.</summary>
    public const string UpdatePublishedAction = "article.update";

    /// <summary>
    /// Saves the working copy without a revision, for the editor's timer and for leaving the page (then with
    /// <paramref name="release"/>: the lock goes once the text is in). It counts as a heartbeat of the lock.
    /// Answers JSON: the new version and time, or why not (409 when someone else saved first or has the
    /// article open; what was sent is then kept as a revision).
    /// </summary>
    [HttpPost("{id:int}/autosave")]
    public async Task<IActionResult> Autosave(int id, ArticleInput input, bool release = false)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound(new { error = text["This article does not exist."].Value });
        }

        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            return StatusCode(StatusCodes.Status403Forbidden, new { error = text["This article can no longer be changed by you: it is {0}.", text.Status(article.Status)].Value });
        }

        if (article.Status == ArticleStatus.Published)
        {
            // Readers would see half-typed text, and every autosave would be an update evicting caches and
            // reindexing. The editor page does not autosave a published article; the browser keeps a copy.
            return StatusCode(StatusCodes.Status403Forbidden, new { error = text["A published article is not saved automatically: press “Update the published article” when your changes are ready for readers."].Value });
        }

        var userId = users.GetUserId(User)!;
        if (await locks.HoldAsync(article, userId) is { } holder)
        {
            return Conflict(await LockedJsonAsync(article, input, holder, userId));
        }

        if (input.Version != article.Version && !editing.AlreadyStored(article, input))
        {
            return Conflict(await ConflictJsonAsync(article));
        }

        if (!ModelState.IsValid)
        {
            return BadRequest(new { error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)) });
        }

        var problems = await editing.ApplyAsync(article, input, userId);
        if (problems.Count > 0)
        {
            return BadRequest(new { error = string.Join(" ", problems.Select(p => p.Value)) });
        }

        if (!await TrySaveAsync(article))
        {
            return Conflict(await ConflictJsonAsync(article));
        }

        if (release)
        {
            await locks.ReleaseAsync(id, userId);
        }

        return Ok(new
        {
            version = article.Version,
            slug = article.Slug,
            savedAt = time.ToLocal(article.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture),
            message = text["Saved at {0}", time.ToLocal(article.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture)].Value,
        });
    }

    [HttpPost("{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var decision = ArticleWorkflow.Decide(article.Status, new WorkflowRequest(
            WorkflowAction.Withdraw, editing.ActorFor(article, User), now, EditorHasActed: article.ReviewStartedAt is not null));
        if (!decision.Allowed)
        {
            TempData["Message"] = text.Refusal(decision.Refusal);
            return RedirectToAction(nameof(Preview), new { id });
        }

        var from = article.Status;
        article.Status = decision.To;
        article.SubmittedAt = null;
        db.AuditEvents.Add(ArticleAudit(article, WorkflowAction.Withdraw, from, decision.To, note: null));
        if (!await TrySaveAsync(article))
        {
            TempData["Message"] = text["An editor changed this article just now. Look at it again before withdrawing."].Value;
            return RedirectToAction(nameof(Preview), new { id });
        }

        TempData["Message"] = text["The article is back in your drafts."].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A reporter may throw away a draft that never went to an editor.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        if (article.Status != ArticleStatus.Draft || article.SubmittedAt is not null || article.PublishedAt is not null
            || await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Article) && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "article.submit")
            || !editing.ActorFor(article, User).IsOwner)
        {
            TempData["Message"] = text["Only your own drafts that never went to an editor can be deleted."].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        db.Articles.Remove(article);
        await db.SaveChangesAsync();
        TempData["Message"] = text["The draft was deleted."].Value;
        return Redirect("/newsroom");
    }

    /// <summary>The article exactly as its public page will show it, for newsroom eyes only.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Preview(int id)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var page = (await ArticlePage.LoadAsync(db, db.Articles.Where(a => a.Id == id)))!;
        var actor = editing.ActorFor(article, User);
        var actions = ArticleWorkflow.AvailableActions(article.Status, actor)
            .Where(a => a != WorkflowAction.Withdraw || article.ReviewStartedAt is null)
            .ToList();
        return View(new PreviewView(id, article.Status, page, actions, ArticleWorkflow.CanEditContent(article.Status, actor), await NotesAsync(id)));
    }

    [HttpGet("{id:int}/revisions/{number:int}")]
    public async Task<IActionResult> Revision(int id, int number)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var page = await RevisionPageAsync(article, number, error: null);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>
    /// Two versions side by side: <paramref name="from"/> a revision, <paramref name="to"/> a later one or
    /// <see cref="CurrentVersion"/> (the article as it is now, autosaves included). By default the latest
    /// two revisions, or the only one and the article as it is now.
    /// </summary>
    [HttpGet("{id:int}/compare")]
    public async Task<IActionResult> Compare(int id, int? from, string? to)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.CreatedAt, r.CreatedBy!.DisplayName, r.Reason)).ToListAsync();
        var canRestore = ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User));
        if (revisions.Count == 0)
        {
            return View(new CompareView(id, revisions, null, null, null, canRestore, article.Version));
        }

        // Null stands for the article as it is now.
        int? newer = to switch
        {
            CurrentVersion => null,
            null when revisions.Count == 1 => null,
            _ when int.TryParse(to, CultureInfo.InvariantCulture, out var number) => number,
            _ => revisions[0].Number,
        };
        var older = from ?? revisions.FirstOrDefault(r => newer is null || r.Number < newer)?.Number ?? newer!.Value;
        if (older > newer)
        {
            (older, newer) = (newer.Value, older);
        }

        var olderRevision = await db.ArticleRevisions.AsNoTracking().Include(r => r.CreatedBy).FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == older);
        var newerRevision = newer is null
            ? ArticleRevision.Snapshot(article, 0, article.UpdatedById ?? "", article.UpdatedAt, reason: null)
            : await db.ArticleRevisions.AsNoTracking().Include(r => r.CreatedBy).FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == newer);
        if (olderRevision is null || newerRevision is null)
        {
            return NotFound();
        }

        var newerBy = newerRevision.CreatedBy?.DisplayName;
        if (newer is null && article.UpdatedById is not null)
        {
            newerBy = (await users.FindByIdAsync(article.UpdatedById))?.DisplayName;
        }

        return View(new CompareView(
            id,
            revisions,
            new CompareSide(older, olderRevision.CreatedAt, olderRevision.CreatedBy?.DisplayName ?? ""),
            new CompareSide(newer, newerRevision.CreatedAt, newerBy ?? ""),
            RevisionDiff.Between(olderRevision, newerRevision),
            canRestore,
            article.Version));
    }

    /// <summary>The value of <c>to</c> that compares with the article as it is now.</summary>
    public const string CurrentVersion = "current";

    /// <summary>
    /// Puts an earlier revision's content back, as a new revision. Only for someone who may change the
    /// content now, and only from a page that showed the article's current version.
    /// </summary>
    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> Restore(int id, int number, Guid version)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number);
        if (revision is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            return await RevisionRefusalAsync(id, number, StatusCodes.Status403Forbidden,
                text["This article can no longer be changed by you: it is {0}.", text.Status(article.Status)]);
        }

        var userId = users.GetUserId(User)!;
        if (await locks.HoldAsync(article, userId) is { } holder)
        {
            return await RevisionRefusalAsync(id, number, StatusCodes.Status409Conflict,
                text["{0} has had this article open in the editor since {1}, so nothing was restored. Take over editing first if you need to restore a revision.", holder.Name, Since(holder)]);
        }

        if (version != article.Version)
        {
            return await RevisionRefusalAsync(id, number, StatusCodes.Status409Conflict, StaleRestoreMessage());
        }

        var result = await editing.RestoreAsync(article, revision, userId);
        if (result.Problems.Count > 0)
        {
            return await RevisionRefusalAsync(id, number, StatusCodes.Status409Conflict, string.Join(" ", result.Problems));
        }

        if (result.NewRevision is not { } restoredAs)
        {
            TempData["Message"] = text["The article already has the content of revision {0}: nothing was changed.", number].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        var restoredAt = clock.GetUtcNow().UtcDateTime;
        var published = article.Status == ArticleStatus.Published;
        if (published)
        {
            article.PublicUpdatedAt = restoredAt;
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = restoredAt,
            UserId = userId,
            Action = "article.restore",
            EntityType = nameof(Article),
            EntityId = id.ToString(CultureInfo.InvariantCulture),
            Note = ArticleEditing.RestoredReason(number),
        });
        if (!await TrySaveAsync(article))
        {
            return await RevisionRefusalAsync(id, number, StatusCodes.Status409Conflict, StaleRestoreMessage());
        }

        if (published)
        {
            await publicChanges.AnnounceAsync(id, PublicChange.Updated);
        }

        logger.LogInformation("Article {ArticleId} restored from revision {Number} by {UserId}", id, number, userId);
        TempData["Message"] = string.Join(" ", [text["Revision {0} was restored as revision {1}.", number, restoredAs].Value, .. result.Notes]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// The conflict screen's answer: the person's version with, for each part that differs from the article
    /// as stored now, the side they chose. Saved against the version the screen showed; when someone saved
    /// again meanwhile, the screen comes back with the newest version.
    /// </summary>
    [HttpPost("{id:int}/resolve")]
    public async Task<IActionResult> Resolve(int id, ConflictInput input)
    {
        var article = await editing.LoadAsync(id);
        if (article is null || !editing.CanSee(article, User))
        {
            return NotFound();
        }

        var userId = users.GetUserId(User)!;
        if (!ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)))
        {
            TempData["Message"] = text["This article can no longer be changed by you: it is {0}.", text.Status(article.Status)].Value;
            return RedirectToAction(nameof(Preview), new { id });
        }

        if (await locks.HoldAsync(article, userId) is { } holder)
        {
            return await LockedPageAsync(id, input.Mine, holder, userId);
        }

        var keptRevision = input.KeptRevision > 0 ? input.KeptRevision : (int?)null;
        if (!ModelState.IsValid)
        {
            var errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
            ModelState.Clear();
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return await ConflictPageAsync(id, input.Mine, userId, input.Keep, keptRevision);
        }

        if (input.Version != article.Version)
        {
            ModelState.AddModelError(string.Empty, text["Someone saved the article again while you were choosing. The current version below is the newest one: check your choices and save again."]);
            return await ConflictPageAsync(id, input.Mine, userId, input.Keep, keptRevision);
        }

        var (current, parts, slugFollowsTitle) = await conflicts.CompareAsync(id, input.Mine, userId);
        var unchosen = parts.Where(p => !input.Keep.ContainsKey(p.Field)).Select(p => p.Field).ToList();
        if (unchosen.Count > 0)
        {
            ModelState.AddModelError(string.Empty, text["Choose which version to keep for: {0}.", string.Join(", ", unchosen.Select(ConflictLabel))]);
            return await ConflictPageAsync(id, input.Mine, userId, input.Keep, keptRevision);
        }

        var notice = ArticleCorrections.Clean(input.Mine.CorrectionNotice);
        if (current.Status == ArticleStatus.Published && notice.Length > ArticleCorrection.NoticeMaxLength)
        {
            ModelState.AddModelError(string.Empty, NoticeTooLong());
            return await ConflictPageAsync(id, input.Mine, userId, input.Keep, keptRevision);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = current.Status == ArticleStatus.Published ? ArticleRevision.Snapshot(current, 0, userId, now, reason: null) : null;
        var chosen = SaveConflicts.Combine(current, input.Mine, parts.Select(p => p.Field), input.Keep, slugFollowsTitle);
        var problems = await editing.ApplyAsync(current, chosen, userId);
        if (problems.Count > 0)
        {
            foreach (var (_, message) in problems)
            {
                ModelState.AddModelError(string.Empty, message);
            }

            return await ConflictPageAsync(id, input.Mine, userId, input.Keep, keptRevision);
        }

        var published = before is null ? null : await RecordPublishedSaveAsync(current, before, notice, userId, now);
        if (published is null)
        {
            await editing.AddRevisionAsync(current, userId, "saved");
        }

        if (!await TrySaveAsync(current))
        {
            ModelState.AddModelError(string.Empty, text["Someone saved the article again while you were choosing. The current version below is the newest one: check your choices and save again."]);
            return await ConflictPageAsync(id, input.Mine, userId, input.Keep, keptRevision);
        }

        logger.LogInformation("Article {ArticleId}: save conflict resolved by {UserId}", id, userId);
        if (published is not null)
        {
            await AnnounceAsync(id, published);
            TempData["Message"] = PublishedSaveMessage(published, now);
            return RedirectToAction(nameof(Edit), new { id });
        }

        TempData["Message"] = text["Saved at {0}, with the parts you chose.", time.ToLocal(current.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture)].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The parts of the article in the conflict screen's error message.</summary>
    private string ConflictLabel(ConflictField field) => field switch
    {
        ConflictField.Title => text["title"],
        ConflictField.Sapo => text["sapo"],
        ConflictField.Slug => text["web address"],
        ConflictField.Section => text["section"],
        ConflictField.Tags => text["tags"],
        ConflictField.Byline => text["the byline"],
        ConflictField.FeaturedImage => text["the featured image"],
        ConflictField.Caption => text["caption"],
        ConflictField.Credit => text["photo credit"],
        ConflictField.AltText => text["alternative text"],
        _ => text["body"],
    };

    /// <summary>Tag suggestions for the editor's autocomplete: names containing what was typed, accents or not.</summary>
    [HttpGet("/newsroom/tags/suggest")]
    public async Task<IActionResult> SuggestTags(string? q)
    {
        var term = Tag.NormalizeName(q ?? "");
        if (term.Length == 0)
        {
            return Ok(Array.Empty<string>());
        }

        var folded = VietnameseText.Slugify(term, Tag.SlugMaxLength);
        var names = await db.Tags
            .Where(t => t.NormalizedName.StartsWith(term) || t.NormalizedName.Contains(" " + term) || (folded.Length > 0 && t.Slug.StartsWith(folded)))
            .OrderBy(t => t.Name)
            .Select(t => t.Name)
            .Take(10)
            .ToListAsync();
        return Ok(names);
    }

    private async Task<bool> TrySaveAsync(Article article)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change to article {ArticleId}", article.Id);
            return false;
        }
    }

    private async Task<RevisionView?> RevisionPageAsync(Article article, int number, string? error)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().Include(r => r.CreatedBy).FirstOrDefaultAsync(r => r.ArticleId == article.Id && r.Number == number);
        return revision is null ? null : new RevisionView(
            article.Id,
            revision,
            revision.Metadata,
            revision.CreatedBy?.DisplayName ?? "",
            ArticleWorkflow.CanEditContent(article.Status, editing.ActorFor(article, User)),
            article.Version,
            error);
    }

    /// <summary>The revision page again, with why nothing was restored, as the article is stored now.</summary>
    private async Task<IActionResult> RevisionRefusalAsync(int id, int number, int status, string error)
    {
        db.ChangeTracker.Clear();
        var article = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == id);
        Response.StatusCode = status;
        return View("Revision", await RevisionPageAsync(article, number, error));
    }

    private string StaleRestoreMessage() =>
        text["Someone saved this article after you opened this page, so nothing was restored. Compare the revision with the current version and restore it again if you still want to."];

    private AuditEvent ArticleAudit(Article article, WorkflowAction action, ArticleStatus from, ArticleStatus to, string? note) =>
        PublishingAudit.Event(clock.GetUtcNow().UtcDateTime, users.GetUserId(User), PublishingAudit.For(action), article.Id, from, to, note);

    /// <summary>
    /// Someone's save met another person's: their whole version is kept as a revision first, then the
    /// screen shows both, part by part, to choose from.
    /// </summary>
    private async Task<IActionResult> ConflictPageAsync(int id, ArticleInput mine, string userId, IReadOnlyDictionary<ConflictField, KeepSide>? chosen = null, int? keptRevision = null)
    {
        var kept = keptRevision ?? (await editing.KeepAsRevisionAsync(id, mine, userId, RevisionReasons.KeptAtConflict)).Number;
        var view = await conflicts.BuildAsync(id, mine, kept, userId, chosen ?? new Dictionary<ConflictField, KeepSide>());
        // The screen posts its own fields; what was bound from the editor form is shown from the view.
        foreach (var key in ModelState.Keys.Where(k => k.Length > 0).ToList())
        {
            ModelState.Remove(key);
        }

        logger.LogInformation("Article {ArticleId}: save conflict shown to {UserId}, their version kept as revision {Number}", id, userId, kept);
        return View("Conflict", view);
    }

    /// <summary>
    /// A save from someone who does not hold the lock while another person has the article open (most often:
    /// their editor was taken over). Nothing is applied; what they sent is kept as a revision and the editor
    /// comes back read-only, saying so.
    /// </summary>
    private async Task<IActionResult> LockedPageAsync(int id, ArticleInput input, LockHolder holder, string userId)
    {
        var kept = await KeepRefusedAsync(id, input, holder, userId);
        db.ChangeTracker.Clear();
        var article = (await editing.LoadAsync(id))!;
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Editor", await BuildEditorAsync(article, ArticleInput.From(article), missing: [], new EditorLock(holder, kept, ReadOnly: true)));
    }

    private async Task<object> LockedJsonAsync(Article article, ArticleInput input, LockHolder holder, string userId)
    {
        var kept = await KeepRefusedAsync(article.Id, input, holder, userId);
        var message = text["{0} took over this article at {1}, so the editor is read-only for you now.", holder.Name, Since(holder)].Value;
        return kept is { } number
            ? new
            {
                error = message + " " + text["What you typed and had not saved was not applied to the article: it is kept as revision {0}.", number].Value,
                lockedBy = holder.Name,
                revisionUrl = (string?)$"/newsroom/articles/{article.Id}/revisions/{number}",
                revisionLink = (string?)text["Open revision {0}", number].Value,
            }
            : new { error = message, lockedBy = holder.Name, revisionUrl = (string?)null, revisionLink = (string?)null };
    }

    /// <summary>What a refused save carried, as a revision, unless the article already holds exactly that.</summary>
    private async Task<int?> KeepRefusedAsync(int id, ArticleInput input, LockHolder holder, string userId)
    {
        db.ChangeTracker.Clear();
        var stored = (await editing.LoadAsync(id))!;
        if (editing.AlreadyStored(stored, input))
        {
            return null;
        }

        var kept = await editing.KeepAsRevisionAsync(id, input, userId, RevisionReasons.UnsavedAtTakeOver(holder.Name));
        logger.LogInformation("Article {ArticleId}: a save by {UserId} while {HolderId} has it open was kept as revision {Number}", id, userId, holder.UserId, kept.Number);
        return kept.Number;
    }

    private string Since(LockHolder holder) => time.FormatSince(holder.Since, clock.GetUtcNow().UtcDateTime);

    private async Task<object> ConflictJsonAsync(Article article)
    {
        db.ChangeTracker.Clear();
        var current = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == article.Id);
        var savedBy = current.UpdatedById is null ? "" : (await users.FindByIdAsync(current.UpdatedById))?.DisplayName ?? "";
        return new
        {
            error = text["{0} saved this article at {1} while you were editing. Your text is kept in this browser: save to compare both versions.",
                savedBy, time.ToLocal(current.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture)].Value,
        };
    }

    private async Task<EditorView> BuildEditorAsync(Article article, ArticleInput input, IReadOnlyList<MissingPart> missing, EditorLock editorLock)
    {
        var sections = await db.Sections.Where(s => !s.IsHidden || s.Id == article.SectionId).OrderBy(s => s.DisplayOrder).Select(s => new Choice(s.Id, s.Name)).ToListAsync();
        var chosen = input.AuthorIds.OfType<int>().ToList();
        var authors = (await db.Authors.Where(a => !a.IsRetired || chosen.Contains(a.Id)).Select(a => new Choice(a.Id, a.PenName)).ToListAsync())
            .OrderBy(a => a.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .ToList();
        var image = input.FeaturedImageId is { } imageId
            ? await db.MediaAssets.Where(m => m.Id == imageId).Select(m => new FeaturedImageView(m.Id, MediaUrls.Url(m.StoredName), m.Width, m.Height)).FirstOrDefaultAsync()
            : null;
        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.CreatedAt, r.CreatedBy!.DisplayName, r.Reason)).ToListAsync();
        var actor = editing.ActorFor(article, User);
        var settings = new EditorSettings(
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            editorOptions.Value.LicenseKey,
            embedOptions.Value.AllowedVideoHosts,
            (int)Math.Max(5, editorOptions.Value.AutosaveInterval.TotalSeconds),
            (int)Math.Max(5, editorOptions.Value.LockHeartbeatInterval.TotalSeconds));
        return new EditorView(
            article.Id,
            article.Status,
            input,
            sections,
            authors,
            image,
            revisions,
            await NotesAsync(article.Id),
            missing,
            article.UpdatedAt,
            CanSubmit: !editorLock.ReadOnly && ArticleWorkflow.AvailableActions(article.Status, actor).Any(a => a is WorkflowAction.Submit or WorkflowAction.Resubmit),
            settings,
            editorLock);
    }

    private Task<List<NoteRow>> NotesAsync(int articleId) =>
        db.EditorialNotes.Where(n => n.ArticleId == articleId).OrderBy(n => n.CreatedAt)
            .Select(n => new NoteRow(n.CreatedAt, n.Author!.DisplayName, n.Text)).ToListAsync();
}
