using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Portal;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Hosting;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Hosting;

/// <summary>seed-demo makes a living paper: press-law settings, page views and, once an editor exists, a front page.</summary>
public sealed class DemoPaperTests
{
    [Fact]
    public async Task TheDemoPaperHasItsPressLawFooterAndMostReadButNoFrontPageWithoutAnEditor()
    {
        using var app = new UncachedAppFactory();

        var output = await SeedAsync(app);

        Assert.Contains("No editor or administrator yet", output, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app, db => db.FrontPageSlots.ToListAsync()));
        var home = await ReaderPage.GetAsync(app, "/");
        Assert.Equal("Báo Lam Giang điện tử", home.Text(".site-footer .footer-name"));
        Assert.Contains(home.Document.QuerySelectorAll(".press-law li"), li => li.TextContent.StartsWith("Giấy phép số", StringComparison.Ordinal));
        Assert.Equal(5, home.ArticleLinks("section.most-read").Count);
    }

    [Fact]
    public async Task OnceAnEditorExistsTheDemoChoosesTheFrontPageInTheirName()
    {
        using var app = new UncachedAppFactory();
        var editor = await TestUsers.CreateAsync(app, Roles.Editor);

        await SeedAsync(app);
        var again = await SeedAsync(app);

        var slots = await QueryAsync(app, db => db.FrontPageSlots.Include(s => s.Article).OrderBy(s => s.Position).ToListAsync());
        Assert.Equal(DemoContent.FrontPage, slots.Select(s => s.Article!.Title));
        Assert.All(slots, s => Assert.Equal(editor.Id, s.AssignedById));
        Assert.DoesNotContain("front-page stories", again, StringComparison.Ordinal);
        var home = await ReaderPage.GetAsync(app, "/");
        Assert.Single(home.ArticleLinks("section.lead"), "/bai-viet/" + VietnameseText.Slugify(DemoContent.FrontPage[0]));
    }

    private static async Task<string> SeedAsync(UncachedAppFactory app)
    {
        using var output = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(app.Services, ["seed-demo"], new StringReader(""), output, output);
        Assert.True(exitCode == AdminCommands.Ok, output.ToString());
        return output.ToString();
    }
}
