namespace NewsroomCms.Web.Features.Site;

/// <summary>How the public site names and addresses itself to the outside (feeds, sitemaps, robots.txt).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The absolute address readers use, e.g. <c>https://baotinh.vn</c> (a path is allowed:
    /// <c>https://baotinh.vn/tin</c>). Links in feeds and sitemaps start with it. When unset, they start
    /// with the scheme and host of the request, which is right only when the proxy passes them on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The paper's name until an administrator enters it in the site settings.</summary>
    public string PublicationName { get; set; } = "NewsroomCms";

    /// <summary>The paper's name as readers see it: the one in the site settings, else the configured one.</summary>
    public string PublicationNameOr(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? PublicationName : stored.Trim();

    /// <summary>The base URL without a trailing slash, or null when unset.</summary>
    public Uri? BaseUri =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.Trim().TrimEnd('/'), UriKind.Absolute);

    internal static bool IsValid(SiteOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicationName))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return true;
        }

        return Uri.TryCreate(options.PublicBaseUrl.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment)
            && string.IsNullOrEmpty(uri.UserInfo);
    }
}
