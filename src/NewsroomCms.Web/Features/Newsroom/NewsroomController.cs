using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Newsroom;

/// <summary>The reporter's desk: the back-office home every newsroom member lands on after signing in.</summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom")]
public sealed class NewsroomController(NewsroomDbContext db, UserManager<ApplicationUser> users) : Controller
{
    private const int PublishedShown = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var userId = users.GetUserId(User);
        var mine = db.Articles.Where(a => a.CreatedById == userId);
        var working = await mine
            .Where(a => a.Status != ArticleStatus.Published && a.Status != ArticleStatus.Unpublished)
            .OrderByDescending(a => a.UpdatedAt)
            .Select(DeskRow.Projection)
            .ToListAsync();
        var published = await mine
            .Where(a => a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Unpublished)
            .OrderByDescending(a => a.PublishedAt)
            .Take(PublishedShown)
            .Select(DeskRow.Projection)
            .ToListAsync();
        return View("Desk", new DeskView(
            SentBack: working.Where(r => r.Status == ArticleStatus.ChangesRequested).ToList(),
            Drafts: working.Where(r => r.Status == ArticleStatus.Draft).ToList(),
            WithEditors: working.Where(r => r.Status is ArticleStatus.Submitted or ArticleStatus.Scheduled).ToList(),
            Published: published));
    }
}

public sealed record DeskView(
    IReadOnlyList<DeskRow> SentBack,
    IReadOnlyList<DeskRow> Drafts,
    IReadOnlyList<DeskRow> WithEditors,
    IReadOnlyList<DeskRow> Published);

public sealed record DeskRow(int Id, string Title, ArticleStatus Status, string? Section, DateTime UpdatedAt, DateTime? ScheduledAt, string? LatestNote)
{
    public static readonly System.Linq.Expressions.Expression<Func<Article, DeskRow>> Projection = a => new DeskRow(
        a.Id,
        a.Title,
        a.Status,
        a.Section == null ? null : a.Section.Name,
        a.UpdatedAt,
        a.ScheduledAt,
        a.Notes.OrderByDescending(n => n.CreatedAt).Select(n => n.Text).FirstOrDefault());
}
