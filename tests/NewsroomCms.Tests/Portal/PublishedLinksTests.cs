using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Workflow;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// Tag and author pages list what their links say is published (<see cref="PublishedLinks"/>): these follow an
/// article through the newsroom's own steps (an editor's Publish and Take down, a tag added after publishing,
/// a tag merge) and check the pages readers get, with the output cache on as in production.
/// </summary>
public sealed class PublishedLinksTests : IDisposable
{
    private readonly NewsroomAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PublishingPutsAnArticleOnItsTagAndAuthorPagesAndTakingItDownTakesItOff()
    {
        var section = await SectionAsync(_app, "Thời sự");
        var tag = await TagAsync(_app, "Đê biển");
        var author = await AuthorAsync(_app, "Hải Đăng");
        var article = await ArticleAsync(_app, "Gia cố đê biển trước mùa bão", section, ArticleStatus.Submitted, tags: [tag], authors: [author]);
        using var reader = _app.CreateClient();

        // Nothing published yet: neither page exists.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PortalPaths.TagPath(tag.Slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PortalPaths.AuthorPath(author.Slug))).StatusCode);

        await DecideAsync(article.Id, "publish");

        Assert.Equal([Link(article)], (await ReaderPage.GetAsync(_app, PortalPaths.TagPath(tag.Slug))).ArticleLinks("main ul.list"));
        Assert.Equal([Link(article)], (await ReaderPage.GetAsync(_app, PortalPaths.AuthorPath(author.Slug))).ArticleLinks("main ul.list"));

        await DecideAsync(article.Id, "take-down", new() { ["Note"] = "Thông tin chưa được kiểm chứng." });

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PortalPaths.TagPath(tag.Slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PortalPaths.AuthorPath(author.Slug))).StatusCode);
    }

    [Fact]
    public async Task ATagGivenToAPublishedArticleListsItOnceTheChangeIsAnnounced()
    {
        var section = await SectionAsync(_app, "Kinh tế");
        var first = await TagAsync(_app, "Lúa gạo");
        var added = await TagAsync(_app, "Xuất khẩu");
        var other = await ArticleAsync(_app, "Giá lúa tăng nhẹ", section, publishedAt: Now(_app).AddHours(-3), tags: [added]);
        var article = await ArticleAsync(_app, "Gạo xuất khẩu được giá", section, publishedAt: Now(_app).AddHours(-1), tags: [first]);
        Assert.Equal([Link(other)], (await ReaderPage.GetAsync(_app, PortalPaths.TagPath(added.Slug))).ArticleLinks("main ul.list"));

        // As the editor's save of a published article does: the tags change, then the change is announced.
        await SaveAsync(_app, db => db.Articles.Include(a => a.Tags).Single(a => a.Id == article.Id).Tags.Add(db.Tags.Find(added.Id)!));
        await AnnounceAsync(article.Id, PublicChange.Updated);

        Assert.Equal([Link(article), Link(other)], (await ReaderPage.GetAsync(_app, PortalPaths.TagPath(added.Slug))).ArticleLinks("main ul.list"));
    }

    [Fact]
    public async Task AMergedTagsArticlesAreListedOnTheTagItWasMergedInto()
    {
        var section = await SectionAsync(_app, "Văn hóa");
        var source = await TagAsync(_app, "Le hoi");
        var target = await TagAsync(_app, "Lễ hội");
        var onSource = await ArticleAsync(_app, "Lễ hội Nghinh Ông", section, publishedAt: Now(_app).AddHours(-1), tags: [source]);
        var onTarget = await ArticleAsync(_app, "Lễ hội đình làng", section, publishedAt: Now(_app).AddHours(-2), tags: [target]);
        var editor = await TestUsers.CreateAsync(_app, Roles.Editor);

        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var tags = scope.ServiceProvider.GetRequiredService<TagEditing>();
            await tags.MergeAsync(await db.Tags.SingleAsync(t => t.Id == source.Id), await db.Tags.SingleAsync(t => t.Id == target.Id), editor.Id);
        }

        Assert.Equal([Link(onSource), Link(onTarget)], (await ReaderPage.GetAsync(_app, PortalPaths.TagPath(target.Slug))).ArticleLinks("main ul.list"));
    }

    [Fact]
    public async Task LinksCarryThePublicationTimeOnlyWhileTheArticleIsPublished()
    {
        var tag = await TagAsync(_app, "Giao thông");
        var author = await AuthorAsync(_app, "Minh Khang");
        var published = await ArticleAsync(_app, "Thông xe cầu mới", publishedAt: Now(_app).AddHours(-4), tags: [tag], authors: [author]);
        var draft = await ArticleAsync(_app, "Bản nháp về cầu", status: ArticleStatus.Draft, tags: [tag], authors: [author]);
        var takenDown = await ArticleAsync(_app, "Tin đã gỡ", status: ArticleStatus.Unpublished, tags: [tag], authors: [author]);

        // Left wrong on purpose, as a link could be before its article's change is announced.
        await QueryAsync(_app, db => db.ArticleAuthors.ExecuteUpdateAsync(set => set.SetProperty(b => b.PublishedAt, Now(_app))));
        await QueryAsync(_app, async db =>
        {
            await PublishedLinks.CopyAsync(db, articleId: null);
            return true;
        });

        var tagLinks = await QueryAsync(_app, db => db.ArticleTags
            .Where(l => EF.Property<int>(l, ArticleTagLink.TagId) == tag.Id)
            .Select(l => new { ArticleId = EF.Property<int>(l, ArticleTagLink.ArticleId), PublishedAt = EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt) })
            .ToDictionaryAsync(l => l.ArticleId, l => l.PublishedAt));
        var bylines = await QueryAsync(_app, db => db.ArticleAuthors.Where(b => b.AuthorId == author.Id).ToDictionaryAsync(b => b.ArticleId, b => b.PublishedAt));

        foreach (var links in new[] { tagLinks, bylines })
        {
            Assert.Equal(published.PublishedAt, links[published.Id]);
            Assert.Null(links[draft.Id]);
            Assert.Null(links[takenDown.Id]);
        }
    }

    private static string Link(Article article) => PortalPaths.ArticlePath(article.Slug);

    /// <summary>An editor's decision through the review page's own form (Publish, Take down).</summary>
    private async Task DecideAsync(int articleId, string action, Dictionary<string, string>? fields = null)
    {
        var (editor, _) = await TestUsers.SignedInAsync(_app, Roles.Editor);
        using (editor)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(_app, editor, articleId, action, fields)).Status);
        }
    }

    private async Task AnnounceAsync(int articleId, PublicChange change)
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublicArticleChanges>().AnnounceAsync(articleId, change);
    }
}
