using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Authoring;

/// <summary>A newsroom whose editors check in and save on their own as often as allowed, so that tests need not wait long.</summary>
public sealed class QuickLockSite : NewsroomSite
{
    public QuickLockSite()
    {
        App.With("Editor:AutosaveInterval", "00:00:05");
        App.With("Editor:LockHeartbeatInterval", "00:00:05");
    }
}

/// <summary>
/// Two editors, each in their own browser, on one article the reporter has sent to them: the edit lock
/// with its banner and take-over, and the conflict screen when two saves meet.
/// </summary>
public sealed class EditTogetherTests(QuickLockSite site) : AuthoringTest<QuickLockSite>(site)
{
    private static readonly LocatorAssertionsToBeVisibleOptions AfterHeartbeat = new() { Timeout = 20_000 };

    [Fact]
    public async Task AnEditorTakesOverAndWhatTheOtherHadTypedEndsUpInARevision()
    {
        var id = await SubmittedArticleAsync("Thu Thủy", "Khánh thành cầu Rạch Miễu 2");
        var ha = await SignInAsEditorAsync("Trường Hà");
        await OpenEditorAsync(ha, id);
        var openedAt = NewsroomClock();
        // Hà types; what her page sends is held back until Đức has taken over, as on a slow connection.
        var tookOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var path in new[] { "**/autosave", "**/lock/heartbeat" })
        {
            await ha.RouteAsync(path, async route =>
            {
                await tookOver.Task;
                await route.ContinueAsync();
            });
        }

        await TypeInBodyAsync(ha, " Cây cầu dài 1,6 km nối hai tỉnh.");

        var duc = await SignInAsEditorAsync("Minh Đức");
        await OpenEditorAsync(duc, id);
        var banner = duc.GetByRole(AriaRole.Heading, new() { Name = $"Trường Hà đang sửa bài này từ {openedAt}" });
        await Expect(banner).ToBeVisibleAsync();
        await ExpectReadOnlyBodyAsync(duc);
        await Expect(Title(duc)).Not.ToBeEditableAsync();
        await Expect(duc.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(duc);

        await duc.GetByRole(AriaRole.Link, new() { Name = "Sửa thay", Exact = true }).ClickAsync();
        await Expect(duc.GetByRole(AriaRole.Heading, new() { Name = "Sửa thay người đang sửa", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(duc);
        await duc.GetByRole(AriaRole.Button, new() { Name = "Sửa thay Trường Hà" }).ClickAsync();
        await Expect(duc).ToHaveURLAsync(EditorAddress());
        await Expect(Body(duc)).ToBeEditableAsync(new() { Timeout = 20_000 });
        await Expect(banner).ToHaveCountAsync(0);

        tookOver.SetResult();
        var told = ha.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Minh Đức đã sửa thay bài này lúc" });
        await Expect(told).ToBeVisibleAsync(AfterHeartbeat);
        await ExpectReadOnlyBodyAsync(ha);
        await Expect(Title(ha)).Not.ToBeEditableAsync();
        await told.GetByRole(AriaRole.Link, new() { Name = "Mở phiên bản" }).ClickAsync();

        await Expect(ha.GetByText("bản chưa lưu của Trường Hà khi Minh Đức sửa thay")).ToBeVisibleAsync();
        await Expect(ha.Locator(".article-body")).ToContainTextAsync("Cây cầu dài 1,6 km nối hai tỉnh.");
        Assert.DoesNotContain("Cây cầu dài", (await StoredArticleAsync(id)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSavesMeetAndTheSecondEditorChoosesWhatToKeep()
    {
        var id = await SubmittedArticleAsync("Lê Văn Tám", "Mùa nước nổi ở An Giang");
        var ha = await SignInAsEditorAsync("Trường Hà");
        // Hà's page cannot reach the server for its heartbeats (a weak connection), so her lock runs out.
        await ha.RouteAsync("**/lock/heartbeat", route => route.AbortAsync());
        await OpenEditorAsync(ha, id);
        Site.App.Clock.Advance(TimeSpan.FromMinutes(3));

        var duc = await SignInAsEditorAsync("Minh Đức");
        await OpenEditorAsync(duc, id);
        await Title(duc).FillAsync("Mùa nước nổi về sớm ở An Giang");
        await SaveDraftAsync(duc);
        await Expect(duc.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu lúc" })).ToBeVisibleAsync();
        await duc.CloseAsync();
        Site.App.Clock.Advance(TimeSpan.FromMinutes(3));

        await Sapo(ha).FillAsync("Nước lũ đầu nguồn về sớm hơn mọi năm.");
        await TypeInBodyAsync(ha, " Bà con chuẩn bị lưới bắt cá linh.");
        await SaveDraftAsync(ha);

        await Expect(ha.GetByRole(AriaRole.Heading, new() { Name = "Có người khác đã lưu bài viết này trong lúc bạn đang sửa", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(ha);
        var title = ha.GetByRole(AriaRole.Group, new() { Name = "Tiêu đề" });
        var sapo = ha.GetByRole(AriaRole.Group, new() { Name = "Sapo" });
        var body = ha.GetByRole(AriaRole.Group, new() { Name = "Nội dung" });
        await Expect(title).ToContainTextAsync("về sớm");
        await title.GetByLabel("Giữ bản hiện tại").CheckAsync();
        await sapo.GetByLabel("Giữ bản của tôi").CheckAsync();
        await body.GetByLabel("Giữ bản của tôi").CheckAsync();
        await ha.GetByRole(AriaRole.Button, new() { Name = "Lưu theo lựa chọn của tôi" }).ClickAsync();

        await Expect(ha).ToHaveURLAsync(EditorAddress());
        await Expect(ha.GetByRole(AriaRole.Status).Filter(new() { HasText = "theo các phần bạn chọn" })).ToBeVisibleAsync();
        var stored = await StoredArticleAsync(id);
        Assert.Equal("Mùa nước nổi về sớm ở An Giang", stored.Title);
        Assert.Equal("Nước lũ đầu nguồn về sớm hơn mọi năm.", stored.Sapo);
        Assert.Contains("Bà con chuẩn bị lưới bắt cá linh.", stored.Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens the editor without waiting for every TinyMCE file (the page's load event): the tests wait for
    /// what they look at, and a busy test machine can take longer than the default timeout to load them all.
    /// </summary>
    private static async Task OpenEditorAsync(IPage page, int id)
    {
        await page.GotoAsync($"/newsroom/articles/{id}/edit", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(Body(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    /// <summary>
    /// TinyMCE's read-only mode keeps the body selectable (to copy from) and refuses every change, so the
    /// body is checked by its mode and by typing into it.
    /// </summary>
    private static async Task ExpectReadOnlyBodyAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.tinymce?.get('Body')?.mode.get() === 'readonly'");
        var before = await Body(page).TextContentAsync() ?? "";
        await Body(page).PressSequentiallyAsync("xyz");
        await Expect(Body(page)).ToHaveTextAsync(before);
    }

    private async Task<IPage> SignInAsEditorAsync(string displayName)
    {
        var email = $"{Guid.NewGuid():N}@baotinh.vn";
        await Site.CreateAccountAsync(displayName, email, Password, Roles.Editor);
        return await SignInAsync(email, Password);
    }

    /// <summary>An article a reporter wrote and sent to the editors, straight into the database; returns its id.</summary>
    private async Task<int> SubmittedArticleAsync(string reporter, string title)
    {
        await (await SignInAsReporterAsync(reporter)).CloseAsync();
        await AddArticleAsync(reporter, title, ArticleStatus.Submitted);
        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync();
    }
}
