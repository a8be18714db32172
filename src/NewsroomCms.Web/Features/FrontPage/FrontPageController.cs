using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.FrontPage;

/// <summary>
/// Editors choose the home page's lead story (position 0) and featured stories (1 to 6) among published
/// articles. A place left empty, or whose article is no longer published, shows the newest article instead.
/// One form posts every place at once, so it works without script; the move buttons post it too.
/// </summary>
[Authorize(Policy = Policies.Review)]
[Route("newsroom/front-page")]
public sealed class FrontPageController(
    NewsroomDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    PortalEviction portalPages,
    IStringLocalizer<FrontPageResource> text,
    ILogger<FrontPageController> logger) : Controller
{
    public const int Places = FrontPageSlot.FeaturedCount + 1;

    /// <summary>Published articles offered in the lists without a search: the newest ones.</summary>
    public const int RecentChoices = 50;

    /// <summary>How far back a search looks, newest first.</summary>
    public const int SearchDepth = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        var slots = await CurrentSlotsAsync();
        var input = new FrontPageInput { Articles = Enumerable.Range(0, Places).Select(p => slots.GetValueOrDefault(p)?.ArticleId).ToList(), Version = VersionOf(slots) };
        return await ShowAsync(input, q, StatusCodes.Status200OK);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(FrontPageInput input)
    {
        var chosen = Normalize(input.Articles);
        if (input.Move is { } move && ParseMove(move) is (var position, var offset) && position + offset is >= 0 and < Places)
        {
            (chosen[position], chosen[position + offset]) = (chosen[position + offset], chosen[position]);
        }

        input.Articles = chosen;
        var slots = await CurrentSlotsAsync();
        if ((input.Version ?? "") != VersionOf(slots))
        {
            ModelState.AddModelError(string.Empty, text["Someone else changed the front page while you were choosing. Here it is as it is now; make your changes again."]);
            return await ShowAsync(new FrontPageInput { Articles = Enumerable.Range(0, Places).Select(p => slots.GetValueOrDefault(p)?.ArticleId).ToList(), Version = VersionOf(slots) }, null, StatusCodes.Status409Conflict);
        }

        var ids = chosen.OfType<int>().ToList();
        if (ids.Count != ids.Distinct().Count())
        {
            ModelState.AddModelError(string.Empty, text["An article can be in only one place on the front page."]);
        }

        var published = await db.Articles.Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published).Select(a => a.Id).ToListAsync();
        if (ids.Except(published).Any())
        {
            ModelState.AddModelError(string.Empty, text["Only published articles can be on the front page."]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(input, null, StatusCodes.Status422UnprocessableEntity);
        }

        await ReplaceAsync(chosen, FrontPageAudit.Changed);
        TempData["Message"] = text["The front page is saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("clear")]
    public async Task<IActionResult> Clear(FrontPageInput input)
    {
        var slots = await CurrentSlotsAsync();
        if ((input.Version ?? "") != VersionOf(slots))
        {
            ModelState.AddModelError(string.Empty, text["Someone else changed the front page while you were choosing. Here it is as it is now; make your changes again."]);
            return await ShowAsync(new FrontPageInput { Articles = Enumerable.Range(0, Places).Select(p => slots.GetValueOrDefault(p)?.ArticleId).ToList(), Version = VersionOf(slots) }, null, StatusCodes.Status409Conflict);
        }

        await ReplaceAsync(new int?[Places], FrontPageAudit.Cleared);
        TempData["Message"] = text["The front page is cleared: it shows the newest articles."].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task ReplaceAsync(IReadOnlyList<int?> chosen, string action)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = users.GetUserId(User)!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Deleted first in the database: an article moving to another place keeps its unique index free.
            await db.FrontPageSlots.ExecuteDeleteAsync();
            for (var position = 0; position < chosen.Count; position++)
            {
                if (chosen[position] is { } articleId)
                {
                    db.FrontPageSlots.Add(new FrontPageSlot { Position = position, ArticleId = articleId, AssignedAt = now, AssignedById = userId });
                }
            }

            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = now,
                UserId = userId,
                Action = action,
                EntityType = FrontPageAudit.EntityType,
                EntityId = FrontPageAudit.EntityId,
                Note = Describe(chosen),
            });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        // Readers' cached pages still show the old front page.
        await portalPages.EvictAsync(HttpContext.RequestAborted);
        logger.LogInformation("Front page {Action} by {UserId}: {Places}", action, userId, Describe(chosen));
    }

    private async Task<IActionResult> ShowAsync(FrontPageInput input, string? q, int status)
    {
        var slots = await CurrentSlotsAsync();
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        List<Choice> choices;
        if (search is null)
        {
            choices = await Newest(db.Articles.Where(a => a.Status == ArticleStatus.Published)).Take(RecentChoices).Select(ChoiceOf).ToListAsync();
        }
        else
        {
            // Titles are matched here, with and without Vietnamese accents, among the newest published articles.
            var folded = Fold(search);
            choices = (await Newest(db.Articles.Where(a => a.Status == ArticleStatus.Published)).Take(SearchDepth).Select(ChoiceOf).ToListAsync())
                .Where(c => Fold(c.Title).Contains(folded, StringComparison.Ordinal))
                .Take(RecentChoices)
                .ToList();
        }

        // What is already chosen stays choosable, whether or not the search found it.
        var wanted = input.Articles.OfType<int>().Except(choices.Select(c => c.Id)).ToList();
        if (wanted.Count > 0)
        {
            choices.AddRange(await Newest(db.Articles.Where(a => wanted.Contains(a.Id) && a.Status == ArticleStatus.Published)).Select(ChoiceOf).ToListAsync());
        }

        var places = Enumerable.Range(0, Places)
            .Select(p => new PlaceRow(p, input.Articles.ElementAtOrDefault(p), slots.GetValueOrDefault(p) is { Published: false } stale ? stale.Title : null))
            .ToList();
        Response.StatusCode = status;
        return View("FrontPage", new FrontPageView(places, choices.OrderByDescending(c => c.PublishedAt).ToList(), search, input.Version));
    }

    private async Task<Dictionary<int, SlotState>> CurrentSlotsAsync() =>
        await db.FrontPageSlots.AsNoTracking()
            .Select(s => new SlotState(s.Position, s.ArticleId, s.Article!.Title, s.Article.Status == ArticleStatus.Published))
            .ToDictionaryAsync(s => s.Position);

    /// <summary>What the form was built from: a save based on anything else would undo someone's change.</summary>
    private static string VersionOf(Dictionary<int, SlotState> slots) =>
        string.Join(",", slots.Values.OrderBy(s => s.Position).Select(s => $"{s.Position}:{s.ArticleId}"));

    private static List<int?> Normalize(IReadOnlyList<int?>? posted) =>
        Enumerable.Range(0, Places).Select(p => posted?.ElementAtOrDefault(p)).ToList();

    /// <summary>"3:up" or "3:down".</summary>
    private static (int Position, int Offset)? ParseMove(string move) =>
        move.Split(':') is [var p, var direction] && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < Places
            ? direction switch
            {
                "up" => (position, -1),
                "down" => (position, 1),
                _ => null,
            }
            : null;

    private static string Describe(IReadOnlyList<int?> chosen) =>
        string.Join("; ", chosen.Select((id, position) => $"{position}: {(id is { } articleId ? "#" + articleId.ToString(CultureInfo.InvariantCulture) : "-")}"));

    private static IOrderedQueryable<Article> Newest(IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    private static readonly System.Linq.Expressions.Expression<Func<Article, Choice>> ChoiceOf =
        a => new Choice(a.Id, a.Title, a.PublishedAt!.Value, a.Section == null ? null : a.Section.Name);

    private static string Fold(string text) => VietnameseText.RemoveDiacritics(VietnameseText.Normalize(text)).ToLowerInvariant();

    private sealed record SlotState(int Position, int ArticleId, string Title, bool Published);
}

public static class FrontPageAudit
{
    public const string Changed = "frontpage.changed";
    public const string Cleared = "frontpage.cleared";
    public const string EntityType = "FrontPage";
    public const string EntityId = "home";
}

public sealed class FrontPageInput
{
    /// <summary>Article id per place, index 0 the lead story; empty for "the newest article".</summary>
    public List<int?> Articles { get; set; } = [];

    /// <summary>The places the form was built from; empty (bound as null) while the front page has none.</summary>
    public string? Version { get; set; }

    /// <summary>A move button: "position:up" or "position:down".</summary>
    public string? Move { get; set; }
}

public sealed record Choice(int Id, string Title, DateTime PublishedAt, string? Section);

/// <summary>One place on the form; <c>UnpublishedTitle</c> names its stored article when that is no longer published.</summary>
public sealed record PlaceRow(int Position, int? ArticleId, string? UnpublishedTitle);

public sealed record FrontPageView(IReadOnlyList<PlaceRow> Places, IReadOnlyList<Choice> Choices, string? Search, string? Version);
