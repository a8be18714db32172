using System.Net;
using NewsroomCms.Tests.Portal;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Feeds;

/// <summary>
/// Readers' pages announce their feeds in the head (<c>link rel="alternate"</c>), which browsers' feed
/// buttons and feed readers given a page's address look for: the site's feed everywhere, and on a section's
/// pages the section's own feed too.
/// </summary>
public sealed class FeedDiscoveryTests(FeedsAppFactory app) : IClassFixture<FeedsAppFactory>
{
    [Fact]
    public async Task ASectionPageAnnouncesTheSectionFeedAfterTheSiteFeedUnderTheFeedsOwnTitle()
    {
        var section = await SectionAsync(app, "Kinh tế");
        var other = await SectionAsync(app, "Thể thao");
        var inSection = await ArticleAsync(app, "Giá lúa tăng", section);
        var elsewhere = await ArticleAsync(app, "Đội bóng tỉnh thắng trận", other);

        var page = await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var feeds = Feeds(page);
        Assert.Equal(["/rss", $"/chuyen-muc/{section.Slug}/rss"], feeds.Select(f => f.Href));
        Assert.Equal(FeedsAppFactory.FallbackName, feeds[0].Title);
        Assert.Equal($"{section.Name} – {FeedsAppFactory.FallbackName}", feeds[1].Title);

        // The announced address is the section's feed, and a feed reader lists it under the announced title.
        var channel = (await FeedClient.XmlAsync(app, feeds[1].Href)).Root!.Element("channel")!;
        Assert.Equal(feeds[1].Title, (string?)channel.Element("title"));
        var links = channel.Elements("item").Select(i => (string?)i.Element("link")).ToList();
        Assert.Contains($"https://localhost/bai-viet/{inSection.Slug}", links);
        Assert.DoesNotContain($"https://localhost/bai-viet/{elsewhere.Slug}", links);
    }

    [Fact]
    public async Task TheSecondPageOfASectionAnnouncesTheSameFeed()
    {
        var section = await SectionAsync(app, "Xã hội");
        for (var i = 0; i < Listing.PageSize + 1; i++)
        {
            await ArticleAsync(app, $"Tin xã hội {i}", section, publishedAt: Now(app).AddMinutes(-i));
        }

        var second = await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug, 2));

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(["/rss", $"/chuyen-muc/{section.Slug}/rss"], Feeds(second).Select(f => f.Href));
    }

    [Fact]
    public async Task OtherReadersPagesAnnounceOnlyTheSiteFeed()
    {
        var section = await SectionAsync(app, "Văn hóa");
        var tag = await TagAsync(app, "Lễ hội");
        var author = await AuthorAsync(app, "Thu Thủy");
        var article = await ArticleAsync(app, "Lễ hội Nghinh Ông", section, tags: [tag], authors: [author]);

        foreach (var (path, status) in new[]
        {
            ("/", HttpStatusCode.OK),
            (PortalPaths.ArticlePath(article.Slug), HttpStatusCode.OK),
            (PortalPaths.TagPath(tag.Slug), HttpStatusCode.OK),
            (PortalPaths.AuthorPath(author.Slug), HttpStatusCode.OK),
            ("/tim-kiem?q=l%E1%BB%85+h%E1%BB%99i", HttpStatusCode.OK),
            ("/khong-co-trang-nay", HttpStatusCode.NotFound),
        })
        {
            var page = await ReaderPage.GetAsync(app, path);
            Assert.True(page.Status == status, $"{path}: {page.Status}");
            Assert.True(Feeds(page) is [("/rss", FeedsAppFactory.FallbackName)], $"{path}: {string.Join(", ", Feeds(page))}");
        }
    }

    private static List<(string Href, string Title)> Feeds(ReaderPage page) =>
        page.Document.QuerySelectorAll("head link[rel='alternate'][type='application/rss+xml']")
            .Select(link => (link.GetAttribute("href") ?? "", link.GetAttribute("title") ?? ""))
            .ToList();
}
