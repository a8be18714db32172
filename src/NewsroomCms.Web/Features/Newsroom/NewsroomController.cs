using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Newsroom;

/// <summary>The back-office home every newsroom member lands on after signing in.</summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom")]
public sealed class NewsroomController(NewsroomDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var counts = await db.Articles
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count);
        return View("Desk", new DeskView(counts));
    }
}

public sealed record DeskView(IReadOnlyDictionary<ArticleStatus, int> CountsByStatus)
{
    public int Count(ArticleStatus status) => CountsByStatus.GetValueOrDefault(status);
}
