using System.Net;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>Section, tag and author pages: newest first, 20 a page, old addresses redirected.</summary>
public sealed class ListingPageTests(UncachedAppFactory app) : IClassFixture<UncachedAppFactory>
{
    [Fact]
    public async Task ASectionListsItsPublishedArticlesNewestFirstTwentyAPageWithPreviousAndNextLinks()
    {
        var section = await SectionAsync(app, "Xã hội");
        var published = new List<Article>();
        for (var i = 0; i < 45; i++)
        {
            published.Add(await ArticleAsync(app, $"Tin xã hội {i}", section, publishedAt: Now(app).AddMinutes(-i)));
        }

        // Two in the same second across the first page's end: the id settles their order, so no page
        // repeats or skips one, whether it is asked for by its number or through the link.
        var twin = await ArticleAsync(app, "Tin cùng giây", section, publishedAt: published[19].PublishedAt);
        var newestFirst = published.Take(19).Append(twin).Concat(published.Skip(19)).ToList();
        var path = PortalPaths.SectionPath(section.Slug);

        var first = await ReaderPage.GetAsync(app, path);
        var second = await ReaderPage.GetAsync(app, path + "?trang=2");
        var third = await ReaderPage.GetAsync(app, path + "?trang=3");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(section.Name, first.Text("main h1"));
        Assert.Equal(newestFirst.Take(20).Select(Link), first.ArticleLinks("main ul.list"));
        Assert.Equal(newestFirst.Skip(20).Take(20).Select(Link), second.ArticleLinks("main ul.list"));
        Assert.Equal(newestFirst.Skip(40).Select(Link), third.ArticleLinks("main ul.list"));

        // "Older articles" names the page's last article; the canonical address is the page's number alone.
        Assert.Equal("https://localhost" + path, first.Link("canonical"));
        Assert.Null(first.Link("prev"));
        Assert.Equal($"https://localhost{path}?trang=2&sau={twin.Id}", first.Link("next"));
        Assert.Equal($"{path}?trang=2&sau={twin.Id}", first.Find("nav.pagination a[rel='next']")?.GetAttribute("href"));
        Assert.Null(first.Find("nav.pagination a[rel='prev']"));

        Assert.Equal("https://localhost" + path + "?trang=2", second.Link("canonical"));
        Assert.Equal(path, second.Find("nav.pagination a[rel='prev']")?.GetAttribute("href"));
        Assert.Equal($"{path}?trang=3&sau={newestFirst[39].Id}", second.Find("nav.pagination a[rel='next']")?.GetAttribute("href"));
        Assert.Contains("trang 2", second.Text("title"), StringComparison.Ordinal);

        Assert.Equal(path + "?trang=2", third.Find("nav.pagination a[rel='prev']")?.GetAttribute("href"));
        Assert.Null(third.Find("nav.pagination a[rel='next']"));
        Assert.Null(third.Link("next"));

        // Through the links: the same pages.
        var secondByLink = await ReaderPage.GetAsync(app, first.Find("nav.pagination a[rel='next']")!.GetAttribute("href")!);
        var thirdByLink = await ReaderPage.GetAsync(app, secondByLink.Find("nav.pagination a[rel='next']")!.GetAttribute("href")!);
        Assert.Equal(second.ArticleLinks("main ul.list"), secondByLink.ArticleLinks("main ul.list"));
        Assert.Equal(third.ArticleLinks("main ul.list"), thirdByLink.ArticleLinks("main ul.list"));
        Assert.Equal("https://localhost" + path + "?trang=3", thirdByLink.Link("canonical"));
    }

    [Fact]
    public async Task ALinkWhoseArticleLeftTheListFindsThePageByItsNumber()
    {
        var section = await SectionAsync(app, "Môi trường");
        var other = await ArticleAsync(app, "Tin chuyên mục khác", await SectionAsync(app, "Khác"));
        var published = new List<Article>();
        for (var i = 0; i < 25; i++)
        {
            published.Add(await ArticleAsync(app, $"Tin môi trường {i}", section, publishedAt: Now(app).AddMinutes(-i)));
        }

        var path = PortalPaths.SectionPath(section.Slug);
        var link = (await ReaderPage.GetAsync(app, path)).Find("nav.pagination a[rel='next']")!.GetAttribute("href")!;
        Assert.Equal($"{path}?trang=2&sau={published[19].Id}", link);
        // The page starts after the article the link names, wherever it is.
        Assert.Equal(published.Skip(11).Select(Link), (await ReaderPage.GetAsync(app, $"{path}?trang=2&sau={published[10].Id}")).ArticleLinks("main ul.list"));

        // Taken down after the reader loaded page 1: page 2 is the 21st article onwards, as by its number.
        await SetStatusAsync(app, published[19].Id, ArticleStatus.Unpublished);
        var second = await ReaderPage.GetAsync(app, link);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(published.Skip(21).Select(Link), second.ArticleLinks("main ul.list"));

        // An article of another section is not a place in this one.
        var elsewhere = await ReaderPage.GetAsync(app, $"{path}?trang=2&sau={other.Id}");
        Assert.Equal(published.Skip(21).Select(Link), elsewhere.ArticleLinks("main ul.list"));
    }

