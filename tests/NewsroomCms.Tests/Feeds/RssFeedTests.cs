using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Localization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Feeds;

public sealed class RssFeedTests(FeedsAppFactory app) : IClassFixture<FeedsAppFactory>
{
    [Fact]
    public async Task TheSiteFeedIsRss2WithTheChannelFeedReadersNeed()
    {
        var article = await FeedData.ArticleAsync(app, "Khánh thành cầu Rạch Miễu 2");

        var response = await FeedClient.GetAsync(app, "/rss");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/rss+xml", response.ContentType?.MediaType);
        Assert.Equal("utf-8", response.ContentType?.CharSet);
        var rss = response.Xml().Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", (string?)rss.Attribute("version"));
        var channel = rss.Element("channel")!;
        Assert.Equal(FeedsAppFactory.FallbackName, (string?)channel.Element("title"));
        Assert.Equal("https://localhost/", (string?)channel.Element("link"));
        Assert.Equal($"Tin mới nhất của {FeedsAppFactory.FallbackName}", (string?)channel.Element("description"));
        Assert.Equal("vi", (string?)channel.Element("language"));
        Assert.Equal("5", (string?)channel.Element("ttl"));
        FeedClient.ParseRfc822((string)channel.Element("lastBuildDate")!);
        var self = Assert.Single(channel.Elements(FeedClient.Atom + "link"));
        Assert.Equal("https://localhost/rss", (string?)self.Attribute("href"));
        Assert.Equal("self", (string?)self.Attribute("rel"));
        Assert.Equal("application/rss+xml", (string?)self.Attribute("type"));
        Assert.NotNull(Item(channel, article.Slug));
    }

    [Fact]
    public async Task AnItemHasTitleLinkSapoBylineSectionGuidAndItsPublicationTimeInNewsroomTime()
    {
        var section = await FeedData.SectionAsync(app, "Thời sự");
        var first = await FeedData.AuthorAsync(app, "Hoàng Lan");
        var second = await FeedData.AuthorAsync(app, "Minh Quân");
        var publishedAt = FeedData.Now(app).AddMinutes(-30);
        var article = await FeedData.ArticleAsync(
            app, "Giá lúa tăng & nông dân phấn khởi <vụ mới>", publishedAt: publishedAt, section: section,
            authors: [second, first], sapo: "Giá lúa \"IR 50404\" tăng 200 đồng/kg.");

        var item = Item((await FeedClient.XmlAsync(app, "/rss")).Root!.Element("channel")!, article.Slug)!;

        Assert.Equal("Giá lúa tăng & nông dân phấn khởi <vụ mới>", (string?)item.Element("title"));
        Assert.Equal($"https://localhost/bai-viet/{article.Slug}", (string?)item.Element("link"));
        Assert.Equal("Giá lúa \"IR 50404\" tăng 200 đồng/kg.", (string?)item.Element("description"));
        Assert.Equal(["Minh Quân", "Hoàng Lan"], item.Elements(FeedClient.DublinCore + "creator").Select(e => e.Value));
        Assert.Empty(item.Elements("author"));
        Assert.Equal("Thời sự", (string?)item.Element("category"));
        var guid = item.Element("guid")!;
        Assert.Equal("false", (string?)guid.Attribute("isPermaLink"));
        Assert.Equal($"tag:localhost,2026:article:{article.Id}", guid.Value);
        var pubDate = FeedClient.ParseRfc822((string)item.Element("pubDate")!);
        Assert.Equal(TimeSpan.FromHours(7), pubDate.Offset);
        Assert.Equal(FeedClient.Utc(publishedAt), pubDate.UtcDateTime);
    }

