using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Search;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Search;

/// <summary>Only what readers can see is ever found, and the index follows every public change at once.</summary>
public sealed class SearchVisibilityTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.ChangesRequested)]
    [InlineData(ArticleStatus.Scheduled)]
    [InlineData(ArticleStatus.Unpublished)]
    public async Task AnArticleThatIsNotPublishedIsNeverIndexedNorFound(ArticleStatus status)
    {
        var word = "Kỳ lân " + status;
        var hidden = await SearchSite.CreateAsync(app, word + " trong lễ hội đường phố", status: status);
        var published = await SearchSite.PublishAsync(app, word + " múa mừng năm mới");

        // Even when a change is announced for it (by mistake) or the index is rebuilt.
        await SearchSite.AnnounceAsync(app, hidden, PublicChange.Updated);
        await RebuildAsync();

        Assert.False(await SearchSite.IsIndexedAsync(app, hidden));
        Assert.True(await SearchSite.IsIndexedAsync(app, published));
        Assert.Equal([await SearchSite.SlugAsync(app, published)], await SearchSite.FoundAsync(app, "ky lan " + status));
    }

    /// <summary>Each step also evicts the cached result page, which was cached empty before the first.</summary>
    [Fact]
    public async Task TakingDownRemovesTheArticleFromResultsAtOnceAndRepublishingBringsItBack()
    {
        var id = await SearchSite.CreateAsync(app, "Khai mạc tuần lễ văn hóa dân tộc Chăm", status: ArticleStatus.Submitted);
        var slug = await SearchSite.SlugAsync(app, id);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        Assert.Empty(await SearchSite.FoundAsync(app, "dan toc Cham"));

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, id, "publish")).Status);
        Assert.Equal([slug], await SearchSite.FoundAsync(app, "dan toc Cham"));

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, id, "take-down", "Sai tên địa danh.")).Status);
        Assert.Empty(await SearchSite.FoundAsync(app, "dan toc Cham"));
        Assert.False(await SearchSite.IsIndexedAsync(app, id));

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, id, "republish")).Status);
        Assert.Equal([slug], await SearchSite.FoundAsync(app, "dan toc Cham"));
    }

    [Fact]
    public async Task AScheduledArticleIsFoundOnceTheSchedulerPublishesIt()
    {
        var id = await SearchSite.CreateAsync(app, "Khánh thành bệnh viện đa khoa khu vực phía Bắc", status: ArticleStatus.Scheduled);
        await Scheduling.QueryAsync(app, db => db.Articles.Where(a => a.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ScheduledAt, Scheduling.Now(app).AddMinutes(-1))));
        Assert.Empty(await SearchSite.FoundAsync(app, "benh vien da khoa khu vuc"));

        await Scheduling.PublishDueAsync(app);

        Assert.Equal([await SearchSite.SlugAsync(app, id)], await SearchSite.FoundAsync(app, "benh vien da khoa khu vuc"));
    }

    [Fact]
    public async Task AnUpdateOrACorrectionIsSearchableAtOnce()
    {
        var id = await SearchSite.PublishAsync(app, "Khởi công cầu vượt sông Hậu", body: "<p>Tổng vốn 5.000 tỷ đồng.</p>");
        var slug = await SearchSite.SlugAsync(app, id);

        await ChangeAsync(id, title: "Thông xe kỹ thuật cầu vượt sông Hậu", body: "<p>Tổng vốn 5.000 tỷ đồng.</p>");
        await SearchSite.AnnounceAsync(app, id, PublicChange.Updated);

        Assert.Equal([slug], await SearchSite.FoundAsync(app, "thong xe ky thuat"));
        Assert.Empty(await SearchSite.FoundAsync(app, "khoi cong cau vuot"));

        await ChangeAsync(id, title: "Thông xe kỹ thuật cầu vượt sông Hậu", body: "<p>Tổng vốn 4.200 tỷ đồng, không phải 5.000 tỷ đồng như đã đưa tin.</p>");
        await SearchSite.AnnounceAsync(app, id, PublicChange.Corrected);

        Assert.Equal([slug], await SearchSite.FoundAsync(app, "4.200 tỷ"));
    }

    [Fact]
    public async Task AnIndexRowLeftForAnUnpublishedArticleIsNeverShownAndARebuildRemovesIt()
    {
        var id = await SearchSite.PublishAsync(app, "Đội tuyển bóng chuyền nữ giành huy chương vàng");
        // As if the database were changed behind the app's back.
        await Scheduling.QueryAsync(app, db => db.Articles.Where(a => a.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ArticleStatus.Draft)));
        Assert.True(await SearchSite.IsIndexedAsync(app, id));

        Assert.Empty(await SearchSite.FoundAsync(app, "bong chuyen nu"));

        await RebuildAsync();
        Assert.False(await SearchSite.IsIndexedAsync(app, id));
    }

    [Fact]
    public async Task ARebuildIndexesArticlesPublishedWithoutTheWorkflow()
    {
        var imported = await SearchSite.CreateAsync(app, "Lễ hội nghinh Ông Thắng Tam", status: ArticleStatus.Published, tags: ["Lễ hội"]);
        // Not searched before the rebuild: nothing announced the article, so the page would stay cached.
        Assert.False(await SearchSite.IsIndexedAsync(app, imported));

        var indexed = await RebuildAsync();

        Assert.True(indexed >= 1);
        Assert.Equal([await SearchSite.SlugAsync(app, imported)], await SearchSite.FoundAsync(app, "nghinh ong"));
        Assert.Equal(
            await Scheduling.QueryAsync(app, db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Published)),
            indexed);
    }

    [Fact]
    public void TheIndexIsUpdatedBeforeCachedPagesAreEvicted()
    {
        using var scope = app.Services.CreateScope();

        var steps = scope.ServiceProvider.GetServices<IPublicArticleChangeHandler>().Select(step => step.GetType().Name).ToList();

        // Otherwise a search between the two steps would cache the old results again.
        Assert.Contains(nameof(PortalEviction), steps);
        Assert.True(steps.IndexOf(nameof(SearchIndex)) < steps.IndexOf(nameof(PortalEviction)), string.Join(", ", steps));
    }

    private async Task<int> RebuildAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync();
    }

    private Task<int> ChangeAsync(int id, string title, string body) =>
        Scheduling.QueryAsync(app, db => db.Articles.Where(a => a.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, title).SetProperty(a => a.Body, body)));

    private async Task<FormClient.Page> DecideAsync(FormClient editor, int id, string action, string? note = null)
    {
        var page = await editor.GetAsync($"/newsroom/review/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = new Dictionary<string, string> { ["Version"] = (await Scheduling.ArticleAsync(app, id)).Version.ToString() };
        if (note is not null)
        {
            fields["Note"] = note;
        }

        return await editor.PostAsync($"/newsroom/review/{id}/{action}", fields, page.AntiforgeryToken);
    }
}
