using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>What readers see. Only published articles ever leave this controller.</summary>
[AllowAnonymous]
public sealed class PortalController(NewsroomDbContext db, SlugHistory slugHistory) : Controller
{
    private const int HomePageSize = 20;

    [HttpGet("/")]
    public async Task<IActionResult> Home()
    {
        var latest = await db.Articles
            .Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt)
            .Take(HomePageSize)
            .Select(a => new ArticleSummary(a.Title, a.Slug, a.Sapo, a.PublishedAt!.Value, a.Section!.Name))
            .ToListAsync();
        return View(latest);
    }

    [HttpGet("/bai-viet/{slug}")]
    public async Task<IActionResult> Article(string slug)
    {
        var article = await db.Articles
            .Where(a => a.Slug == slug && a.Status == ArticleStatus.Published)
            .Select(ArticlePage.FromArticle)
            .FirstOrDefaultAsync();
        if (article is not null)
        {
            return View(article);
        }

        // Readers may have the link of an article the newsroom took down: say it is gone, not that it never was.
        var takenDown = await db.Articles.AnyAsync(a => a.Slug == slug && a.Status == ArticleStatus.Unpublished);
        if (takenDown)
        {
            return StatusCode(StatusCodes.Status410Gone);
        }

        // An old link to a renamed article leads to its current address, for as long as it is public.
        if (await slugHistory.FindTargetAsync(SlugKind.Article, slug) is { } targetId)
        {
            var current = await db.Articles
                .Where(a => a.Id == targetId && a.Status == ArticleStatus.Published)
                .Select(a => a.Slug)
                .FirstOrDefaultAsync();
            if (current is not null)
            {
                return RedirectToActionPermanent(nameof(Article), new { slug = current });
            }
        }

        return NotFound();
    }
}

public sealed record ArticleSummary(string Title, string Slug, string Sapo, DateTime PublishedAt, string? Section);
