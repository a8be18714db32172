using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Authoring;

/// <summary>A newsroom whose editor saves on its own as often as it allows, so that tests need not wait long.</summary>
public sealed class QuickAutosaveSite : NewsroomSite
{
    /// <summary>The editor never saves on its own more often than this, whatever is configured.</summary>
    public static readonly TimeSpan AutosaveInterval = TimeSpan.FromSeconds(5);

    public QuickAutosaveSite() => App.With("Editor:AutosaveInterval", "00:00:05");
}

/// <summary>Autosave and the copy of unsaved text the editor keeps in the browser.</summary>
public sealed class UnsavedTextTests(QuickAutosaveSite site) : AuthoringTest<QuickAutosaveSite>(site)
{
    private const string Restore = "Khôi phục bản chưa lưu";

    /// <summary>Long enough for one autosave to start and come back on a slow machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions AfterAutosave =
        new() { Timeout = (float)(QuickAutosaveSite.AutosaveInterval * 3).TotalMilliseconds };

    [Fact]
    public async Task AutosaveStoresTheSapoAndSaysWhenWithoutMakingARevision()
    {
        var page = await SignInAsReporterAsync("Hà Minh Châu");
        var id = await StartArticleAsync(page);
        const string sapo = "Đến cuối tháng, toàn tỉnh đã gieo cấy được hơn 40 nghìn héc-ta lúa Đông Xuân.";

        await Sapo(page).PressSequentiallyAsync(sapo);
        await Expect(SaveStatus(page)).ToHaveTextAsync("Có thay đổi chưa lưu");

        await Expect(SaveStatus(page)).ToHaveTextAsync($"Đã lưu lúc {NewsroomClock()}", AfterAutosave);
        var stored = await StoredArticleAsync(id);
        Assert.Equal(sapo, stored.Sapo);
        Assert.Equal(0, await RevisionCountAsync(id));
        await Expect(page.GetByText("Chưa có phiên bản nào: mỗi lần lưu, một phiên bản sẽ được giữ lại.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SavingWhileAnAutosaveIsOnItsWayIsNotTakenForSomeoneElsesChange()
    {
        var page = await SignInAsReporterAsync("Mai Anh Tuấn");
        var id = await StartArticleAsync(page);
        // An autosave leaves before the reporter presses Save and reaches the server first: here it is held
        // until the form has been sent, and the form until the autosave is back.
        var autosaveLeaves = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var autosaveDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/autosave", async route =>
        {
            await autosaveLeaves.Task;
            await route.FulfillAsync(new() { Response = await route.FetchAsync() });
            autosaveDone.TrySetResult();
        });
        await page.RouteAsync("**/edit", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await autosaveDone.Task.WaitAsync(TimeSpan.FromSeconds(15));
            }

            await route.ContinueAsync();
        });

        await Title(page).FillAsync("Khởi công tuyến đường ven biển");
        await Expect(SaveStatus(page)).ToHaveTextAsync("Đang lưu…", AfterAutosave);
        var form = page.Locator("#article-form");
        await form.EvaluateAsync("form => { form.sent = new Promise(sent => form.addEventListener('submit', () => sent(), { once: true })); }");
        var saving = SaveDraftAsync(page);
        await form.EvaluateAsync("form => form.sent");
        autosaveLeaves.SetResult();
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Đã lưu lúc {NewsroomClock()}." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Có người khác đã lưu bài viết này trong lúc bạn đang sửa" })).ToHaveCountAsync(0);
        Assert.Equal(1, await RevisionCountAsync(id));
        Assert.Equal("Khởi công tuyến đường ven biển", (await StoredArticleAsync(id)).Title);
    }

    [Fact]
    public async Task TextTypedWhileTheServerCannotBeReachedIsOfferedBackAndThenSaved()
    {
        var page = await SignInAsReporterAsync("Ngô Đức Thắng");
        var id = await StartArticleAsync(page);
        await Title(page).FillAsync("Bàn giao nhà tình nghĩa");
        await SaveDraftAsync(page);
        await WaitForEditorAsync(page);

        await page.Context.SetOfflineAsync(true);
        await Title(page).FillAsync("Bàn giao 12 nhà tình nghĩa cho gia đình chính sách");
        await TypeInBodyAsync(page, "Mỗi căn nhà được hỗ trợ 60 triệu đồng.");
        await Expect(SaveStatus(page)).ToHaveTextAsync(
            "Chưa lưu được: không kết nối được với máy chủ. Nội dung của bạn vẫn được giữ trong trình duyệt này và sẽ được lưu khi có kết nối trở lại.",
            AfterAutosave);
        await Expect(SaveStatus(page)).ToHaveClassAsync("error");

        // The browser tab is closed while the connection is down; later the reporter opens the article again.
        var context = page.Context;
        await page.CloseAsync();
        await context.SetOfflineAsync(false);
        page = await context.NewPageAsync();
        await page.GotoAsync($"/newsroom/articles/{id}/edit");
        await WaitForEditorAsync(page);

        var notice = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Trình duyệt này còn giữ một bản mới hơn, chưa lưu của bài viết" });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(Title(page)).ToHaveValueAsync("Bàn giao nhà tình nghĩa");
        // Every text the status line shows from here: on a busy machine the next autosave (the restored text
        // counts as a change) can replace the message before an assertion polls for it.
        await SaveStatus(page).EvaluateAsync("status => { window.statusTexts = []; new MutationObserver(() => window.statusTexts.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true }); }");
        await notice.GetByRole(AriaRole.Button, new() { Name = Restore }).ClickAsync();

        await Expect(notice).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => window.statusTexts.includes('Đã khôi phục bản chưa lưu. Hãy lưu để giữ lại.')");
        await Expect(Title(page)).ToHaveValueAsync("Bàn giao 12 nhà tình nghĩa cho gia đình chính sách");
        await Expect(Body(page)).ToHaveTextAsync("Mỗi căn nhà được hỗ trợ 60 triệu đồng.");

        await SaveDraftAsync(page);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Đã lưu lúc {NewsroomClock()}." })).ToBeVisibleAsync();
        var stored = await StoredArticleAsync(id);
        Assert.Equal("Bàn giao 12 nhà tình nghĩa cho gia đình chính sách", stored.Title);
        Assert.Equal("<p>Mỗi căn nhà được hỗ trợ 60 triệu đồng.</p>", stored.Body);
        await WaitForEditorAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Restore })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DiscardingTheUnsavedCopyRemovesTheNoticeForGood()
    {
        var page = await SignInAsReporterAsync("Lý Thanh Tâm");
        var id = await StartArticleAsync(page);

        await page.Context.SetOfflineAsync(true);
        await Title(page).FillAsync("Bản thử không dùng đến");
        var context = page.Context;
        await page.CloseAsync();
        await context.SetOfflineAsync(false);
        page = await context.NewPageAsync();
        await page.GotoAsync($"/newsroom/articles/{id}/edit");
        await WaitForEditorAsync(page);

        var notice = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Trình duyệt này còn giữ một bản mới hơn, chưa lưu của bài viết" });
        await notice.GetByRole(AriaRole.Button, new() { Name = "Bỏ bản này" }).ClickAsync();
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(Title(page)).ToBeEmptyAsync();

        await page.ReloadAsync();
        await WaitForEditorAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Restore })).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("id => localStorage.getItem(`newsroom:article:${id}`)", id));
        Assert.Equal("", (await StoredArticleAsync(id)).Title);
    }
}
