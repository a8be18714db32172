using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Users;

public sealed class UserManagementTests(NewsroomSite site) : BrowserTest(site)
{
    private const string AdminPassword = "quan-tri-2026";

    [Fact]
    public async Task AnAdminCreatesAReporterWhoCanSignInButCannotManageUsers()
    {
        await Site.CreateAccountAsync("Vũ Minh Tuấn", "tuan@baotinh.vn", AdminPassword, Roles.Admin);
        var admin = await SignInAsync("tuan@baotinh.vn", AdminPassword);

        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();

        await admin.GetByLabel("Full name").FillAsync("Đỗ Thị Hồng");
        await admin.GetByLabel("Email").FillAsync("hong@baotinh.vn");
        await admin.GetByLabel("Initial password").FillAsync("phong-vien-2026");
        await Expect(admin.GetByLabel("Reporter")).ToBeCheckedAsync();
        await Expect(admin.GetByLabel("Administrator")).Not.ToBeCheckedAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Account created for Đỗ Thị Hồng.");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Đỗ Thị Hồng", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Back to users" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Đỗ Thị Hồng" })).ToContainTextAsync("Reporter");

        var reporter = await SignInAsync("hong@baotinh.vn", "phong-vien-2026");
        var navigation = reporter.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(reporter.GetByRole(AriaRole.Banner)).ToContainTextAsync("Đỗ Thị Hồng");
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Newsroom" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        var denied = await reporter.GotoAsync("/newsroom/users");
        Assert.Equal(403, denied?.Status);
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheUserListNewUserFormAndUserPageHaveNoAccessibilityViolations()
    {
        await Site.CreateAccountAsync("Bùi Thanh Hà", "ha@baotinh.vn", AdminPassword, Roles.Admin);
        var page = await SignInAsync("ha@baotinh.vn", AdminPassword);

        await page.GotoAsync("/newsroom/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/newsroom/users/new");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Reporter").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.GetByText("Choose at least one role.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/newsroom/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bùi Thanh Hà" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bùi Thanh Hà", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