    [Fact]
    public async Task AnArticleIdNotWrittenPlainlyOrOnTheFirstPageIsNotFound()
    {
        var section = await SectionAsync(app, "Nông nghiệp");
        var published = new List<Article>();
        for (var i = 0; i < 21; i++)
        {
            published.Add(await ArticleAsync(app, $"Tin nông nghiệp {i}", section, publishedAt: Now(app).AddMinutes(-i)));
        }

        var path = PortalPaths.SectionPath(section.Slug);
        var id = published[19].Id;
        Assert.Equal(HttpStatusCode.OK, (await ReaderPage.GetAsync(app, $"{path}?trang=2&sau={id}")).Status);
        foreach (var query in new[] { $"?sau={id}", $"?trang=1&sau={id}", "?trang=2&sau=", "?trang=2&sau=0", $"?trang=2&sau=0{id}", "?trang=2&sau=abc", "?trang=2&sau=-5", "?trang=2&sau=99999999999", $"?trang=2&sau={id}&sau={id}" })
        {
            var page = await ReaderPage.GetAsync(app, path + query);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{query}: {page.Status}");
        }
    }

    [Fact]
    public async Task APageNumberOutOfRangeOrNotAPlainNumberIsNotFound()
    {
        var section = await SectionAsync(app, "Thể thao");
        for (var i = 0; i < 41; i++)
        {
            await ArticleAsync(app, $"Tin thể thao {i}", section, publishedAt: Now(app).AddMinutes(-i));
        }

        var path = PortalPaths.SectionPath(section.Slug);
        Assert.Equal(HttpStatusCode.OK, (await ReaderPage.GetAsync(app, path + "?trang=3")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ReaderPage.GetAsync(app, path + "?trang=1")).Status);
        foreach (var query in new[] { "?trang=4", "?trang=0", "?trang=-1", "?trang=02", "?trang=%2B2", "?trang=2.0", "?trang=abc", "?trang=", "?trang=99999999999", "?trang=2&trang=3" })
        {
            var page = await ReaderPage.GetAsync(app, path + query);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{query}: {page.Status}");
        }
    }

