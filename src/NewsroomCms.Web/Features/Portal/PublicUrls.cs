using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>Absolute addresses of public pages, for canonical links, OpenGraph and JSON-LD.</summary>
public sealed record PublicUrls(string Origin)
{
    public const string LogoPath = "/img/logo.png";
    public const int LogoWidth = 112;
    public const int LogoHeight = 112;

    /// <summary>The configured public origin, or else the one the request came to.</summary>
    public static PublicUrls For(HttpRequest request, IOptions<PortalOptions> options) =>
        new(string.IsNullOrEmpty(options.Value.PublicOrigin)
            ? $"{request.Scheme}://{request.Host.Value}"
            : options.Value.PublicOrigin.TrimEnd('/'));

    public string Home => Origin + "/";

    public string Logo => Origin + LogoPath;

    public string Absolute(string path) => Origin + path;

    public static string ArticlePath(string slug) => "/bai-viet/" + slug;

    public static string SectionPath(string slug, int page = 1) => WithPage("/chuyen-muc/" + slug, page);

    public static string TagPath(string slug, int page = 1) => WithPage("/the/" + slug, page);

    public static string AuthorPath(string slug, int page = 1) => WithPage("/tac-gia/" + slug, page);

    /// <summary>Page 1 has no number: one address per page.</summary>
    public static string WithPage(string path, int page) =>
        page <= 1 ? path : $"{path}?{Listing.PageParameter}={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
