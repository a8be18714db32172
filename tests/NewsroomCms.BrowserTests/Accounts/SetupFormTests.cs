using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Accounts;

/// <summary>The setup form before anyone has an account; no test here completes the setup.</summary>
public sealed class SetupFormTests(NewsroomSite site) : BrowserTest(site)
{
    [Fact]
    public async Task MismatchedPasswordsKeepTheNameAndEmailAndSayWhatIsWrong()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/setup");

        await page.GetByLabel("Họ và tên").FillAsync("Trần Văn Đức");
        await page.GetByLabel("Email").FillAsync("duc@baotinh.vn");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("mat-khau-2026");
        await page.GetByLabel("Mật khẩu xác nhận").FillAsync("mat-khau-2062");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản quản trị viên" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/setup"));
        await Expect(page.GetByText("Hai mật khẩu không khớp nhau.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Họ và tên")).ToHaveValueAsync("Trần Văn Đức");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("duc@baotinh.vn");
        await Expect(page.GetByLabel("Mật khẩu", new() { Exact = true })).ToBeEmptyAsync();
    }

    [Fact]
    public async Task TheStylesheetLoadsBeforeAnyoneHasSignedIn()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/setup");

        // A stylesheet that failed to load (say, answered with a sign-in page) has no readable rules.
        var rules = await page.EvaluateAsync<int>(
            "() => [...document.styleSheets].reduce((n, sheet) => { try { return n + sheet.cssRules.length; } catch { return n; } }, 0)");
        Assert.True(rules > 0, "The page has no CSS rules: /css/site.css did not load.");
    }

    [Fact]
    public async Task TheSetupPageHasNoAccessibilityViolationsEmptyOrWithErrors()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/setup");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản quản trị viên" }).ClickAsync();
        await Expect(page.GetByText("Vui lòng nhập Email.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
