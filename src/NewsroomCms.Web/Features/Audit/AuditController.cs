using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Audit;

/// <summary>The audit log for administrators: who did what, when, to which item, newest first.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("newsroom/audit")]
public sealed class AuditController(NewsroomDbContext db, NewsroomTime time) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrEmpty(filter.UserId))
        {
            query = query.Where(e => e.UserId == filter.UserId);
        }

        if (filter.ArticleId is { } articleId)
        {
            var id = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            query = query.Where(e => e.EntityType == nameof(Article) && e.EntityId == id);
        }

        if (filter.From is { } from)
        {
            var fromUtc = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.OccurredAt < toUtc);
        }

        var page = Math.Max(1, filter.Page);
        var rows = await query
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(e => new AuditRow(e.OccurredAt, e.User == null ? null : e.User.DisplayName, e.Action, e.EntityType, e.EntityId, e.FromState, e.ToState, e.Note))
            .ToListAsync();
        var actions = await db.AuditEvents.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync();
        var people = await db.Users.OrderBy(u => u.DisplayName).Select(u => new AuditPerson(u.Id, u.DisplayName)).ToListAsync();
        return View("Audit", new AuditView(filter, rows.Take(PageSize).ToList(), page, rows.Count > PageSize, actions, people));
    }
}

public sealed class AuditFilter
{
    public string? Action { get; set; }
    public string? UserId { get; set; }
    public int? ArticleId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AuditRow(DateTime OccurredAt, string? By, string Action, string EntityType, string EntityId, string? From, string? To, string? Note);

public sealed record AuditPerson(string Id, string Name);

public sealed record AuditView(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, int Page, bool HasMore, IReadOnlyList<string> Actions, IReadOnlyList<AuditPerson> People);
