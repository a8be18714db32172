using Microsoft.Extensions.Options;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Web.Features.Site;

/// <summary>
/// Absolute addresses of public pages, for documents read outside the site (feeds, sitemaps, robots.txt):
/// from <see cref="SiteOptions.PublicBaseUrl"/>, or from the request when it is not set.
/// </summary>
public sealed class PublicUrls
{
    private readonly string _base;

    public PublicUrls(string baseUrl, string host)
    {
        _base = baseUrl.TrimEnd('/');
        Host = host;
        BasePath = new Uri(_base + "/", UriKind.Absolute).AbsolutePath.TrimEnd('/');
    }

    /// <summary>The path the site lives under: "" at the root of its host, e.g. "/tin" otherwise.</summary>
    public string BasePath { get; }

    /// <summary>The host name alone (no port), e.g. <c>baotinh.vn</c>.</summary>
    public string Host { get; }

    public static PublicUrls For(HttpRequest request, IOptions<SiteOptions> options)
    {
        if (options.Value.BaseUri is { } configured)
        {
            return new PublicUrls(configured.GetLeftPart(UriPartial.Path), configured.IdnHost);
        }

        return new PublicUrls($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}", request.Host.Host);
    }

    /// <summary>The home page, with its trailing slash.</summary>
    public string Home => _base + "/";

    /// <summary><paramref name="path"/> starts with "/" and is already escaped.</summary>
    public string Absolute(string path) => _base + path;

    public string Article(string slug) => Absolute("/bai-viet/" + Uri.EscapeDataString(slug));

    public string Section(string slug) => Absolute("/chuyen-muc/" + Uri.EscapeDataString(slug));

    public string SectionFeed(string slug) => Absolute(PortalPaths.SectionFeedPath(Uri.EscapeDataString(slug)));

    public string Tag(string slug) => Absolute("/the/" + Uri.EscapeDataString(slug));

    public string Author(string slug) => Absolute("/tac-gia/" + Uri.EscapeDataString(slug));
}
