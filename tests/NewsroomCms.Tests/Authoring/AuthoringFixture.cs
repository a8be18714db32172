using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Authoring;

/// <summary>Steps a reporter takes in the editor, as form posts the way the browser sends them.</summary>
public static partial class Authoring
{
    public static async Task<int> NewArticleAsync(FormClient reporter)
    {
        var created = await reporter.SubmitAsync("/newsroom", "/newsroom/articles", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var match = EditPath().Match(created.Location!.OriginalString);
        Assert.True(match.Success, created.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The editor form as it is on the page now, so a test changes only what a person would.</summary>
    public static async Task<Dictionary<string, string>> FormAsync(FormClient reporter, int id)
    {
        var page = await reporter.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = new Dictionary<string, string>
        {
            ["Version"] = InputValue().Match(page.Html) is { Success: true } v ? v.Groups[1].Value : "",
            ["__RequestVerificationToken"] = page.AntiforgeryToken!,
        };
        return fields;
    }

    /// <summary>
    /// The whole editor form as a browser sends it for the article as stored (one author in the byline),
    /// with the page's version and token: for tests where every field matters, such as conflicts.
    /// </summary>
    public static async Task<Dictionary<string, string>> FullFormAsync(NewsroomAppFactory app, FormClient client, int id)
    {
        var form = await FormAsync(client, id);
        var article = await ArticleAsync(app, id);
        form["Title"] = article.Title;
        form["Slug"] = article.Slug;
        form["Sapo"] = article.Sapo;
        form["Body"] = article.Body;
        form["SectionId"] = article.SectionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        form["Tags"] = string.Join(", ", article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        form["AuthorIds"] = article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId.ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault() ?? "";
        form["FeaturedImageId"] = article.FeaturedImageId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        form["FeaturedImageCaption"] = article.FeaturedImageCaption ?? "";
        form["FeaturedImageCredit"] = article.FeaturedImageCredit ?? "";
        form["FeaturedImageAlt"] = article.FeaturedImageAlt ?? "";
        return form;
    }

    public static Dictionary<string, string> Complete(Dictionary<string, string> form, int sectionId, int authorId) => new(form)
    {
        ["Title"] = "Hội nghị giao ban trực tuyến công tác năm 2023",
        ["Sapo"] = "Sáng 17/1, UBND tỉnh tổ chức hội nghị giao ban trực tuyến đánh giá kết quả năm 2023.",
        ["Body"] = "<p>Hội nghị được kết nối trực tuyến đến các huyện.</p>",
        ["SectionId"] = sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AuthorIds"] = authorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tags"] = "Giao ban, KT - XH",
    };

    public static async Task<FormClient.Page> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        var token = fields.GetValueOrDefault("__RequestVerificationToken");
        var body = new Dictionary<string, string>(fields);
        body.Remove("__RequestVerificationToken");
        return await client.PostAsync(url, body, token);
    }

    public static async Task<T> QueryAsync<T>(NewsroomAppFactory app, Func<NewsroomDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }

    public static Task<Article> ArticleAsync(NewsroomAppFactory app, int id) =>
        QueryAsync(app, db => db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Authors).ThenInclude(b => b.Author).SingleAsync(a => a.Id == id));

    public static async Task<int> SectionIdAsync(NewsroomAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == "thoi-su");
        if (section is null)
        {
            section = new Section { Name = "Thời sự", Slug = "thoi-su", DisplayOrder = 1 };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
        }

        return section.Id;
    }

    [GeneratedRegex(@"^/newsroom/articles/(\d+)/edit$")]
    private static partial Regex EditPath();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex InputValue();
}
