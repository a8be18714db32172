using System.Net;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// An article that is not published never reaches a reader: not on the home page (even when an editor had
/// put it there), a section, tag or author page, among related or most-read articles, nor at its own address.
/// </summary>
public sealed class OnlyPublishedTests(UncachedAppFactory app) : IClassFixture<UncachedAppFactory>
{
    [Theory]
    [InlineData(ArticleStatus.Draft, HttpStatusCode.NotFound)]
    [InlineData(ArticleStatus.Submitted, HttpStatusCode.NotFound)]
    [InlineData(ArticleStatus.ChangesRequested, HttpStatusCode.NotFound)]
    [InlineData(ArticleStatus.Scheduled, HttpStatusCode.NotFound)]
    [InlineData(ArticleStatus.Unpublished, HttpStatusCode.Gone)]
    public async Task AnArticleThatIsNotPublishedAppearsNowhere(ArticleStatus status, HttpStatusCode atItsAddress)
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        var section = await SectionAsync(app, "Thời sự", displayOrder: -1);
        var tag = await TagAsync(app, "Giao ban");
        var author = await AuthorAsync(app, "Minh Đức");
        var visible = await ArticleAsync(app, "Bài đã đăng", section, publishedAt: Now(app).AddMinutes(-5), tags: [tag], authors: [author]);
        // The newest of all, sharing everything with the visible one, read more than anything, and once the lead story.
        var hidden = await ArticleAsync(app, "Bài chưa đăng", section, ArticleStatus.Published, publishedAt: Now(app), tags: [tag], authors: [author]);
        await SetFrontPageAsync(app, (0, hidden.Id));
        await AddViewsAsync(app, hidden.Id, Today(app), 1_000_000);
        await AddViewsAsync(app, visible.Id, Today(app), 1);
        await SetStatusAsync(app, hidden.Id, status);

        var pages = new[]
        {
            "/",
            PortalPaths.SectionPath(section.Slug),
            PortalPaths.TagPath(tag.Slug),
            PortalPaths.AuthorPath(author.Slug),
            PortalPaths.ArticlePath(visible.Slug),
        };
        foreach (var path in pages)
        {
            var page = await ReaderPage.GetAsync(app, path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(PortalPaths.ArticlePath(visible.Slug), page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.Slug, page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.Title, page.Html, StringComparison.Ordinal);
        }

        var own = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(hidden.Slug));
        Assert.Equal(atItsAddress, own.Status);
        Assert.DoesNotContain(hidden.Title, own.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Sapo, own.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderPagesAreInVietnameseWhateverTheBrowserAsksFor()
    {
        var section = await SectionAsync(app, "Kinh tế");
        var article = await ArticleAsync(app, "Giá lúa", section);
        using var client = new Infrastructure.FormClient(app).InEnglish();
        await client.GetAsync("/language?culture=en&returnUrl=%2F");

        foreach (var path in new[] { "/", PortalPaths.SectionPath(section.Slug), PortalPaths.ArticlePath(article.Slug), "/khong-co-trang-nay" })
        {
            using var response = await client.Http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
            Assert.Contains("Trang chủ", html, StringComparison.Ordinal);
            Assert.Equal("vi-VN", Assert.Single(response.Content.Headers.ContentLanguage));
        }
    }
}