    [Fact]
    public async Task AnEmptySectionExistsButOnlyItsFirstPage()
    {
        var section = await SectionAsync(app, "Du lịch");
        await ArticleAsync(app, "Bản nháp du lịch", section, ArticleStatus.Draft);

        var first = await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Empty(first.ArticleLinks());
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug) + "?trang=2")).Status);
    }

    [Fact]
    public async Task AHiddenOrUnknownSectionIsNotFound()
    {
        var hidden = await SectionAsync(app, "Tin nội bộ", hidden: true);
        await ArticleAsync(app, "Tin trong chuyên mục ẩn", hidden);

        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, PortalPaths.SectionPath(hidden.Slug))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, "/chuyen-muc/khong-co-chuyen-muc-nay")).Status);
        Assert.DoesNotContain(PortalPaths.SectionPath(hidden.Slug), (await ReaderPage.GetAsync(app, "/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldAddressesOfRenamedSectionsTagsAndAuthorsRedirectPermanentlyKeepingThePage()
    {
        var section = await SectionAsync(app, "Quốc phòng");
        var tag = await TagAsync(app, "Biên giới");
        var author = await AuthorAsync(app, "Hải Đăng");
        var hidden = await SectionAsync(app, "Chuyên mục đã ẩn", hidden: true);
        await ArticleAsync(app, "Tuần tra biên giới", section, tags: [tag], authors: [author]);
        await SaveAsync(app, db =>
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Section, OldSlug = "quoc-phong-cu", TargetId = section.Id, CreatedAt = Now(app) });
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Tag, OldSlug = "bien-gioi-cu", TargetId = tag.Id, CreatedAt = Now(app) });
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Author, OldSlug = "hai-dang-cu", TargetId = author.Id, CreatedAt = Now(app) });
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Section, OldSlug = "da-an-cu", TargetId = hidden.Id, CreatedAt = Now(app) });
        });

        var sectionMove = await ReaderPage.GetAsync(app, "/chuyen-muc/quoc-phong-cu?trang=2");
        var tagMove = await ReaderPage.GetAsync(app, "/the/bien-gioi-cu");
        var authorMove = await ReaderPage.GetAsync(app, "/tac-gia/hai-dang-cu");

        Assert.Equal(HttpStatusCode.MovedPermanently, sectionMove.Status);
        Assert.Equal(PortalPaths.SectionPath(section.Slug) + "?trang=2", sectionMove.RedirectPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, tagMove.Status);
        Assert.Equal(PortalPaths.TagPath(tag.Slug), tagMove.RedirectPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, authorMove.Status);
        Assert.Equal(PortalPaths.AuthorPath(author.Slug), authorMove.RedirectPath);
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, "/chuyen-muc/da-an-cu")).Status);
        // A slug taken by another section later is that section's, not a redirect: current slugs win.
        Assert.Equal(HttpStatusCode.OK, (await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug))).Status);
    }

    [Fact]
    public async Task ATagPageListsItsPublishedArticlesAndATagOnlyOnUnpublishedOnesHasNoPage()
    {
        var section = await SectionAsync(app, "Chính trị");
        var tag = await TagAsync(app, "Kỳ họp HĐND");
        var secret = await TagAsync(app, "Vụ án chưa công bố");
        var older = await ArticleAsync(app, "Khai mạc kỳ họp", section, publishedAt: Now(app).AddHours(-2), tags: [tag]);
        var newer = await ArticleAsync(app, "Bế mạc kỳ họp", section, publishedAt: Now(app).AddHours(-1), tags: [tag]);
        var draft = await ArticleAsync(app, "Dự thảo nghị quyết", section, ArticleStatus.Submitted, tags: [tag, secret]);

        var page = await ReaderPage.GetAsync(app, PortalPaths.TagPath(tag.Slug));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(tag.Name, page.Text("main h1"));
        Assert.Equal([Link(newer), Link(older)], page.ArticleLinks("main ul.list"));
        Assert.DoesNotContain(Link(draft), page.Html, StringComparison.Ordinal);
        // Page 2 through a link after the newer article: the older one, from the tag's links.
        Assert.Equal([Link(older)], (await ReaderPage.GetAsync(app, $"{PortalPaths.TagPath(tag.Slug)}?trang=2&sau={newer.Id}")).ArticleLinks("main ul.list"));
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, PortalPaths.TagPath(secret.Slug))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, "/the/khong-co-the-nay")).Status);
    }

    [Fact]
    public async Task AnAuthorPageShowsThePenNameBioPhotoAndTheirPublishedArticlesPaginated()
    {
        var section = await SectionAsync(app, "Kinh tế");
        var photo = await ImageAsync(app, 600, 600);
        var author = await AuthorAsync(app, "Trường Hà", "Phóng viên mảng kinh tế, theo dõi nông nghiệp.", photo);
        var colleague = await AuthorAsync(app, "Thu Thủy");
        var mine = new List<Article>();
        for (var i = 0; i < 21; i++)
        {
            mine.Add(await ArticleAsync(app, $"Giá lúa {i}", section, publishedAt: Now(app).AddMinutes(-i), authors: i == 0 ? [colleague, author] : [author]));
        }

        var theirs = await ArticleAsync(app, "Tin của đồng nghiệp", section, authors: [colleague]);
        var scheduled = await ArticleAsync(app, "Tin hẹn giờ", section, ArticleStatus.Scheduled, authors: [author]);
        var silent = await AuthorAsync(app, "Bút danh mới");
        await ArticleAsync(app, "Bản nháp đầu tay", section, ArticleStatus.Draft, authors: [silent]);

        var first = await ReaderPage.GetAsync(app, PortalPaths.AuthorPath(author.Slug));
        var second = await ReaderPage.GetAsync(app, PortalPaths.AuthorPath(author.Slug) + "?trang=2");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(author.PenName, first.Text("main h1"));
        Assert.Contains("Phóng viên mảng kinh tế", first.Text(".bio"), StringComparison.Ordinal);
        Assert.Equal("Phóng viên mảng kinh tế, theo dõi nông nghiệp.", first.Meta("description"));
        var img = first.Find(".listing-header img");
        Assert.NotNull(img);
        Assert.Equal($"/media/{photo.StoredName}", img.GetAttribute("src"));
        Assert.Equal("600", img.GetAttribute("width"));
        Assert.Contains(author.PenName, img.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal(mine.Take(20).Select(Link), first.ArticleLinks("main ul.list"));
        Assert.Equal([Link(mine[20])], second.ArticleLinks("main ul.list"));
        var secondByLink = await ReaderPage.GetAsync(app, first.Find("nav.pagination a[rel='next']")!.GetAttribute("href")!);
        Assert.Equal([Link(mine[20])], secondByLink.ArticleLinks("main ul.list"));
        Assert.DoesNotContain(Link(theirs), first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Link(scheduled), first.Html + second.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, PortalPaths.AuthorPath(silent.Slug))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderPage.GetAsync(app, "/tac-gia/khong-co-tac-gia-nay")).Status);
    }

    private static string Link(Article article) => PortalPaths.ArticlePath(article.Slug);
}
