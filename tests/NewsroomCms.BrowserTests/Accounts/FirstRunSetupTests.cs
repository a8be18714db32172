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
        await Expect(page).ToHaveTitleAsync("Set up the newsroom – NewsroomCms");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up the newsroom" })).ToBeVisibleAsync();

        await page.GetByLabel("Full name").FillAsync("Nguyễn Thị Minh Hạnh");
        await page.GetByLabel("Email").FillAsync("hanh@baotinh.vn");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("mat-khau-2026");
        await page.GetByLabel("Confirm password").FillAsync("mat-khau-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the administrator account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/newsroom"));
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Nguyễn Thị Minh Hạnh");

        var setupAgain = await page.GotoAsync("/setup");
        Assert.Equal(404, setupAgain?.Status);
    }
}
