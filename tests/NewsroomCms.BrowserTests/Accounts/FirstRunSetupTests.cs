using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Accounts;

public sealed class FirstRunSetupTests(NewsroomSite site) : BrowserTest(site)
{
    [Fact]
    public async Task TheFirstVisitorCreatesTheAdminAccountAndIsSignedIn()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/newsroom");
        await Expect(page).ToHaveURLAsync(Url("/setup"));
        await Expect(page).ToHaveTitleAsync("Thiết lập tòa soạn – NewsroomCms");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thiết lập tòa soạn" })).ToBeVisibleAsync();

        await page.GetByLabel("Họ và tên").FillAsync("Nguyễn Thị Minh Hạnh");
        await page.GetByLabel("Email").FillAsync("hanh@baotinh.vn");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("mat-khau-2026");
        await page.GetByLabel("Mật khẩu xác nhận").FillAsync("mat-khau-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản quản trị viên" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/newsroom"));
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Nguyễn Thị Minh Hạnh");

        var setupAgain = await page.GotoAsync("/setup");
        Assert.Equal(404, setupAgain?.Status);
    }
}
