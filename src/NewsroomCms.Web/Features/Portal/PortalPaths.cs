using System.Globalization;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// The addresses of readers' pages, relative to the site, for links. Absolute ones (canonical, OpenGraph,
/// JSON-LD) are <see cref="Site.PublicUrls"/>.<see cref="Site.PublicUrls.Absolute"/> of these.
/// </summary>
public static class PortalPaths
{
    public const string LogoPath = "/img/logo.png";
    public const int LogoWidth = 112;
    public const int LogoHeight = 112;

    public static string ArticlePath(string slug) => "/bai-viet/" + slug;

    public static string SectionPath(string slug, int page = 1) => WithPage("/chuyen-muc/" + slug, page);

    /// <summary>The section's RSS feed (its listed sub-sections' articles included).</summary>
    public static string SectionFeedPath(string slug) => SectionPath(slug) + "/rss";

    public static string TagPath(string slug, int page = 1) => WithPage("/the/" + slug, page);

    public static string AuthorPath(string slug, int page = 1) => WithPage("/tac-gia/" + slug, page);

    /// <summary>Page 1 has no number: one address per page.</summary>
    public static string WithPage(string path, int page) =>
        page <= 1 ? path : $"{path}?{Listing.PageParameter}={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The "older articles" link: the next page, and the article it follows (<see cref="Listing"/>).</summary>
    public static string WithPageAfter(string path, int page, int after) =>
        $"{WithPage(path, page)}&{Listing.AfterParameter}={after.ToString(CultureInfo.InvariantCulture)}";
}
