using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Tests.Search;
using static NewsroomCms.Tests.Catalog.CatalogSteps;

namespace NewsroomCms.Tests.Catalog;

/// <summary>
/// What readers get follows changes to sections, tags and authors at once: cached pages are evicted, and the
/// search index (which holds tag names and pen names) is updated.
/// </summary>
public sealed class CatalogCachingTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task RenamingTheSectionTagAndAuthorOfAnArticleShowsOnItsCachedPageAtOnce()
    {
        var sectionId = await SectionAsync(app, "Văn hóa", "van-hoa");
        var articleId = await ArticleAsync(app, ArticleStatus.Published, sectionId, "Lễ hội");
        var tagId = await QueryAsync(app, db => db.Tags.Where(t => t.Name == "Lễ hội").Select(t => t.Id).SingleAsync());
        var (slug, authorId) = await QueryAsync(app, async db =>
        {
            var author = new Author { PenName = "Hoàng Yến", Slug = "hoang-yen", CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.ArticleAuthors.Add(new ArticleAuthor { ArticleId = articleId, Author = author, Position = 0 });
            await db.SaveChangesAsync();
            return (await db.Articles.Where(a => a.Id == articleId).Select(a => a.Slug).SingleAsync(), author.Id);
        });
        using var reader = app.CreateClient();
        var first = await reader.GetStringAsync($"/bai-viet/{slug}");
        Assert.Contains(">Văn hóa</a>", first, StringComparison.Ordinal);
        Assert.Contains(">Hoàng Yến</a>", first, StringComparison.Ordinal);

        // Written straight to the database, no one told: only the cache can be serving the old title.
        await QueryAsync(app, db => db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, "Tuần lễ văn hóa các dân tộc")));
        Assert.DoesNotContain("Tuần lễ văn hóa các dân tộc", await reader.GetStringAsync($"/bai-viet/{slug}"), StringComparison.Ordinal);

        using var editor = await EditorAsync(app);
        await SubmitAsync(editor, $"/newsroom/sections/{sectionId}", $"/newsroom/sections/{sectionId}", new() { ["Input.Name"] = "Văn hóa - Nghệ thuật", ["Input.Slug"] = "" });
        var afterSection = await reader.GetStringAsync($"/bai-viet/{slug}");
        Assert.Contains("Tuần lễ văn hóa các dân tộc", afterSection, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chuyen-muc/van-hoa-nghe-thuat\">Văn hóa - Nghệ thuật</a>", afterSection, StringComparison.Ordinal);

        await SubmitAsync(editor, $"/newsroom/tags/{tagId}", $"/newsroom/tags/{tagId}", new() { ["Input.Name"] = "Lễ hội truyền thống", ["Input.Slug"] = "" });
        Assert.Contains("/the/le-hoi-truyen-thong", await reader.GetStringAsync($"/bai-viet/{slug}"), StringComparison.Ordinal);

        var page = await editor.GetAsync($"/newsroom/authors/{authorId}");
        var saved = await editor.PostAsync($"/newsroom/authors/{authorId}", new Dictionary<string, string> { ["Input.PenName"] = "Yến Hoàng", ["Input.Slug"] = "" }, page.AntiforgeryToken);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("<a href=\"/tac-gia/yen-hoang\" rel=\"author\">Yến Hoàng</a>", await reader.GetStringAsync($"/bai-viet/{slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamedTagsAndPenNamesAreFoundBySearch()
    {
        var id = await SearchSite.PublishAsync(app, "Giải đua thuyền truyền thống trên sông Hậu", tags: ["Đua ghe"], penNames: ["Tư Sang"]);
        var slug = await SearchSite.SlugAsync(app, id);
        var (tagId, authorId) = await QueryAsync(app, async db => (
            await db.Tags.Where(t => t.Name == "Đua ghe").Select(t => t.Id).SingleAsync(),
            await db.ArticleAuthors.Where(b => b.ArticleId == id).Select(b => b.AuthorId).SingleAsync()));
        using var editor = await EditorAsync(app);

        await SubmitAsync(editor, $"/newsroom/tags/{tagId}", $"/newsroom/tags/{tagId}", new() { ["Input.Name"] = "Ghe ngo Sóc Trăng", ["Input.Slug"] = "" });
        var page = await editor.GetAsync($"/newsroom/authors/{authorId}");
        await editor.PostAsync($"/newsroom/authors/{authorId}", new Dictionary<string, string> { ["Input.PenName"] = "Út Hiền", ["Input.Slug"] = "" }, page.AntiforgeryToken);

        Assert.Contains(slug, await SearchSite.FoundAsync(app, "ghe ngo soc trang"));
        Assert.Contains(slug, await SearchSite.FoundAsync(app, "Út Hiền"));
    }

    [Fact]
    public async Task OldAddressesOfRenamedOrMergedSectionsTagsAndAuthorsAnswer301ToTheCurrentPage()
    {
        var sectionId = await SectionAsync(app, "Thể thao", "the-thao");
        var articleId = await ArticleAsync(app, ArticleStatus.Published, sectionId, "Bóng chuyền");
        await ArticleAsync(app, ArticleStatus.Published, sectionId, "Bóng chuyền bãi biển");
        var (source, target) = await QueryAsync(app, async db => (
            await db.Tags.Where(t => t.Name == "Bóng chuyền").Select(t => t.Id).SingleAsync(),
            await db.Tags.Where(t => t.Name == "Bóng chuyền bãi biển").Select(t => t.Id).SingleAsync()));
        var authorId = await QueryAsync(app, async db =>
        {
            var author = new Author { PenName = "Lê Bình", Slug = "le-binh", CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.ArticleAuthors.Add(new ArticleAuthor { ArticleId = articleId, Author = author, Position = 0 });
            await db.SaveChangesAsync();
            await PublishedLinks.CopyAsync(db, articleId);
            return author.Id;
        });
        using var reader = new Infrastructure.FormClient(app);
        // Readers have the pages in the cache before anything changes.
        foreach (var path in new[] { "/chuyen-muc/the-thao", "/the/bong-chuyen", "/tac-gia/le-binh" })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(path)).Status);
        }

        using var editor = await EditorAsync(app);
        await SubmitAsync(editor, $"/newsroom/sections/{sectionId}", $"/newsroom/sections/{sectionId}", new() { ["Input.Name"] = "Thể thao", ["Input.Slug"] = "the-thao-trong-tinh" });
        await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}/merge", new() { ["Merge.TargetId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var page = await editor.GetAsync($"/newsroom/authors/{authorId}");
        await editor.PostAsync($"/newsroom/authors/{authorId}", new Dictionary<string, string> { ["Input.PenName"] = "Lê Bình", ["Input.Slug"] = "le-binh-pv" }, page.AntiforgeryToken);

        foreach (var (old, current) in new[] { ("/chuyen-muc/the-thao", "/chuyen-muc/the-thao-trong-tinh"), ("/the/bong-chuyen", "/the/bong-chuyen-bai-bien"), ("/tac-gia/le-binh", "/tac-gia/le-binh-pv") })
        {
            var moved = await reader.GetAsync(old);
            Assert.True(moved.Status == System.Net.HttpStatusCode.MovedPermanently, $"{old}: {moved.Status}");
            Assert.Equal(current, moved.RedirectPath);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(current)).Status);
        }
    }
}
