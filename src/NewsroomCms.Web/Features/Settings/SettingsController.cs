using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Settings;

/// <summary>Administrators edit the paper's name and the press-law details of the public footer.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("newsroom/settings")]
public sealed class SettingsController(
    NewsroomDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    NewsroomTime time,
    PortalEviction portalPages,
    IStringLocalizer<SettingsResource> text) : Controller
{
    public const string ChangedAction = "site.settings-changed";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId);
        return View("Settings", settings is null ? new SiteSettingsInput() : SiteSettingsInput.From(settings));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(SiteSettingsInput input)
    {
        var now = clock.GetUtcNow();
        if (input.LicenceDate is { } date && date > time.Today(now))
        {
            ModelState.AddModelError(nameof(SiteSettingsInput.LicenceDate), text["The licence date cannot be in the future."]);
        }

        if (string.IsNullOrWhiteSpace(input.LicenceNumber) && (input.LicenceDate is not null || !string.IsNullOrWhiteSpace(input.LicenceIssuer)))
        {
            ModelState.AddModelError(nameof(SiteSettingsInput.LicenceNumber), text["Enter the licence number too: the footer shows the licence only with its number."]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Settings", input);
        }

        var settings = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }

        var changed = input.ApplyTo(settings);
        if (changed.Count > 0)
        {
            settings.UpdatedAt = now.UtcDateTime;
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = now.UtcDateTime,
                UserId = users.GetUserId(User),
                Action = ChangedAction,
                EntityType = nameof(SiteSettings),
                EntityId = SiteSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Note = string.Join(", ", changed),
            });
            await db.SaveChangesAsync();
            // Every public page shows the name and the footer.
            await portalPages.EvictAsync(HttpContext.RequestAborted);
        }

        TempData["Message"] = changed.Count > 0 ? text["Site settings saved."].Value : text["Nothing changed."].Value;
        return RedirectToAction(nameof(Index));
    }
}
