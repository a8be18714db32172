using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// What every public page shows around its content: the paper's name and press-law details, and the
/// section navigation. Kept between changes (<see cref="PortalSnapshot"/>) and asked once per request, by
/// whichever asks first (the controller or the layout).
/// </summary>
public sealed class PortalChrome(NewsroomDbContext db, PortalSnapshot snapshot, IOptions<SiteOptions> options)
{
    private Task<SiteChrome>? _loading;

    public Task<SiteChrome> GetAsync() => _loading ??= snapshot.ChromeAsync(LoadAsync);

    private async Task<SiteChrome> LoadAsync()
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId);
        var sections = await db.Sections.AsNoTracking()
            .Where(s => !s.IsHidden)
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id)
            .Select(s => new LinkedName(s.Name, s.Slug))
            .ToListAsync();
        var name = options.Value.PublicationNameOr(settings?.PublicationName);
        return new SiteChrome(settings ?? new SiteSettings(), sections, name);
    }
}

/// <param name="Settings">The stored settings, or empty ones before an administrator has saved any.</param>
/// <param name="Sections">Visible sections in display order.</param>
/// <param name="PublicationName">The paper's name, or <see cref="SiteOptions.PublicationName"/> until an administrator has set it.</param>
public sealed record SiteChrome(SiteSettings Settings, IReadOnlyList<LinkedName> Sections, string PublicationName);
