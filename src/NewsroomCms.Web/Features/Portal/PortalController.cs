using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using NewsroomCms.Web.Features.Feeds;
using NewsroomCms.Web.Features.Media;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>What readers see. Only published articles ever leave this controller (see <see cref="PortalReading.Published"/>).</summary>
[AllowAnonymous]
[ReaderLanguage]
public sealed class PortalController(
    NewsroomDbContext db,
    PortalReading reading,
    PortalChrome chrome,
    SlugHistory slugHistory,
    NewsroomTime time,
    IOptions<SiteOptions> siteOptions,
    IStringLocalizer<PortalResource> text) : Controller
{
    private PublicUrls Urls => PublicUrls.For(Request, siteOptions);

    [HttpGet("/")]
    public async Task<IActionResult> Home()
    {
        var site = await chrome.GetAsync();
        var front = await reading.FrontPageAsync(HttpContext.RequestAborted);
        var mostRead = await reading.MostReadAsync(HttpContext.RequestAborted);
        var description = string.IsNullOrWhiteSpace(site.Settings.AgencyName) ? null : site.Settings.AgencyName;
        ViewData.SetPageMeta(new PageMeta(null, description, Urls.Home) { Image = LogoImage(site) });
        return View("Home", new HomeView(site.PublicationName, front, mostRead));
    }

    /// <summary>
    /// A visible section's articles. A hidden section answers 404 like an unknown one: the newsroom hid it
    /// from readers (not launched yet, or retired), and its articles stay reachable on their own addresses.
    /// </summary>
    [HttpGet("/chuyen-muc/{slug}")]
    public async Task<IActionResult> Section(string slug)
    {
        if (Listing.Requested(Request.Query) is not { } request)
        {
            return NotFound();
        }

        var page = request.Page;

        var section = await db.Sections.AsNoTracking().Where(s => s.Slug == slug).Select(s => new { s.Id, s.Name, s.IsHidden }).FirstOrDefaultAsync();
        if (section is null)
        {
            var targetId = await slugHistory.FindTargetAsync(SlugKind.Section, slug);
            var current = targetId is null ? null : await db.Sections.Where(s => s.Id == targetId && !s.IsHidden).Select(s => s.Slug).FirstOrDefaultAsync();
            return current is null ? NotFound() : RedirectPermanent(PortalPaths.SectionPath(current, page));
        }

        if (section.IsHidden)
        {
            return NotFound();
        }

        var articles = await reading.PageAsync(reading.SectionNewest(section.Id), request, HttpContext.RequestAborted);
        // An empty section exists (it is in the navigation); only its pages beyond the first do not.
        if (articles.Articles.Count == 0 && page > 1)
        {
            return NotFound();
        }

        // Titled as the feed's own channel, so a feed reader lists it under the same name.
        var site = await chrome.GetAsync();
        var feed = new FeedLink(RssChannel.SectionTitle(section.Name, site.PublicationName), PortalPaths.SectionFeedPath(slug));
        return ListingView(ListingKind.Section, section.Name, null, null, PortalPaths.SectionPath(slug), articles, feed);
    }

    /// <summary>A tag's articles; a tag on no published article has no page (its name may belong to an unpublished story).</summary>
    [HttpGet("/the/{slug}")]
    public async Task<IActionResult> Tag(string slug)
    {
        if (Listing.Requested(Request.Query) is not { } request)
        {
            return NotFound();
        }

        var page = request.Page;

        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync();
        if (tag is null)
        {
            var targetId = await slugHistory.FindTargetAsync(SlugKind.Tag, slug);
            var current = targetId is null ? null : await db.Tags.Where(t => t.Id == targetId).Select(t => t.Slug).FirstOrDefaultAsync();
            return current is null ? NotFound() : RedirectPermanent(PortalPaths.TagPath(current, page));
        }

        var articles = await reading.PageAsync(reading.TaggedNewest(tag.Id), request, HttpContext.RequestAborted);
        if (articles.Articles.Count == 0)
        {
            return NotFound();
        }

        return ListingView(ListingKind.Tag, tag.Name, null, null, PortalPaths.TagPath(slug), articles);
    }

    /// <summary>A pen name's page: bio, photo and articles. Like a tag, it exists once the pen name has a published article.</summary>
    [HttpGet("/tac-gia/{slug}")]
    public async Task<IActionResult> Author(string slug)
    {
        if (Listing.Requested(Request.Query) is not { } request)
        {
            return NotFound();
        }

        var page = request.Page;

        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id,
                a.PenName,
                a.Bio,
                Photo = a.Photo == null ? null : new ListImage(a.Photo.StoredName, a.Photo.Width, a.Photo.Height, null),
            })
            .FirstOrDefaultAsync();
        if (author is null)
        {
            var targetId = await slugHistory.FindTargetAsync(SlugKind.Author, slug);
            var current = targetId is null ? null : await db.Authors.Where(a => a.Id == targetId).Select(a => a.Slug).FirstOrDefaultAsync();
            return current is null ? NotFound() : RedirectPermanent(PortalPaths.AuthorPath(current, page));
        }

        var articles = await reading.PageAsync(reading.SignedNewest(author.Id), request, HttpContext.RequestAborted);
        if (articles.Articles.Count == 0)
        {
            return NotFound();
        }

        var bio = string.IsNullOrWhiteSpace(author.Bio) ? null : author.Bio;
        return ListingView(ListingKind.Author, author.PenName, bio, author.Photo, PortalPaths.AuthorPath(slug), articles);
    }

    [HttpGet("/bai-viet/{slug}")]
    public async Task<IActionResult> Article(string slug)
    {
        var article = await ArticlePage.LoadAsync(db, reading.Published.Where(a => a.Slug == slug), HttpContext.RequestAborted);
        if (article is null)
        {
            return await NotPublishedAsync(slug);
        }

        var related = await reading.RelatedAsync(article.Id, article.SectionId, article.TagIds, HttpContext.RequestAborted);
        var mostRead = await reading.MostReadAsync(HttpContext.RequestAborted);
        var site = await chrome.GetAsync();

        var breadcrumbs = new List<LinkedName>();
        if (article.ParentSection is not null && !article.SectionHidden)
        {
            breadcrumbs.Add(article.ParentSection);
        }

        if (article.SectionName is not null && article.SectionSlug is not null && !article.SectionHidden)
        {
            breadcrumbs.Add(new LinkedName(article.SectionName, article.SectionSlug));
        }

        ViewData.SetPageMeta(ArticleMeta(article, breadcrumbs, site));
        return View("Article", new ArticleView(article, breadcrumbs, related, mostRead));
    }

    private async Task<IActionResult> NotPublishedAsync(string slug)
    {
        // Readers may have the link of an article the newsroom took down: say it is gone, not that it never was.
        var takenDown = await db.Articles.AnyAsync(a => a.Slug == slug && a.Status == ArticleStatus.Unpublished);
        if (takenDown)
        {
            return StatusCode(StatusCodes.Status410Gone);
        }

        // An old link to a renamed article leads to its current address, for as long as it is public.
        if (await slugHistory.FindTargetAsync(SlugKind.Article, slug) is { } targetId)
        {
            var current = await reading.Published.Where(a => a.Id == targetId).Select(a => a.Slug).FirstOrDefaultAsync();
            if (current is not null)
            {
                return RedirectPermanent(PortalPaths.ArticlePath(current));
            }
        }

        return NotFound();
    }

    private ViewResult ListingView(ListingKind kind, string name, string? bio, ListImage? photo, string path, ListPage articles, FeedLink? feed = null)
    {
        var title = articles.Page > 1 ? text["{0} – page {1}", name, articles.Page].Value : name;
        var description = kind switch
        {
            ListingKind.Section => text["The latest news in {0}.", name].Value,
            ListingKind.Tag => text["Articles tagged {0}.", name].Value,
            _ => bio ?? text["Articles by {0}.", name].Value,
        };
        ViewData.SetPageMeta(new PageMeta(title, description, Urls.Absolute(PortalPaths.WithPage(path, articles.Page)))
        {
            PreviousUrl = articles.Page > 1 ? Urls.Absolute(PortalPaths.WithPage(path, articles.Page - 1)) : null,
            NextUrl = articles.HasNext ? Urls.Absolute(articles.NextPath(path)) : null,
            Feed = feed,
        });
        return View("Listing", new ListingView(kind, name, bio, photo, path, articles));
    }

    private PageMeta ArticleMeta(ArticlePage article, IReadOnlyList<LinkedName> breadcrumbs, SiteChrome site)
    {
        var urls = Urls;
        var canonical = urls.Absolute(PortalPaths.ArticlePath(article.Slug));
        var published = time.FormatIso(article.PublishedAt!.Value);
        var modified = time.FormatIso(article.PublicUpdatedAt ?? article.PublishedAt.Value);
        var image = article.FeaturedImage is { } featured ? ShareImage(urls, featured) : null;
        var tags = article.Tags.Select(t => t.Name).ToList();
        var trail = breadcrumbs
            .Select(b => (b.Name, urls.Absolute(PortalPaths.SectionPath(b.Slug))))
            .Prepend((text["Home"].Value, urls.Home))
            .Append((article.Title, canonical));
        return new PageMeta(article.Title, article.Sapo, canonical)
        {
            OpenGraphType = "article",
            Image = image ?? LogoImage(site),
            PublishedTime = published,
            ModifiedTime = modified,
            Section = article.SectionName,
            Tags = tags,
            StructuredData =
            [
                StructuredData.NewsArticle(
                    canonical,
                    article.Title,
                    article.Sapo,
                    image?.Url,
                    published,
                    modified,
                    article.Authors.Select(a => (a.Name, urls.Absolute(PortalPaths.AuthorPath(a.Slug)))),
                    site.PublicationName,
                    urls.Absolute(PortalPaths.LogoPath),
                    article.SectionName,
                    tags),
                StructuredData.BreadcrumbList(trail),
            ],
        };
    }

    /// <summary>The 1600-pixel rendition of a larger photo: big enough for every network's card, not the camera original.</summary>
    private static SocialImage ShareImage(PublicUrls urls, PageImage image)
    {
        const int width = 1600;
        if (image.Width <= width)
        {
            return new SocialImage(urls.Absolute(MediaUrls.Url(image.StoredName)), image.Width, image.Height, image.Alt);
        }

        var height = (int)Math.Round(image.Height * (double)width / image.Width);
        var name = MediaUrls.RenditionName(image.StoredName, width, Path.GetExtension(image.StoredName));
        return new SocialImage(urls.Absolute(MediaUrls.Url(name)), width, height, image.Alt);
    }

    private SocialImage LogoImage(SiteChrome site) => new(Urls.Absolute(PortalPaths.LogoPath), PortalPaths.LogoWidth, PortalPaths.LogoHeight, site.PublicationName);
}

public sealed record HomeView(string PublicationName, FrontPage Front, IReadOnlyList<MostRead> MostRead);

public enum ListingKind
{
    Section,
    Tag,
    Author,
}

/// <summary>A section, tag or author page; <c>Path</c> is its address without a page number, for the pagination links.</summary>
public sealed record ListingView(ListingKind Kind, string Name, string? Bio, ListImage? Photo, string Path, ListPage Articles);

/// <summary>The article page; <c>Breadcrumbs</c> are the visible sections between the home page and the article.</summary>
public sealed record ArticleView(ArticlePage Article, IReadOnlyList<LinkedName> Breadcrumbs, IReadOnlyList<ArticleSummary> Related, IReadOnlyList<MostRead> MostRead);