    [Fact]
    public async Task TheGuidStaysTheSameWhenTheArticleIsUpdatedAndItsSlugRenamed()
    {
        var article = await FeedData.ArticleAsync(app, "Tỉnh khởi công đường ven biển", publishedAt: FeedData.Now(app).AddMinutes(-5));
        var before = Item((await FeedClient.XmlAsync(app, "/rss")).Root!.Element("channel")!, article.Slug)!;

        var renamed = "duong-ven-bien-" + FeedData.Unique();
        var updatedAt = FeedData.Now(app).AddMinutes(-1);
        await FeedData.UpdateAsync(app, article.Id, a =>
        {
            a.Title = "Tỉnh khởi công đường ven biển dài 60 km";
            a.Slug = renamed;
            a.PublicUpdatedAt = updatedAt;
        });
        var channel = (await FeedClient.XmlAsync(app, "/rss")).Root!.Element("channel")!;
        var after = Item(channel, renamed)!;

        Assert.Null(Item(channel, article.Slug));
        Assert.Equal((string?)before.Element("guid"), (string?)after.Element("guid"));
        Assert.Equal($"https://localhost/bai-viet/{renamed}", (string?)after.Element("link"));
        Assert.Equal("Tỉnh khởi công đường ven biển dài 60 km", (string?)after.Element("title"));
        // pubDate stays the first publication; the update shows in the channel's lastBuildDate.
        Assert.Equal((string?)before.Element("pubDate"), (string?)after.Element("pubDate"));
        Assert.True(FeedClient.ParseRfc822((string)channel.Element("lastBuildDate")!).UtcDateTime >= FeedClient.Utc(updatedAt));
    }

    [Fact]
    public async Task ASectionFeedListsTheArticlesOfTheSectionAndItsListedSubsections()
    {
        var economy = await FeedData.SectionAsync(app, "Kinh tế");
        var farming = await FeedData.SectionAsync(app, "Nông nghiệp", parentId: economy.Id);
        var hiddenChild = await FeedData.SectionAsync(app, "Doanh nghiệp viết", hidden: true, parentId: economy.Id);
        var other = await FeedData.SectionAsync(app, "Thể thao");
        var own = await FeedData.ArticleAsync(app, "Xuất khẩu tăng", section: economy);
        var sub = await FeedData.ArticleAsync(app, "Mùa vụ bội thu", section: farming);
        var hidden = await FeedData.ArticleAsync(app, "Bài quảng bá", section: hiddenChild);
        var elsewhere = await FeedData.ArticleAsync(app, "Đội tuyển thắng", section: other);
        var draft = await FeedData.ArticleAsync(app, "Bản nháp kinh tế", ArticleStatus.Draft, section: economy);

        var response = await FeedClient.GetAsync(app, $"/chuyen-muc/{economy.Slug}/rss");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/rss+xml", response.ContentType?.MediaType);
        var channel = response.Xml().Root!.Element("channel")!;
        Assert.Equal($"Kinh tế – {FeedsAppFactory.FallbackName}", (string?)channel.Element("title"));
        Assert.Equal($"https://localhost/chuyen-muc/{economy.Slug}", (string?)channel.Element("link"));
        Assert.Equal($"Tin mới nhất chuyên mục Kinh tế của {FeedsAppFactory.FallbackName}", (string?)channel.Element("description"));
        Assert.Equal($"https://localhost/chuyen-muc/{economy.Slug}/rss", (string?)channel.Element(FeedClient.Atom + "link")!.Attribute("href"));
        Assert.NotNull(Item(channel, own.Slug));
        Assert.NotNull(Item(channel, sub.Slug));
        Assert.Null(Item(channel, hidden.Slug));
        Assert.Null(Item(channel, elsewhere.Slug));
        Assert.Null(Item(channel, draft.Slug));
        Assert.Equal("Nông nghiệp", (string?)Item(channel, sub.Slug)!.Element("category"));
    }

