using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// Readers get pages from memory, and the moment what they may see changes, the cached pages go.
/// A change written straight to the database (no announcement) is what proves a page came from the cache.
/// </summary>
public sealed class PortalCachingTests : IDisposable
{
    private readonly NewsroomAppFactory _app = new NewsroomAppFactory().With("Workflow:SchedulerEnabled", "false");

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/bai-viet/khanh-thanh-nha-may-nuoc-sach")]
    [InlineData("/")]
    public async Task APublicPageIsServedFromTheCacheUntilAChangeIsAnnounced(string path)
    {
        var id = await PublishedAsync("Khánh thành nhà máy nước sạch", "khanh-thanh-nha-may-nuoc-sach");
        using var reader = _app.CreateClient();
        Assert.Contains("Khánh thành nhà máy nước sạch", await reader.GetStringAsync(path), StringComparison.Ordinal);

        await RetitleSilentlyAsync(id, "Khánh thành nhà máy nước sạch Bình Minh");
        Assert.DoesNotContain("Bình Minh", await reader.GetStringAsync(path), StringComparison.Ordinal);

        await AnnounceAsync(id, PublicChange.Updated);
        Assert.Contains("Khánh thành nhà máy nước sạch Bình Minh", await reader.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageShowsANewlyPublishedArticleAtOnce()
    {
        await PublishedAsync("Giá xăng giảm lần thứ ba liên tiếp", "gia-xang-giam");
        using var reader = _app.CreateClient();
        Assert.Contains("Giá xăng giảm lần thứ ba liên tiếp", await reader.GetStringAsync("/"), StringComparison.Ordinal);

        var submitted = await ArticleAsync("Mở rộng quốc lộ 1 đoạn qua thị xã", "mo-rong-quoc-lo-1", ArticleStatus.Submitted);
        Assert.True(await WithPublishingAsync(p => p.TryPublishAsync(submitted, WorkflowAction.Publish, ArticleStatus.Submitted, Now, userId: null)));

        Assert.Contains("Mở rộng quốc lộ 1 đoạn qua thị xã", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/bai-viet/mo-rong-quoc-lo-1")).StatusCode);
    }

    [Fact]
    public async Task ATakenDownArticleLeavesTheCachedPagesAtOnce()
    {
        var id = await PublishedAsync("Thông tin sai về dự án cảng", "thong-tin-sai-ve-du-an-cang");
        var (editor, _) = await TestUsers.SignedInAsync(_app, Roles.Editor);
        using var reader = _app.CreateClient();
        Assert.Contains("Thông tin sai về dự án cảng", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/bai-viet/thong-tin-sai-ve-du-an-cang")).StatusCode);

        var review = await editor.GetAsync($"/newsroom/review/{id}");
        var version = System.Text.RegularExpressions.Regex.Match(review.Html, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var takeDown = await editor.PostAsync($"/newsroom/review/{id}/take-down", new Dictionary<string, string> { ["Version"] = version, ["Note"] = "Thông tin chưa được kiểm chứng." }, review.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, takeDown.Status);

        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync("/bai-viet/thong-tin-sai-ve-du-an-cang")).StatusCode);
        Assert.DoesNotContain("Thông tin sai về dự án cảng", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        editor.Dispose();
    }

    [Fact]
    public async Task SignedInPeopleAlwaysSeeTheStoredArticle()
    {
        var id = await PublishedAsync("Lễ hội đua ghe ngo", "le-hoi-dua-ghe-ngo");
        var (editor, _) = await TestUsers.SignedInAsync(_app, Roles.Editor);
        using var reader = _app.CreateClient();
        await reader.GetStringAsync("/bai-viet/le-hoi-dua-ghe-ngo");

        await RetitleSilentlyAsync(id, "Lễ hội đua ghe ngo năm nay");

        Assert.Contains("Lễ hội đua ghe ngo năm nay", (await editor.GetAsync("/bai-viet/le-hoi-dua-ghe-ngo")).Html, StringComparison.Ordinal);
        editor.Dispose();
    }

    [Fact]
    public async Task PublicPagesHaveAnETagACacheLifetimeAndAnswer304WhenUnchanged()
    {
        await PublishedAsync("Mùa nước nổi về sớm", "mua-nuoc-noi-ve-som");
        using var reader = _app.CreateClient();

        using var first = await reader.GetAsync("/bai-viet/mua-nuoc-noi-ve-som");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl?.MaxAge);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/bai-viet/mua-nuoc-noi-ve-som");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await reader.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/bai-viet/mua-nuoc-noi-ve-som");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-page\"", isWeak: true));
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PublicPagesAreCompressedAndTheBackOfficeIsNot(string encoding)
    {
        await PublishedAsync("Đường hoa xuân mở cửa", "duong-hoa-xuan");
        var (editor, _) = await TestUsers.SignedInAsync(_app, Roles.Editor);
        using var reader = _app.CreateClient();
        reader.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);
        editor.Http.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);

