namespace NewsroomCms.Web.Features.Feeds;

public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    /// <summary>The sitemaps.org limit of URLs in one sitemap file (and of sitemaps in one index).</summary>
    public const int SitemapProtocolLimit = 50_000;

    /// <summary>Google's limit of articles in one news sitemap.</summary>
    public const int NewsProtocolLimit = 1_000;

    /// <summary>How many of the latest articles an RSS feed lists.</summary>
    public int RssItems { get; set; } = 50;

    /// <summary>
    /// Most URLs in one sitemap file. While the whole site fits, <c>/sitemap.xml</c> lists every URL; beyond
    /// it, <c>/sitemap.xml</c> becomes an index of files of at most this many URLs each.
    /// </summary>
    public int SitemapMaxUrls { get; set; } = SitemapProtocolLimit;

    /// <summary>Most articles in the Google News sitemap, newest first.</summary>
    public int NewsSitemapMaxArticles { get; set; } = NewsProtocolLimit;

    /// <summary>How long feeds, sitemaps and robots.txt may be kept by readers and caches (also the RSS ttl).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    internal static bool IsValid(FeedsOptions options) =>
        options.RssItems is >= 1 and <= 500
        && options.SitemapMaxUrls is >= 1 and <= SitemapProtocolLimit
        && options.NewsSitemapMaxArticles is >= 1 and <= NewsProtocolLimit
        && options.MaxAge >= TimeSpan.Zero && options.MaxAge <= TimeSpan.FromDays(1);
}