    [Fact]
    public async Task HiddenAndUnknownSectionsHaveNoFeed()
    {
        var hidden = await FeedData.SectionAsync(app, "Nội bộ", hidden: true);
        var underHidden = await FeedData.SectionAsync(app, "Thông báo nội bộ", parentId: hidden.Id);
        await FeedData.ArticleAsync(app, "Thông báo họp", section: hidden);

        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.GetAsync(app, $"/chuyen-muc/{hidden.Slug}/rss")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.GetAsync(app, $"/chuyen-muc/{underHidden.Slug}/rss")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.GetAsync(app, "/chuyen-muc/khong-co-chuyen-muc-nay/rss")).Status);
    }

    [Fact]
    public async Task AFeedListsTheFiftyNewestArticlesNewestFirst()
    {
        var section = await FeedData.SectionAsync(app, "Xã hội");
        var start = FeedData.Now(app).AddDays(-3);
        var articles = new List<Article>();
        for (var i = 0; i < 51; i++)
        {
            articles.Add(await FeedData.ArticleAsync(app, $"Tin xã hội số {i}", publishedAt: start.AddMinutes(i), section: section));
        }

        var items = (await FeedClient.XmlAsync(app, $"/chuyen-muc/{section.Slug}/rss")).Root!.Element("channel")!.Elements("item").ToList();

        Assert.Equal(50, items.Count);
        Assert.Equal(
            articles.AsEnumerable().Reverse().Take(50).Select(a => $"https://localhost/bai-viet/{a.Slug}"),
            items.Select(i => (string)i.Element("link")!));
    }

    /// <summary>The output cache keeps one copy per address, whatever language asked for it first.</summary>
    [Theory]
    [InlineData("query")]
    [InlineData("cookie")]
    [InlineData("Accept-Language")]
    public async Task FeedsAreInVietnameseWhateverTheReadersLanguage(string askedBy)
    {
        var section = await FeedData.SectionAsync(app, "Xã hội");
        void English(HttpRequestMessage request)
        {
            switch (askedBy)
            {
                case "query":
                    request.RequestUri = new Uri(request.RequestUri + "?culture=en", UriKind.Relative);
                    break;
                case "cookie":
                    request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en")))}");
                    break;
                default:
                    request.Headers.AcceptLanguage.ParseAdd("en");
                    break;
            }
        }

        var site = await FeedClient.GetAsync(app, "/rss", English);
        var sectionFeed = await FeedClient.GetAsync(app, $"/chuyen-muc/{section.Slug}/rss", English);

        Assert.Equal($"Tin mới nhất của {FeedsAppFactory.FallbackName}", (string?)site.Xml().Root!.Element("channel")!.Element("description"));
        Assert.Equal($"Tin mới nhất chuyên mục Xã hội của {FeedsAppFactory.FallbackName}", (string?)sectionFeed.Xml().Root!.Element("channel")!.Element("description"));
        // As readers' pages say it.
        Assert.Equal(["vi-VN"], site.ContentHeaders.ContentLanguage);
        Assert.Equal(["vi-VN"], sectionFeed.ContentHeaders.ContentLanguage);
    }

    [Fact]
    public async Task FeedsMayBeCachedForFiveMinutesAndAnswerNotModifiedWhenUnchanged()
    {
        await FeedData.ArticleAsync(app, "Hội chợ thương mại khai mạc");
        var first = await FeedClient.GetAsync(app, "/rss");

        Assert.True(first.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), first.Headers.CacheControl?.MaxAge);
        var tag = Assert.IsType<System.Net.Http.Headers.EntityTagHeaderValue>(first.Headers.ETag);

        var again = await FeedClient.GetAsync(app, "/rss", r => r.Headers.IfNoneMatch.Add(tag));

        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Empty(again.Body);
    }

    [Fact]
    public async Task ControlCharactersPastedIntoATitleDoNotBreakTheFeed()
    {
        var article = await FeedData.ArticleAsync(app, "Lũ\u0001 về\u000B miền Trung", sapo: "Mưa lớn\u0008 kéo dài.");

        var response = await FeedClient.GetAsync(app, "/rss");

        var item = Item(response.Xml().Root!.Element("channel")!, article.Slug)!;
        Assert.Equal("Lũ về miền Trung", (string?)item.Element("title"));
        Assert.Equal("Mưa lớn kéo dài.", (string?)item.Element("description"));
    }

    private static XElement? Item(XElement channel, string slug) =>
        channel.Elements("item").SingleOrDefault(i => ((string?)i.Element("link"))?.EndsWith("/bai-viet/" + slug, StringComparison.Ordinal) == true);
}