        using var page = await reader.GetAsync("/bai-viet/duong-hoa-xuan");
        using var desk = await editor.Http.GetAsync("/newsroom");

        Assert.Equal([encoding], page.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Empty(desk.Content.Headers.ContentEncoding);
        editor.Dispose();
    }

    [Fact]
    public async Task ReadersNotFoundAndGonePagesAreCompressedAndTheNewsroomsAreNot()
    {
        await ArticleAsync("Bài viết đã gỡ", "bai-viet-da-go", ArticleStatus.Unpublished);
        var (editor, _) = await TestUsers.SignedInAsync(_app, Roles.Editor);
        using var reader = _app.CreateClient();
        reader.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        editor.Http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");

        using var missing = await reader.GetAsync("/khong-co-trang-nay");
        using var gone = await reader.GetAsync("/bai-viet/bai-viet-da-go");
        using var deskMissing = await editor.Http.GetAsync("/newsroom/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(["gzip"], missing.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(["gzip"], gone.Content.Headers.ContentEncoding);
        await using var unzipped = new GZipStream(await missing.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var text = new StreamReader(unzipped);
        Assert.Contains("Không tìm thấy trang", await text.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deskMissing.StatusCode);
        Assert.Empty(deskMissing.Content.Headers.ContentEncoding);
        editor.Dispose();
    }

    [Fact]
    public async Task AnEnglishBrowserIsServedTheSameCachedVietnamesePage()
    {
        var id = await PublishedAsync("Hội thi ẩm thực", "hoi-thi-am-thuc");
        using var vietnamese = _app.CreateClient();
        using var english = _app.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var vi = await vietnamese.GetStringAsync("/");
        await RetitleSilentlyAsync(id, "Hội thi ẩm thực đường phố");
        var en = await english.GetStringAsync("/");

        // Readers' pages are Vietnamese whatever the browser asks for (ReaderLanguage): one cached copy serves both.
        Assert.Contains("lang=\"vi\"", en, StringComparison.Ordinal);
        Assert.Equal(vi, en);
    }

    [Fact]
    public async Task WithTheCacheTurnedOffEveryRequestReadsTheDatabase()
    {
        using var app = new NewsroomAppFactory().With("OutputCache:Enabled", "false");
        var id = await ArticleAsync(app, "Tăng cường phòng chống dịch", "tang-cuong-phong-chong-dich", ArticleStatus.Published);
        using var reader = app.CreateClient();
        await reader.GetStringAsync("/bai-viet/tang-cuong-phong-chong-dich");

        await RetitleSilentlyAsync(app, id, "Tăng cường phòng chống dịch sốt xuất huyết");

        Assert.Contains("sốt xuất huyết", await reader.GetStringAsync("/bai-viet/tang-cuong-phong-chong-dich"), StringComparison.Ordinal);
    }

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    private Task<int> PublishedAsync(string title, string slug) => ArticleAsync(_app, title, slug, ArticleStatus.Published);

    private Task<int> ArticleAsync(string title, string slug, ArticleStatus status) => ArticleAsync(_app, title, slug, status);

    private static async Task<int> ArticleAsync(NewsroomAppFactory app, string title, string slug, ArticleStatus status)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = title,
            Slug = slug,
            Sapo = title + ".",
            Body = $"<p>{title}.</p>",
            Status = status,
            CreatedAt = now.AddHours(-2),
            UpdatedAt = now.AddHours(-1),
            SubmittedAt = now.AddHours(-1),
            PublishedAt = status == ArticleStatus.Published ? now.AddMinutes(-30) : null,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    private Task RetitleSilentlyAsync(int id, string title) => RetitleSilentlyAsync(_app, id, title);

    private static async Task RetitleSilentlyAsync(NewsroomAppFactory app, int id, string title)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, title));
    }

    private async Task AnnounceAsync(int id, PublicChange change)
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublicArticleChanges>().AnnounceAsync(id, change);
    }

    private async Task<T> WithPublishingAsync<T>(Func<ArticlePublishing, Task<T>> use)
    {
        using var scope = _app.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<ArticlePublishing>());
    }
}
