using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Portal;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Settings;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Settings;

/// <summary>Administrators set the paper's name and press-law details; every public footer shows the filled lines.</summary>
public sealed class SiteSettingsTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private const string Page = "/newsroom/settings";

    [Fact]
    public async Task AnAdministratorSavesTheSettingsWhichEveryPublicFooterShowsAndTheAuditLogRecords()
    {
        var (admin, adminUser) = await TestUsers.SignedInAsync(app, Roles.Admin);
        var form = await admin.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("<label for=\"PublicationName\">", form.Html, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", form.Html, StringComparison.Ordinal);

        var saved = await admin.PostAsync(Page, Complete(), form.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var settings = await QueryAsync(app, db => db.SiteSettings.SingleAsync());
        Assert.Equal(("Báo Lam Giang điện tử", new DateOnly(2021, 3, 5)), (settings.PublicationName, settings.LicenceDate));
        Assert.Equal(Now(app), settings.UpdatedAt);
        var audit = await QueryAsync(app, db => db.AuditEvents.Where(e => e.Action == SettingsController.ChangedAction).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(adminUser.Id, audit.UserId);
        Assert.Contains("PublicationName", audit.Note, StringComparison.Ordinal);

        foreach (var path in new[] { "/", "/khong-co-trang-nay" })
        {
            var page = await ReaderPage.GetAsync(app, path);
            Assert.Equal("Báo Lam Giang điện tử", page.Text(".masthead .brand"));
            Assert.Equal("Báo Lam Giang điện tử", page.Text(".site-footer .footer-name"));
            Assert.Equal(
                [
                    "Cơ quan chủ quản: Tỉnh ủy Lam Giang",
                    "Cơ quan báo chí: Báo Lam Giang",
                    "Giấy phép số 125/GP-BTTTT ngày 05/03/2021 do Bộ Thông tin và Truyền thông cấp",
                    "Tổng biên tập: Nguyễn Thị Thanh Hương",
                    "Địa chỉ: Số 18 đường Lê Lợi, phường Tân An, thành phố Lam Giang",
                    "Điện thoại: (0299) 3 822 555",
                    "Email: toasoan@baolamgiang.example",
                ],
                page.Document.QuerySelectorAll(".press-law li").Select(li => li.TextContent.Trim()));
            Assert.Equal("tel:02993822555", page.Find(".press-law a[href^='tel:']")?.GetAttribute("href"));
            Assert.Equal("mailto:toasoan@baolamgiang.example", page.Find(".press-law a[href^='mailto:']")?.GetAttribute("href"));
        }

        Assert.EndsWith(" – Báo Lam Giang điện tử", (await ReaderPage.GetAsync(app, "/khong-co-trang-nay")).Text("title"), StringComparison.Ordinal);

        // Only filled lines are shown.
        var partial = Complete();
        partial["LicenceDate"] = "";
        partial["GoverningBody"] = "";
        partial["Address"] = "";
        partial["Phone"] = "";
        await admin.PostAsync(Page, partial, (await admin.GetAsync(Page)).AntiforgeryToken);
        var footer = (await ReaderPage.GetAsync(app, "/")).Document.QuerySelectorAll(".press-law li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                "Cơ quan báo chí: Báo Lam Giang",
                "Giấy phép số 125/GP-BTTTT do Bộ Thông tin và Truyền thông cấp",
                "Tổng biên tập: Nguyễn Thị Thanh Hương",
                "Email: toasoan@baolamgiang.example",
            ],
            footer);
    }

    [Fact]
    public async Task WrongValuesAreRefusedWithTheirMessagesAndNothingIsSaved()
    {
        var (admin, _) = await TestUsers.SignedInAsync(app, Roles.Admin);
        admin.InEnglish();
        var before = await QueryAsync(app, db => db.SiteSettings.AsNoTracking().FirstOrDefaultAsync());
        var wrong = Complete();
        wrong["PublicationName"] = " ";
        wrong["Email"] = "toasoan";
        wrong["Phone"] = "gọi cho tòa soạn";
        wrong["LicenceDate"] = "2030-01-01";

        var refused = await admin.PostAsync(Page, wrong, (await admin.GetAsync(Page)).AntiforgeryToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Please enter Publication name.", refused.Html, StringComparison.Ordinal);
        Assert.Contains("Email is not a valid email address.", refused.Html, StringComparison.Ordinal);
        Assert.Contains("Phone may contain only digits, spaces and + ( ) . -", WebUtility.HtmlDecode(refused.Html), StringComparison.Ordinal);
        Assert.Contains("The licence date cannot be in the future.", refused.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Email\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused.Html, StringComparison.Ordinal);

        var noNumber = Complete();
        noNumber["LicenceNumber"] = "";
        var refusedAgain = await admin.PostAsync(Page, noNumber, (await admin.GetAsync(Page)).AntiforgeryToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedAgain.Status);
        Assert.Contains("Enter the licence number too", refusedAgain.Html, StringComparison.Ordinal);

        var after = await QueryAsync(app, db => db.SiteSettings.AsNoTracking().FirstOrDefaultAsync());
        Assert.Equal(before?.UpdatedAt, after?.UpdatedAt);
    }

    [Fact]
    public async Task WithoutSettingsTheFooterHasNoPressLawLines()
    {
        using var fresh = new NewsroomAppFactory();

        var home = await ReaderPage.GetAsync(fresh, "/");

        Assert.Empty(home.Document.QuerySelectorAll(".press-law li"));
        Assert.Equal("NewsroomCms", home.Text(".site-footer .footer-name"));
    }

    private static Dictionary<string, string> Complete() => new()
    {
        ["PublicationName"] = "Báo Lam Giang điện tử",
        ["GoverningBody"] = "Tỉnh ủy Lam Giang",
        ["AgencyName"] = "Báo Lam Giang",
        ["LicenceNumber"] = "125/GP-BTTTT",
        ["LicenceDate"] = "2021-03-05",
        ["LicenceIssuer"] = "Bộ Thông tin và Truyền thông",
        ["EditorInChief"] = "  Nguyễn Thị   Thanh Hương ",
        ["Address"] = "Số 18 đường Lê Lợi, phường Tân An, thành phố Lam Giang",
        ["Phone"] = "(0299) 3 822 555",
        ["Email"] = "toasoan@baolamgiang.example",
    };
}
