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

        await MainNavigation(admin).GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Người dùng", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Thêm người dùng" }).ClickAsync();

        await admin.GetByLabel("Họ và tên").FillAsync("Đỗ Thị Hồng");
        await admin.GetByLabel("Email").FillAsync("hong@baotinh.vn");
        await admin.GetByLabel("Mật khẩu ban đầu").FillAsync("phong-vien-2026");
        await Expect(admin.GetByLabel("Phóng viên")).ToBeCheckedAsync();
        await Expect(admin.GetByLabel("Quản trị viên")).Not.ToBeCheckedAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo tài khoản cho Đỗ Thị Hồng.");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Đỗ Thị Hồng", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Quay lại danh sách người dùng" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Đỗ Thị Hồng" })).ToContainTextAsync("Phóng viên");

        var reporter = await SignInAsync("hong@baotinh.vn", "phong-vien-2026");
        await Expect(reporter.GetByRole(AriaRole.Banner)).ToContainTextAsync("Đỗ Thị Hồng");
        await Expect(MainNavigation(reporter).GetByRole(AriaRole.Link, new() { Name = "Tòa soạn", Exact = true })).ToBeVisibleAsync();
        await Expect(MainNavigation(reporter).GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true })).ToHaveCountAsync(0);

        var denied = await reporter.GotoAsync("/newsroom/users");
        Assert.Equal(403, denied?.Status);
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền truy cập" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheUserListNewUserFormAndUserPageHaveNoAccessibilityViolations()
    {
        await Site.CreateAccountAsync("Bùi Thanh Hà", "ha@baotinh.vn", AdminPassword, Roles.Admin);
        var page = await SignInAsync("ha@baotinh.vn", AdminPassword);

        await page.GotoAsync("/newsroom/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Người dùng", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/newsroom/users/new");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Phóng viên").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Expect(page.GetByText("Hãy chọn ít nhất một vai trò.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/newsroom/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bùi Thanh Hà" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bùi Thanh Hà", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static ILocator MainNavigation(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });
}
