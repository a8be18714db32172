using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using Steps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Workflow;

/// <summary>An article's way through the desk, as reporters and editors take it in the browser.</summary>
public static class Desk
{
    public const string Sapo = "Sáng 17/1, UBND tỉnh tổ chức hội nghị giao ban trực tuyến đánh giá kết quả năm 2023.";
    public const string Body = "<p>Hội nghị được kết nối trực tuyến đến các huyện.</p>";

    /// <summary>A new article of <paramref name="reporter"/>, complete and sent to the editors; its byline is the reporter's pen name.</summary>
    public static async Task<int> SubmittedAsync(NewsroomAppFactory app, FormClient reporter, string title)
    {
        var id = await Steps.NewArticleAsync(reporter);
        var form = CompleteForm(await Steps.FormAsync(reporter, id), await Steps.SectionIdAsync(app), await BylineAsync(app, id), title);
        form["command"] = "submit";
        var submitted = await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(ArticleStatus.Submitted, (await Steps.ArticleAsync(app, id)).Status);
        return id;
    }

    /// <summary>Submitted by the reporter, then published by the editor from the review page.</summary>
    public static async Task<int> PublishedAsync(NewsroomAppFactory app, FormClient reporter, FormClient editor, string title)
    {
        var id = await SubmittedAsync(app, reporter, title);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(app, editor, id, "publish")).Status);
        Assert.Equal(ArticleStatus.Published, (await Steps.ArticleAsync(app, id)).Status);
        return id;
    }

    /// <summary>The editor form with every field a complete article has, as the page would send it.</summary>
    public static Dictionary<string, string> CompleteForm(Dictionary<string, string> form, int sectionId, IReadOnlyList<int> authorIds, string title)
    {
        var complete = new Dictionary<string, string>(form)
        {
            ["Title"] = title,
            ["Sapo"] = Sapo,
            ["Body"] = Body,
            ["SectionId"] = sectionId.ToString(CultureInfo.InvariantCulture),
            ["Tags"] = "Giao ban, KT - XH",
        };
        // Form posts repeat AuthorIds; FormUrlEncodedContent takes one value per key, so one author here.
        complete["AuthorIds"] = authorIds[0].ToString(CultureInfo.InvariantCulture);
        return complete;
    }

    /// <summary>The editor form of an article as stored now, for a test to change one thing in.</summary>
    public static async Task<Dictionary<string, string>> CurrentFormAsync(NewsroomAppFactory app, FormClient client, int id)
    {
        var article = await Steps.ArticleAsync(app, id);
        var form = await Steps.FormAsync(client, id);
        var complete = CompleteForm(form, article.SectionId!.Value, article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(), article.Title);
        complete["Sapo"] = article.Sapo;
        complete["Body"] = article.Body;
        complete["Tags"] = string.Join(", ", article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        return complete;
    }

    /// <summary>Posts a decision from the review page with the version it shows now, unless the fields say otherwise.</summary>
    public static async Task<FormClient.Page> DecideAsync(NewsroomAppFactory app, FormClient editor, int id, string action, Dictionary<string, string>? fields = null)
    {
        var page = await editor.GetAsync($"/newsroom/review/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var body = new Dictionary<string, string>(fields ?? []);
        if (!body.ContainsKey("Version"))
        {
            body["Version"] = (await Steps.ArticleAsync(app, id)).Version.ToString();
        }

        return await editor.PostAsync($"/newsroom/review/{id}/{action}", body, page.AntiforgeryToken);
    }

    public static Task<IReadOnlyList<int>> BylineAsync(NewsroomAppFactory app, int id) => Steps.QueryAsync(app, async db =>
        (IReadOnlyList<int>)await db.ArticleAuthors.Where(a => a.ArticleId == id).OrderBy(a => a.Position).Select(a => a.AuthorId).ToListAsync());

    /// <summary>
    /// Puts the pen name of <paramref name="userId"/> (made on first use) on the article's byline, after the
    /// others. The editor form of these tests sends one author, so a save through it drops the added ones.
    /// </summary>
    public static Task AddToBylineAsync(NewsroomAppFactory app, int id, string userId, string penName) => Steps.QueryAsync(app, async db =>
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.UserId == userId && a.PenName == penName)
            ?? new Author { PenName = penName, Slug = "tac-gia-" + Guid.NewGuid().ToString("N")[..12], UserId = userId, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        var position = await db.ArticleAuthors.CountAsync(a => a.ArticleId == id);
        db.ArticleAuthors.Add(new ArticleAuthor { ArticleId = id, Author = author, Position = position });
        return await db.SaveChangesAsync();
    });
}
