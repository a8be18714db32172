using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Accounts;

public sealed class SignInTests(NewsroomSite site) : BrowserTest(site)
{
    private const string Password = "bien-tap-2026";

    [Fact]
    public async Task AnEditorSignsInAndOutWithTheButtonInTheHeader()
    {
        await Site.CreateAccountAsync("Lê Thị Lan", "lan@baotinh.vn", Password, Roles.Editor);
        var page = await NewPageAsync();

        await page.GotoAsync("/newsroom");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByLabel("Email").FillAsync("lan@baotinh.vn");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/newsroom"));
        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header).ToContainTextAsync("Lê Thị Lan");

        await header.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(header).Not.ToContainTextAsync("Lê Thị Lan");

        await page.GotoAsync("/newsroom");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập vào tòa soạn" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndKeepsTheEmail()
    {
        await Site.CreateAccountAsync("Phạm Quốc Minh", "minh@baotinh.vn", Password, Roles.Reporter);
        var page = await NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync("minh@baotinh.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email hoặc mật khẩu không đúng.");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("minh@baotinh.vn");
        await Expect(page.GetByLabel("Mật khẩu")).ToBeEmptyAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Phạm Quốc Minh");
    }

    [Fact]
    public async Task TheLanguageLinkSwitchesTheSignInPageToEnglishAndBack()
    {
        await Site.CreateAccountAsync("Đặng Văn Nam", "nam@baotinh.vn", Password, Roles.Reporter);
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the newsroom" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập vào tòa soạn" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
    }

    [Fact]
    public async Task TheSignInPageHasNoAccessibilityViolationsEmptyOrWithAnError()
    {
        await Site.CreateAccountAsync("Hoàng Thu Trang", "trang@baotinh.vn", Password, Roles.Reporter);
        var page = await NewPageAsync();

        await page.GotoAsync("/account/login");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Email").FillAsync("trang@baotinh.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email hoặc mật khẩu không đúng.");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
