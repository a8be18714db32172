using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// The paper's details, its sections and the most-read list are kept in memory between changes
/// (<see cref="PortalSnapshot"/>). The rules first, then the newsroom's own steps with the output cache
/// off, so only the snapshot could show readers something old.
/// </summary>
public sealed class PortalSnapshotTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));

    private PortalSnapshot Snapshot() => new(
        _clock,
        Options.Create(new OutputCacheSettings { Duration = TimeSpan.FromMinutes(10) }),
        Options.Create(new PortalOptions { ViewFlushInterval = TimeSpan.FromSeconds(30) }));

    private static SiteChrome Chrome(string name) => new(new SiteSettings(), [], name);

    [Fact]
    public async Task TheChromeIsLoadedOnceAndKeptUntilForgotten()
    {
        var snapshot = Snapshot();
        var loads = 0;
        Task<SiteChrome> Load() => Task.FromResult(Chrome($"Báo {++loads}"));

        Assert.Equal("Báo 1", (await snapshot.ChromeAsync(Load)).PublicationName);
        Assert.Equal("Báo 1", (await snapshot.ChromeAsync(Load)).PublicationName);
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("Báo 1", (await snapshot.ChromeAsync(Load)).PublicationName);

        snapshot.Forget();

        Assert.Equal("Báo 2", (await snapshot.ChromeAsync(Load)).PublicationName);
        // As long as a cached page, for what another instance changed.
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("Báo 3", (await snapshot.ChromeAsync(Load)).PublicationName);
    }

    [Fact]
    public async Task TheMostReadListIsCountedAgainAfterAFlushIntervalOrWhenForgottenAndTheChromeStays()
    {
        var snapshot = Snapshot();
        var counts = 0;
        var chromeLoads = 0;
        Task<IReadOnlyList<MostRead>> Count() => Task.FromResult<IReadOnlyList<MostRead>>([new MostRead(1, "Tin", "tin", ++counts)]);
        Task<SiteChrome> Load() => Task.FromResult(Chrome($"Báo {++chromeLoads}"));
        await snapshot.ChromeAsync(Load);

        Assert.Equal(1, (await snapshot.MostReadAsync(Count))[0].Views);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, (await snapshot.MostReadAsync(Count))[0].Views);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await snapshot.MostReadAsync(Count))[0].Views);

        snapshot.ForgetMostRead();

        Assert.Equal(3, (await snapshot.MostReadAsync(Count))[0].Views);
        Assert.Equal("Báo 1", (await snapshot.ChromeAsync(Load)).PublicationName);
    }

    [Fact]
    public async Task WhatALoadReadBeforeAChangeServesItsOwnRequestButIsNotKept()
    {
        var snapshot = Snapshot();
        var before = new TaskCompletionSource<SiteChrome>();
        var slow = snapshot.ChromeAsync(() => before.Task);

        snapshot.Forget(); // the change lands while the load is still reading
        before.SetResult(Chrome("Tên cũ"));

        Assert.Equal("Tên cũ", (await slow).PublicationName);
        Assert.Equal("Tên mới", (await snapshot.ChromeAsync(() => Task.FromResult(Chrome("Tên mới")))).PublicationName);
    }

    [Fact]
    public async Task AFailedLoadIsNotKept()
    {
        var snapshot = Snapshot();

        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshot.ChromeAsync(() => throw new InvalidOperationException("database locked")));

        Assert.Equal("Báo", (await snapshot.ChromeAsync(() => Task.FromResult(Chrome("Báo")))).PublicationName);
    }

    [Fact]
    public async Task ReadersSeeNewSettingsAndSectionsAtOnceWithoutTheOutputCache()
    {
        using var site = new UncachedAppFactory();
        Assert.NotEqual("Báo Lam Giang điện tử", (await ReaderPage.GetAsync(site, "/")).Text(".site-footer .footer-name"));
        var (admin, _) = await TestUsers.SignedInAsync(site, Roles.Admin);
        using (admin)
        {
            var form = await admin.GetAsync("/newsroom/settings");
            var saved = await admin.PostAsync("/newsroom/settings", new Dictionary<string, string> { ["PublicationName"] = "Báo Lam Giang điện tử" }, form.AntiforgeryToken);
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }

        Assert.Equal("Báo Lam Giang điện tử", (await ReaderPage.GetAsync(site, "/")).Text(".site-footer .footer-name"));

        var (editor, _) = await TestUsers.SignedInAsync(site, Roles.Editor);
        using (editor)
        {
            var form = await editor.GetAsync("/newsroom/sections");
            Assert.Equal(HttpStatusCode.OK, form.Status);
            var created = await editor.PostAsync("/newsroom/sections", new Dictionary<string, string> { ["Input.Name"] = "Biển đảo" }, form.AntiforgeryToken);
            Assert.Equal(HttpStatusCode.Redirect, created.Status);
        }

        Assert.Contains("Biển đảo", (await ReaderPage.GetAsync(site, "/")).Text("nav.sections"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushedViewsAndATakeDownChangeTheMostReadListAtOnce()
    {
        using var site = new UncachedAppFactory();
        var section = await SectionAsync(site, "Thời sự");
        var first = await ArticleAsync(site, "Mưa lớn ở vùng cao", section);
        var second = await ArticleAsync(site, "Khai mạc hội chợ", section);
        var counter = site.Services.GetRequiredService<ArticleViewCounter>();
        await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(first.Slug));
        await counter.FlushAsync();
        Assert.Equal([PortalPaths.ArticlePath(first.Slug)], (await ReaderPage.GetAsync(site, "/")).ArticleLinks("section.most-read"));

        for (var i = 0; i < 3; i++)
        {
            await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(second.Slug));
        }

        // Counted, not yet written: the list is as of the last flush.
        Assert.Equal([PortalPaths.ArticlePath(first.Slug)], (await ReaderPage.GetAsync(site, "/")).ArticleLinks("section.most-read"));
        await counter.FlushAsync();
        Assert.Equal(
            [PortalPaths.ArticlePath(second.Slug), PortalPaths.ArticlePath(first.Slug)],
            (await ReaderPage.GetAsync(site, "/")).ArticleLinks("section.most-read"));

        var (editor, _) = await TestUsers.SignedInAsync(site, Roles.Editor);
        using (editor)
        {
            var decided = await Desk.DecideAsync(site, editor, second.Id, "take-down", new() { ["Note"] = "Sai thông tin." });
            Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        }

        Assert.Equal([PortalPaths.ArticlePath(first.Slug)], (await ReaderPage.GetAsync(site, "/")).ArticleLinks("section.most-read"));
    }
}
