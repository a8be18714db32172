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
    PublicArticleChanges publicChanges,
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

        return View("Editor", await BuildEditorAsync(article, ArticleInput.From(article), missing: [], conflict: null));
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
            return View("Editor", await BuildEditorAsync(article, input, missing: [], conflict: null, readOnly: true));
        }

        if (input.Version != article.Version && !editing.AlreadyStored(article, input))
        {
            return View("Editor", await BuildConflictAsync(article, input));
        }

        if (!ModelState.IsValid)
        {
            return View("Editor", await BuildEditorAsync(article, input, missing: [], conflict: null));
        }

        var userId = users.GetUserId(User)!;
        var problems = await editing.ApplyAsync(article, input, userId);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError(field, message);
            }

            return View("Editor", await BuildEditorAsync(article, input, missing: [], conflict: null));
        }

        var submitting = command == "submit";
        await editing.AddRevisionAsync(article, userId, submitting ? "submitted" : "saved");
        if (!submitting)
        {
            if (!await TrySaveAsync(article))
            {
                return View("Editor", await BuildConflictAsync(article, input));
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
                return View("Editor", await BuildConflictAsync(article, input));
            }

            if (!decision.Allowed)
            {
                ModelState.AddModelError(string.Empty, text.Refusal(decision.Refusal));
            }

            return View("Editor", await BuildEditorAsync(article, ArticleInput.From(article), missing, conflict: null));
        }

        var from = article.Status;
        var now = clock.GetUtcNow().UtcDateTime;
        article.Status = decision.To;
        article.SubmittedAt = now;
        article.ReviewStartedAt = null;
        db.AuditEvents.Add(ArticleAudit(article, action, from, decision.To, note: null));
        if (!await TrySaveAsync(article))
        {
            return View("Editor", await BuildConflictAsync(article, input));
        }

        logger.LogInformation("Article {ArticleId} submitted by {UserId}", article.Id, userId);
        TempData["Message"] = text["“{0}” was sent to the editors.", article.Title].Value;
        return Redirect("/newsroom");
    }

    /// <summary>
    /// Saves the working copy without a revision, for the editor's timer and for leaving the page.
    /// Answers JSON: the new version and time, or why not (409 when someone else saved first).
    /// </summary>
    [HttpPost("{id:int}/autosave")]
    public async Task<IActionResult> Autosave(int id, ArticleInput input)
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

        if (input.Version != article.Version && !editing.AlreadyStored(article, input))
        {
            return Conflict(await ConflictJsonAsync(article));
        }

        if (!ModelState.IsValid)
        {
            return BadRequest(new { error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)) });
        }

        var problems = await editing.ApplyAsync(article, input, users.GetUserId(User)!);
        if (problems.Count > 0)
        {
            return BadRequest(new { error = string.Join(" ", problems.Select(p => p.Value)) });
        }

        if (!await TrySaveAsync(article))
        {
            return Conflict(await ConflictJsonAsync(article));
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

        var page = await db.Articles.Where(a => a.Id == id).Select(ArticlePage.FromArticle).SingleAsync();
        var actor = editing.ActorFor(article, User);
        var actions = ArticleWorkflow.AvailableActions(article.Status, actor)
            .Where(a => a != WorkflowAction.Withdraw || article.ReviewStartedAt is null)
            .ToList();
        Response.Headers.CacheControl = "no-store";
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
        Response.Headers.CacheControl = "no-store";
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

        if (version != article.Version)
        {
            return await RevisionRefusalAsync(id, number, StatusCodes.Status409Conflict, StaleRestoreMessage());
        }

        var userId = users.GetUserId(User)!;
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

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
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

        logger.LogInformation("Article {ArticleId} restored from revision {Number} by {UserId}", id, number, userId);
        TempData["Message"] = string.Join(" ", [text["Revision {0} was restored as revision {1}.", number, restoredAs].Value, .. result.Notes]);
        return RedirectToAction(nameof(Edit), new { id });
    }

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
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change to article {ArticleId}", article.Id);
            return false;
        }

        if (editing.TakePublicAddressChange(article.Id))
        {
            await publicChanges.AnnounceAsync(article.Id, PublicChange.Updated);
        }

        return true;
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

    private async Task<EditorView> BuildConflictAsync(Article article, ArticleInput input)
    {
        // Reload what is really stored now: the tracked entity may hold this request's changes.
        db.ChangeTracker.Clear();
        var current = (await editing.LoadAsync(article.Id))!;
        var savedBy = current.UpdatedById is null ? "" : (await users.FindByIdAsync(current.UpdatedById))?.DisplayName ?? "";
        var conflict = new ConflictView(current.Title, current.Sapo, current.Body, current.UpdatedAt, savedBy);
        // Saving this form again keeps the person's version, on purpose, over the one shown beside it.
        input.Version = current.Version;
        ModelState.Remove(nameof(ArticleInput.Version));
        return await BuildEditorAsync(current, input, missing: [], conflict);
    }

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

    private async Task<EditorView> BuildEditorAsync(Article article, ArticleInput input, IReadOnlyList<MissingPart> missing, ConflictView? conflict, bool readOnly = false)
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
            (int)Math.Max(5, editorOptions.Value.AutosaveInterval.TotalSeconds));
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
            conflict,
            article.UpdatedAt,
            CanSubmit: !readOnly && ArticleWorkflow.AvailableActions(article.Status, actor).Any(a => a is WorkflowAction.Submit or WorkflowAction.Resubmit),
            settings);
    }

    private Task<List<NoteRow>> NotesAsync(int articleId) =>
        db.EditorialNotes.Where(n => n.ArticleId == articleId).OrderBy(n => n.CreatedAt)
            .Select(n => new NoteRow(n.CreatedAt, n.Author!.DisplayName, n.Text)).ToListAsync();
}
