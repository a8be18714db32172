using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// What every public page shows around its content: the paper's name and press-law details, and the
/// section navigation. Read once per request, by whichever asks first (the controller or the layout).
/// </summary>
public sealed class PortalChrome(NewsroomDbContext db)
{
    private Task<SiteChrome>? _loading;

    public Task<SiteChrome> GetAsync() => _loading ??= LoadAsync();

    private async Task<SiteChrome> LoadAsync()
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId);
        var sections = await db.Sections.AsNoTracking()
            .Where(s => !s.IsHidden)
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id)
            .Select(s => new LinkedName(s.Name, s.Slug))
            .ToListAsync();
        return new SiteChrome(settings ?? new SiteSettings(), sections);
    }
}

/// <param name="Settings">The stored settings, or empty ones before an administrator has saved any.</param>
/// <param name="Sections">Visible sections in display order.</param>
public sealed record SiteChrome(SiteSettings Settings, IReadOnlyList<LinkedName> Sections)
{
    /// <summary>The paper's name, or the product's until an administrator has set it.</summary>
    public string PublicationName => string.IsNullOrWhiteSpace(Settings.PublicationName) ? "NewsroomCms" : Settings.PublicationName;
}
