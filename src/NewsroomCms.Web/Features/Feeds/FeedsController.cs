using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Web.Features.Feeds;

/// <summary>
/// RSS feeds, sitemaps and robots.txt: what feed readers and search engines read. Only published
/// articles ever appear, and only listed sections. In Vietnamese whatever the reader's language, like
/// readers' pages: one cached copy serves everyone.
/// </summary>
[AllowAnonymous]
[ReaderLanguage]
public sealed class FeedsController(
    FeedQueries queries,
    NewsroomTime time,
    TimeProvider clock,
    IOptions<FeedsOptions> options,
    IOptions<SiteOptions> site,
    IStringLocalizer<FeedsResource> text) : Controller
{
    /// <summary>Google News takes articles published in the last two days.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);

    private static readonly SitemapPart[] Parts = [SitemapPart.Articles, SitemapPart.Tags, SitemapPart.Authors];

    private PublicUrls? _urls;

    private PublicUrls Urls => _urls ??= PublicUrls.For(Request, site);

    private FeedsOptions Settings => options.Value;

    [HttpGet("/rss")]
    [HttpHead("/rss")]
    public async Task<IActionResult> SiteFeed(CancellationToken cancellationToken)
    {
        var name = await queries.PublicationNameAsync(cancellationToken);
        var items = await queries.LatestAsync(null, Settings.RssItems, cancellationToken);
        var channel = new RssChannel(name, Urls.Home, text["Latest news from {0}", name], Urls.Absolute("/rss"), LastBuild(items), Settings.MaxAge);
        return Document(RssWriter.ContentType, output => RssWriter.Write(output, channel, items, Urls, time));
    }

    [HttpGet("/chuyen-muc/{slug}/rss")]
    [HttpHead("/chuyen-muc/{slug}/rss")]
    public async Task<IActionResult> SectionFeed(string slug, CancellationToken cancellationToken)
    {
        var sections = new SectionTree(await queries.SectionsAsync(cancellationToken));
        if (sections.VisibleBySlug(slug) is not { } section)
        {
            return NotFound();
        }

        var name = await queries.PublicationNameAsync(cancellationToken);
        var items = await queries.LatestAsync(sections.WithVisibleDescendants(section), Settings.RssItems, cancellationToken);
        var channel = new RssChannel(
            RssChannel.SectionTitle(section.Name, name),
            Urls.Section(section.Slug),
            text["Latest news in {0} from {1}", section.Name, name],
            Urls.SectionFeed(section.Slug),
            LastBuild(items),
            Settings.MaxAge);
        return Document(RssWriter.ContentType, output => RssWriter.Write(output, channel, items, Urls, time));
    }

    /// <summary>
    /// Every public URL while they fit in one file; past <see cref="FeedsOptions.SitemapMaxUrls"/>, an index of
    /// <c>/sitemap-pages.xml</c> and files of articles, tags and authors cut by id ranges.
    /// </summary>
    [HttpGet("/sitemap.xml")]
    [HttpHead("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var max = Settings.SitemapMaxUrls;
        var sections = new SectionTree(await queries.SectionsAsync(cancellationToken));
        long total = 1 + sections.Visible.Count();
        foreach (var part in Parts)
        {
            total += await queries.CountAsync(part, cancellationToken);
        }

        if (total <= max)
        {
            var urls = await PagesAsync(sections, cancellationToken);
            foreach (var part in Parts)
            {
                urls.AddRange((await queries.EntriesAsync(part, null, max, cancellationToken)).Select(e => new SitemapUrl(Location(part, e.Slug), e.LastModified)));
            }

            // Articles published between the count and the lists may just have tipped it over.
            if (urls.Count <= max)
            {
                return Document(SitemapWriter.ContentType, output => SitemapWriter.WriteUrlSet(output, urls, time));
            }
        }

        var index = new List<string> { Urls.Absolute("/sitemap-pages.xml") };
        foreach (var part in Parts)
        {
            index.AddRange((await queries.RangesAsync(part, max, cancellationToken)).Select(n => Urls.Absolute(RangePath(part, n))));
        }

        return Document(SitemapWriter.ContentType, output => SitemapWriter.WriteIndex(output, index));
    }

    /// <summary>The home page and the listed sections.</summary>
    [HttpGet("/sitemap-pages.xml")]
    [HttpHead("/sitemap-pages.xml")]
    public async Task<IActionResult> PagesSitemap(CancellationToken cancellationToken)
    {
        var urls = await PagesAsync(new SectionTree(await queries.SectionsAsync(cancellationToken)), cancellationToken);
        return Document(SitemapWriter.ContentType, output => SitemapWriter.WriteUrlSet(output, urls, time));
    }

    [HttpGet("/sitemap-articles-{number:int:min(1)}.xml")]
    [HttpHead("/sitemap-articles-{number:int:min(1)}.xml")]
    public Task<IActionResult> ArticlesSitemap(int number, CancellationToken cancellationToken) =>
        RangeSitemapAsync(SitemapPart.Articles, number, cancellationToken);

    [HttpGet("/sitemap-tags-{number:int:min(1)}.xml")]
    [HttpHead("/sitemap-tags-{number:int:min(1)}.xml")]
    public Task<IActionResult> TagsSitemap(int number, CancellationToken cancellationToken) =>
        RangeSitemapAsync(SitemapPart.Tags, number, cancellationToken);

    [HttpGet("/sitemap-authors-{number:int:min(1)}.xml")]
    [HttpHead("/sitemap-authors-{number:int:min(1)}.xml")]
    public Task<IActionResult> AuthorsSitemap(int number, CancellationToken cancellationToken) =>
        RangeSitemapAsync(SitemapPart.Authors, number, cancellationToken);

    /// <summary>Google News: articles published in the last two days, newest first.</summary>
    [HttpGet("/sitemap-news.xml")]
    [HttpHead("/sitemap-news.xml")]
    public async Task<IActionResult> NewsSitemap(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        var name = await queries.PublicationNameAsync(cancellationToken);
        var articles = await queries.PublishedSinceAsync(since, Settings.NewsSitemapMaxArticles, cancellationToken);
        var items = articles.Select(a => new NewsSitemapItem(Urls.Article(a.Slug), a.Title, a.PublishedAt)).ToList();
        return Document(SitemapWriter.ContentType, output => SitemapWriter.WriteNews(output, name, items, time));
    }

    [HttpGet("/robots.txt")]
    [HttpHead("/robots.txt")]
    public IActionResult Robots()
    {
        var robots = new StringBuilder();
        robots.Append("User-agent: *\n");
        robots.Append("Allow: ").Append(Urls.BasePath).Append("/\n");
        // The back office, sign-in and first-run pages, search results, error pages and the language switch.
        foreach (var path in new[] { "/newsroom", "/account", "/setup", "/tim-kiem", "/error", "/language", "/health" })
        {
            robots.Append("Disallow: ").Append(Urls.BasePath).Append(path).Append('\n');
        }

        robots.Append('\n');
        robots.Append("Sitemap: ").Append(Urls.Absolute("/sitemap.xml")).Append('\n');
        robots.Append("Sitemap: ").Append(Urls.Absolute("/sitemap-news.xml")).Append('\n');
        return Cached(Encoding.UTF8.GetBytes(robots.ToString()), "text/plain; charset=utf-8");
    }

    private async Task<IActionResult> RangeSitemapAsync(SitemapPart part, int number, CancellationToken cancellationToken)
    {
        var entries = await queries.EntriesAsync(part, number, Settings.SitemapMaxUrls, cancellationToken);
        if (entries.Count == 0)
        {
            // A URL set needs at least one URL; a range without public pages has no sitemap.
            return NotFound();
        }

        var urls = entries.Select(e => new SitemapUrl(Location(part, e.Slug), e.LastModified)).ToList();
        return Document(SitemapWriter.ContentType, output => SitemapWriter.WriteUrlSet(output, urls, time));
    }

    /// <summary>The home page (changed when the latest article went public) and the listed sections (when theirs did).</summary>
    private async Task<List<SitemapUrl>> PagesAsync(SectionTree sections, CancellationToken cancellationToken)
    {
        var (bySection, newest) = await queries.NewestPublicationsAsync(cancellationToken);
        var urls = new List<SitemapUrl> { new(Urls.Home, newest) };
        foreach (var section in sections.Visible)
        {
            var times = sections.WithVisibleDescendants(section)
                .Select(id => bySection.TryGetValue(id, out var at) ? at : (DateTime?)null)
                .Where(at => at is not null)
                .ToList();
            urls.Add(new SitemapUrl(Urls.Section(section.Slug), times.Count == 0 ? null : times.Max()));
        }

        return urls;
    }

    private string Location(SitemapPart part, string slug) => part switch
    {
        SitemapPart.Articles => Urls.Article(slug),
        SitemapPart.Tags => Urls.Tag(slug),
        _ => Urls.Author(slug),
    };

    private static string RangePath(SitemapPart part, int number) => part switch
    {
        SitemapPart.Articles => $"/sitemap-articles-{number.ToString(CultureInfo.InvariantCulture)}.xml",
        SitemapPart.Tags => $"/sitemap-tags-{number.ToString(CultureInfo.InvariantCulture)}.xml",
        _ => $"/sitemap-authors-{number.ToString(CultureInfo.InvariantCulture)}.xml",
    };

    /// <summary>When the channel last changed: its newest publication or public update (now, for an empty channel).</summary>
    private DateTime LastBuild(List<FeedItem> items) =>
        items.Count == 0 ? clock.GetUtcNow().UtcDateTime : items.Max(i => i.LastChangedAt);

    private FileContentResult Document(string contentType, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return Cached(buffer.ToArray(), contentType);
    }

    /// <summary>
    /// Readers and proxies may keep it for a few minutes. The portal's caching serves it from memory until
    /// the next public change, compressed, with an ETag (see <c>PortalCaching</c>).
    /// </summary>
    private FileContentResult Cached(byte[] body, string contentType)
    {
        Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = Settings.MaxAge };
        return File(body, contentType);
    }
}
