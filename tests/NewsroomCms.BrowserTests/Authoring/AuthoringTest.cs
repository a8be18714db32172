using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Authoring;

/// <summary>
/// A reporter at the article editor: signs in, starts an article from the desk and finds the editor's
/// fields by their Vietnamese labels. The stored article is read back from the site's database.
/// </summary>
public abstract class AuthoringTest<TSite>(TSite site) : BrowserTest<TSite>(site)
    where TSite : NewsroomSite
{
    protected const string Password = "phong-vien-2026";

    /// <summary>The accessible title of TinyMCE's iframe, set by the editor page.</summary>
    protected const string BodyFrameTitle = "Trình soạn thảo nội dung bài viết";

    /// <summary>A new reporter signed in at the desk, on a site with the newspaper's sections and a few pen names.</summary>
    protected async Task<IPage> SignInAsReporterAsync(string displayName)
    {
        await AddSectionsAndPenNamesAsync();
        var email = $"{Guid.NewGuid():N}@baotinh.vn";
        await Site.CreateAccountAsync(displayName, email, Password, Roles.Reporter);
        return await SignInAsync(email, Password);
    }

    /// <summary>Clicks "Viết bài mới" on the desk and waits for the editor with TinyMCE ready; returns the article's id.</summary>
    protected static async Task<int> StartArticleAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Viết bài mới" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(EditorAddress());
        await WaitForEditorAsync(page);
        return ArticleId(page);
    }

    /// <summary>The editor is ready when TinyMCE's editable body is there.</summary>
    protected static Task WaitForEditorAsync(IPage page) => Expect(Body(page)).ToBeEditableAsync();

    protected static int ArticleId(IPage page) =>
        int.Parse(EditorOrPreviewAddress().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);

    protected static ILocator Title(IPage page) => page.GetByLabel("Tiêu đề", new() { Exact = true });

    protected static ILocator Sapo(IPage page) => page.GetByLabel("Sapo", new() { Exact = true });

    protected static ILocator Slug(IPage page) => page.GetByLabel("Đường dẫn", new() { Exact = true });

    protected static ILocator Section(IPage page) => page.GetByLabel("Chuyên mục", new() { Exact = true });

    /// <summary>The article body: the editable document inside TinyMCE's iframe.</summary>
    protected static ILocator Body(IPage page) => page.GetByTitle(BodyFrameTitle).ContentFrame.Locator("body");

    protected static ILocator SaveStatus(IPage page) => page.Locator("#save-status");

    protected static Task SaveDraftAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp", Exact = true }).ClickAsync();

    /// <summary>Types into the body as a person does: a click into the text, then the keyboard.</summary>
    protected static async Task TypeInBodyAsync(IPage page, string text)
    {
        var body = Body(page);
        await body.ClickAsync();
        await body.PressAsync("Control+End");
        await body.PressSequentiallyAsync(text);
    }

    private async Task AddSectionsAndPenNamesAsync()
    {
        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        if (await db.Sections.AnyAsync())
        {
            return;
        }

        string[] sections = ["Thời sự", "Kinh tế", "Văn hóa", "Du lịch"];
        db.Sections.AddRange(sections.Select((name, i) => new Web.Domain.Section
        {
            Name = name,
            Slug = VietnameseText.Slugify(name, Web.Domain.Section.SlugMaxLength),
            DisplayOrder = i + 1,
        }));
        string[] penNames = ["Thu Thủy", "Trường Hà"];
        db.Authors.AddRange(penNames.Select(name => new Author
        {
            PenName = name,
            Slug = VietnameseText.Slugify(name, Author.SlugMaxLength),
            CreatedAt = Site.App.Clock.GetUtcNow().UtcDateTime,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>An article of the reporter's that went through the editors already, put straight into the database.</summary>
    protected async Task AddArticleAsync(string reporter, string title, ArticleStatus status, string? editorsNote = null)
    {
        const string editor = "Trần Quốc Bảo";
        if (editorsNote is not null)
        {
            await Site.CreateAccountAsync(editor, $"{Guid.NewGuid():N}@baotinh.vn", Password, Roles.Editor);
        }

        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var userId = await db.Users.Where(u => u.DisplayName == reporter).Select(u => u.Id).SingleAsync();
        var now = Site.App.Clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = title,
            Slug = VietnameseText.Slugify(title, Article.SlugMaxLength),
            Sapo = title + ".",
            Body = $"<p>{title}.</p>",
            Status = status,
            SectionId = await db.Sections.Select(s => s.Id).FirstAsync(),
            CreatedAt = now.AddDays(-1),
            UpdatedAt = now.AddHours(-2),
            CreatedById = userId,
            SubmittedAt = now.AddHours(-3),
            PublishedAt = status == ArticleStatus.Published ? now.AddHours(-2) : null,
        };
        if (editorsNote is not null)
        {
            var editorId = await db.Users.Where(u => u.DisplayName == editor).Select(u => u.Id).FirstAsync();
            article.Notes.Add(new EditorialNote { Text = editorsNote, CreatedAt = now.AddHours(-2), AuthorId = editorId });
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync();
    }

    /// <summary>The article as stored now.</summary>
    protected async Task<Article> StoredArticleAsync(int id)
    {
        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.Articles.AsNoTracking().Include(a => a.Authors).ThenInclude(b => b.Author).SingleAsync(a => a.Id == id);
    }

    protected async Task<int> RevisionCountAsync(int id)
    {
        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.ArticleRevisions.CountAsync(r => r.ArticleId == id);
    }

    /// <summary>"HH:mm" of the site's clock in the newsroom's time zone, as the editor shows save times.</summary>
    protected string NewsroomClock()
    {
        var time = Site.App.Services.GetRequiredService<NewsroomTime>();
        return time.ToLocal(Site.App.Clock.GetUtcNow().UtcDateTime).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    protected static Regex EditorAddress() => Addresses.Editor();

    protected static Regex PreviewAddress() => Addresses.Preview();

    private static Regex EditorOrPreviewAddress() => Addresses.EditorOrPreview();
}

internal static partial class Addresses
{
    [GeneratedRegex(@"/newsroom/articles/\d+/edit$")]
    public static partial Regex Editor();

    [GeneratedRegex(@"/newsroom/articles/\d+$")]
    public static partial Regex Preview();

    [GeneratedRegex(@"/newsroom/articles/(?<id>\d+)(/edit)?$")]
    public static partial Regex EditorOrPreview();
}
