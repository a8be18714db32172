using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Catalog;

/// <summary>Sections, tags and author profiles as an editor uses them in the browser.</summary>
public sealed class CatalogPagesTests(NewsroomSite site) : BrowserTest(site)
{
    private const string Password = "bien-tap-2026";

    [Fact]
    public async Task AnEditorCreatesAndReordersSectionsWithTheButtonsTheirNamesSay()
    {
        await Site.CreateAccountAsync("Ngô Bảo Châu", "chau@baotinh.vn", Password, Roles.Editor);
        var page = await SignInAsync("chau@baotinh.vn", Password);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Chuyên mục", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chuyên mục", Level = 1 })).ToBeVisibleAsync();
        foreach (var name in new[] { "Thời sự", "Thể thao" })
        {
            await page.GetByLabel("Tên", new() { Exact = true }).FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tạo chuyên mục" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã tạo chuyên mục “{name}”.");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển lên “Thể thao”" }).PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã chuyển “Thể thao” lên.");
        await Expect(page.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(["Thể thao", "Thời sự"]);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Thể thao" })).ToContainTextAsync("/chuyen-muc/the-thao");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Đổi tên “Thể thao”" }).ClickAsync();
        await page.GetByLabel("Đường dẫn").FillAsync("The Thao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chuyên mục" }).ClickAsync();
        await Expect(page.GetByText("Đường dẫn chỉ được gồm chữ thường không dấu")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Đường dẫn")).ToHaveValueAsync("The Thao");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TheTagAndAuthorPagesHaveNoAccessibilityViolations()
    {
        await Site.CreateAccountAsync("Lê Minh Khuê", "khue@baotinh.vn", Password, Roles.Editor);
        int tagId;
        using (var scope = Site.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var tag = Tag.Create("Giáo dục");
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            tagId = tag.Id;
        }

        var page = await SignInAsync("khue@baotinh.vn", Password);

        await page.GotoAsync("/newsroom/tags?q=giao+duc");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Giáo dục" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/newsroom/tags/{tagId}");
        await page.GetByLabel("Tên thẻ được giữ lại").FillAsync("giao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gộp “Giáo dục” vào thẻ này" }).ClickAsync();
        await Expect(page.GetByText("Không có thẻ nào tên “giao”.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/newsroom/authors/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ tác giả" }).ClickAsync();
        await Expect(page.GetByText("Vui lòng nhập bút danh.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Bút danh").FillAsync("Khuê Lê");
        await page.GetByLabel("Tài khoản trong tòa soạn").SelectOptionAsync(new SelectOptionValue { Label = "Lê Minh Khuê (khue@baotinh.vn)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ tác giả" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo hồ sơ tác giả “Khuê Lê”.");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại danh sách tác giả" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Khuê Lê" })).ToContainTextAsync("Lê Minh Khuê");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
