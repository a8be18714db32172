using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using static NewsroomCms.Tests.Catalog.CatalogSteps;
using Steps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Catalog;

/// <summary>The address of an article readers have seen keeps working when an editor changes it.</summary>
public sealed class ArticleSlugHistoryTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ANewAddressForAPublishedArticleLeadsOldLinksThereWithA301()
    {
        var sectionId = await SectionAsync(app, "Giao thông vận tải", "giao-thong-van-tai");
        var (id, authorId) = await PublishedAsync(sectionId, "Khánh thành cầu Mỹ Thuận 2");
        var oldSlug = (await Steps.ArticleAsync(app, id)).Slug;
        Assert.Equal("khanh-thanh-cau-my-thuan-2", oldSlug);
        using var editor = await EditorAsync(app);
        using var reader = new FormClient(app);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, id, sectionId, authorId, "Khánh thành cầu Mỹ Thuận 2", "cau-my-thuan-2-thong-xe")).Status);

        Assert.Equal(id, await RedirectAsync(app, SlugKind.Article, oldSlug));
        var old = await reader.GetAsync($"/bai-viet/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.Status);
        Assert.Equal("/bai-viet/cau-my-thuan-2-thong-xe", old.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/bai-viet/cau-my-thuan-2-thong-xe")).Status);

        // Back to the first address: it is the article's own again, and the second one leads to it.
        await SaveAsync(editor, id, sectionId, authorId, "Khánh thành cầu Mỹ Thuận 2", oldSlug);

        Assert.Null(await RedirectAsync(app, SlugKind.Article, oldSlug));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/bai-viet/{oldSlug}")).Status);
        var second = await reader.GetAsync("/bai-viet/cau-my-thuan-2-thong-xe");
        Assert.Equal(HttpStatusCode.MovedPermanently, second.Status);
        Assert.Equal($"/bai-viet/{oldSlug}", second.RedirectPath);
    }

    [Fact]
    public async Task ADraftsAddressChangesFreelyWithoutHistory()
    {
        var sectionId = await SectionAsync(app, "Nông thôn mới", "nong-thon-moi");
        using var reporter = (await TestUsers.SignedInAsync(app, Roles.Reporter)).Client;
        var id = await Steps.NewArticleAsync(reporter);
        var authorId = (await Steps.ArticleAsync(app, id)).Authors.Single().AuthorId;

        await SaveAsync(reporter, id, sectionId, authorId, "Xã đạt chuẩn nông thôn mới", "xa-dat-chuan");
        await SaveAsync(reporter, id, sectionId, authorId, "Xã đạt chuẩn nông thôn mới", "xa-dat-chuan-nong-thon-moi");

        Assert.Equal("xa-dat-chuan-nong-thon-moi", (await Steps.ArticleAsync(app, id)).Slug);
        Assert.False(await QueryAsync(app, db => db.SlugRedirects.AnyAsync(r => r.Kind == SlugKind.Article && r.TargetId == id)));
    }

    /// <summary>Written by a reporter, submitted, published by an editor: as in the newsroom.</summary>
    private async Task<(int Id, int AuthorId)> PublishedAsync(int sectionId, string title)
    {
        using var reporter = (await TestUsers.SignedInAsync(app, Roles.Reporter)).Client;
        var id = await Steps.NewArticleAsync(reporter);
        var authorId = (await Steps.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var form = Steps.Complete(await Steps.FormAsync(reporter, id), sectionId, authorId);
        form["Title"] = title;
        form["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form)).Status);

        using var editor = await EditorAsync(app);
        var review = await editor.GetAsync($"/newsroom/review/{id}");
        var version = (await Steps.ArticleAsync(app, id)).Version.ToString();
        var published = await editor.PostAsync($"/newsroom/review/{id}/publish", new Dictionary<string, string> { ["Version"] = version }, review.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Equal(ArticleStatus.Published, (await Steps.ArticleAsync(app, id)).Status);
        return (id, authorId);
    }

    private static async Task<FormClient.Page> SaveAsync(FormClient client, int id, int sectionId, int authorId, string title, string slug)
    {
        var form = Steps.Complete(await Steps.FormAsync(client, id), sectionId, authorId);
        form["Title"] = title;
        form["Slug"] = slug;
        var saved = await Steps.PostAsync(client, $"/newsroom/articles/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        return saved;
    }
}
