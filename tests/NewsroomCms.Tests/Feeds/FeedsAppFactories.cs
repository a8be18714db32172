using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Feeds;

/// <summary>
/// The app with the scheduler off (only tests change articles) and a configured fallback publication name.
/// Its output cache is off too: these tests write articles straight to the database, without the
/// announcement that evicts cached documents, and look at what the feeds make of them.
/// <see cref="FeedCachingTests"/> covers the cache.
/// </summary>
public class FeedsAppFactory : NewsroomAppFactory
{
    public const string FallbackName = "Báo Tỉnh Nhà";

    public FeedsAppFactory()
    {
        With("Workflow:SchedulerEnabled", "false");
        With("Site:PublicationName", FallbackName);
        With("OutputCache:Enabled", "false");
    }
}

/// <summary>Sitemap files of at most two URLs, so that a handful of articles needs an index.</summary>
public sealed class SitemapIndexAppFactory : FeedsAppFactory
{
    public const int MaxUrls = 2;

    public SitemapIndexAppFactory() => With("Feeds:SitemapMaxUrls", MaxUrls.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A news sitemap of at most three articles, so that the cap is reached cheaply.</summary>
public sealed class NewsSitemapAppFactory : FeedsAppFactory
{
    public const int MaxArticles = 3;

    public NewsSitemapAppFactory() => With("Feeds:NewsSitemapMaxArticles", MaxArticles.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The site as configured in production: its public address set.</summary>
public sealed class PublicBaseUrlAppFactory : FeedsAppFactory
{
    public const string BaseUrl = "https://baotinh.vn";

    public PublicBaseUrlAppFactory() => With("Site:PublicBaseUrl", BaseUrl + "/");
}
