using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;
using NewsroomCms.Web.Features.Shared;

namespace NewsroomCms.Tests.Authoring;

public sealed partial class RevisionHistoryTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task TheComparePageShowsWhatChangedBetweenTwoRevisions()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Trường Hà");
        var id = await Authoring.NewArticleAsync(reporter);
        await SaveAsync(reporter, id, "Hội nghị giao ban", "<p>Hội nghị được kết nối đến các huyện.</p>\n<p>Đoạn hai giữ nguyên.</p>");
        await SaveAsync(reporter, id, "Hội nghị giao ban tháng 1", "<p>Hội nghị đã kết nối đến các <strong>huyện</strong>.</p>\n<p>Đoạn hai giữ nguyên.</p>");

        var page = await reporter.GetAsync($"/newsroom/articles/{id}/compare");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"<label for=\"from\">{Vi("Older revision")}</label>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"to\">{Vi("Newer revision")}</label>", page.Html, StringComparison.Ordinal);
        Assert.Contains($">{Vi("Revision {0} ({1}, {2})", 1, "Trường Hà", "26/11/2026 14:00")}</th>", page.Html, StringComparison.Ordinal);
        Assert.Contains($">{Vi("Revision {0} ({1}, {2})", 2, "Trường Hà", "26/11/2026 14:00")}</th>", page.Html, StringComparison.Ordinal);
        var changed = string.Join(", ", Texts.Vietnamese<SharedResource>(app, "Title"), Texts.Vietnamese<SharedResource>(app, "Slug"), Texts.Vietnamese<SharedResource>(app, "Body"));
        Assert.Contains(Vi("Changed: {0}.", changed), page.Html, StringComparison.Ordinal);
        Assert.Contains(Deleted("được"), page.Html, StringComparison.Ordinal);
        Assert.Contains(Inserted("đã"), page.Html, StringComparison.Ordinal);
        Assert.Contains(Inserted(" tháng 1"), page.Html, StringComparison.Ordinal);
        Assert.Contains(Inserted("&lt;strong&gt;") + "huyện" + Inserted("&lt;/strong&gt;"), page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>huyện", page.Html, StringComparison.Ordinal);
        var chosen = await reporter.GetAsync($"/newsroom/articles/{id}/compare?from=1&to=2");
        Assert.Equal(Body(page.Html), Body(chosen.Html));
    }

    [Fact]
    public async Task TheCurrentVersionIncludesTextAutosavedSinceTheLastRevision()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        await SaveAsync(reporter, id, "Bản đã lưu", "<p>Đoạn đã lưu.</p>");
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Bản đã lưu";
        form["Body"] = "<p>Đoạn tự lưu.</p>";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form);

        var revision = await reporter.GetAsync($"/newsroom/articles/{id}/revisions/1");
        Assert.Contains($"/newsroom/articles/{id}/compare?from=1&amp;to=current", revision.Html, StringComparison.Ordinal);
        var page = await reporter.GetAsync($"/newsroom/articles/{id}/compare?from=1&to=current");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Deleted("đã"), page.Html, StringComparison.Ordinal);
        Assert.Contains(Inserted("tự"), page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherReporterCannotCompareOrRestore()
    {
        var (owner, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(owner);
        await SaveAsync(owner, id, "Bài của người khác", "<p>Một.</p>");
        await SaveAsync(owner, id, "Bài của người khác", "<p>Hai.</p>");
        var version = (await Authoring.ArticleAsync(app, id)).Version;
        var (other, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var token = (await other.GetAsync("/newsroom")).AntiforgeryToken;

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/newsroom/articles/{id}/compare")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/newsroom/articles/{id}/compare?from=1&to=2")).Status);
        var restore = await other.PostAsync($"/newsroom/articles/{id}/revisions/1/restore", new Dictionary<string, string> { ["Version"] = version.ToString() }, token);
        Assert.Equal(HttpStatusCode.NotFound, restore.Status);
        Assert.Equal("<p>Hai.</p>", (await Authoring.ArticleAsync(app, id)).Body);
    }

    [Fact]
    public async Task RestoringMakesANewRevisionWithTheOldContentAndKeepsTheHistory()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var oldTag = "Thẻ cũ " + Guid.NewGuid().ToString("N")[..6];
        var oldSection = await Authoring.SectionIdAsync(app);
        var newSection = await Authoring.QueryAsync(app, async db =>
        {
            var section = new Section { Name = "Kinh tế", Slug = "kinh-te-" + Guid.NewGuid().ToString("N")[..6], DisplayOrder = 2 };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });
        var form = await Authoring.FormAsync(reporter, id);
        form["SectionId"] = oldSection.ToString(CultureInfo.InvariantCulture);
        form["Title"] = "Tiêu đề ban đầu";
        form["Sapo"] = "Sapo ban đầu.";
        form["Body"] = "<p>Đoạn ban đầu.</p>";
        form["Tags"] = oldTag;
        form["FeaturedImageCaption"] = "Chú thích ban đầu";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Tiêu đề đã sửa";
        form["Sapo"] = "Sapo đã sửa.";
        form["Body"] = "<p>Đoạn đã sửa.</p>";
        form["Tags"] = "Thẻ mới";
        form["SectionId"] = newSection.ToString(CultureInfo.InvariantCulture);
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        // A tag nobody uses any more may be cleaned up; restoring brings it back by name.
        await Authoring.QueryAsync(app, db => db.Tags.Where(t => t.Name == oldTag).ExecuteDeleteAsync());

        var revisionPage = await reporter.GetAsync($"/newsroom/articles/{id}/revisions/1");
        Assert.Contains(Vi("Restore this revision"), revisionPage.Html, StringComparison.Ordinal);
        var restored = await reporter.PostAsync($"/newsroom/articles/{id}/revisions/1/restore",
            new Dictionary<string, string> { ["Version"] = VersionField().Match(revisionPage.Html).Groups[1].Value }, revisionPage.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        Assert.Equal($"/newsroom/articles/{id}/edit", restored.RedirectPath);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal("Tiêu đề ban đầu", article.Title);
        Assert.Equal("tieu-de-ban-dau", article.Slug);
        Assert.Equal("Sapo ban đầu.", article.Sapo);
        Assert.Equal("<p>Đoạn ban đầu.</p>", article.Body);
        Assert.Equal("Chú thích ban đầu", article.FeaturedImageCaption);
        Assert.Equal([oldTag], article.Tags.Select(t => t.Name));
        Assert.Equal(oldSection, article.SectionId);
        var history = await Authoring.QueryAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 2, 3], history.Select(r => r.Number));
        Assert.Equal(["Tiêu đề ban đầu", "Tiêu đề đã sửa", "Tiêu đề ban đầu"], history.Select(r => r.Title));
        Assert.Equal(["saved", "saved", "restored from revision 1"], history.Select(r => r.Reason));
        Assert.Equal(history[0].MetadataJson, history[2].MetadataJson);
        Assert.True(await Authoring.QueryAsync(app, db => db.AuditEvents.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "article.restore")));

        var editor = await reporter.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Contains(Vi("Revision {0} was restored as revision {1}.", 1, 3), editor.Html, StringComparison.Ordinal);
        Assert.Contains(Vi("restored from revision {0}", 1), editor.Html, StringComparison.Ordinal);
        Assert.Contains($"/newsroom/articles/{id}/compare?from=2&amp;to=3", editor.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextAutosavedSinceTheLastRevisionIsKeptAsARevisionBeforeARestore()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        await SaveAsync(reporter, id, "Bản một", "<p>Một.</p>");
        await SaveAsync(reporter, id, "Bản hai", "<p>Hai.</p>");
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Bản hai";
        form["Body"] = "<p>Hai, còn đang viết.</p>";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form);

        var revisionPage = await reporter.GetAsync($"/newsroom/articles/{id}/revisions/1");
        await reporter.PostAsync($"/newsroom/articles/{id}/revisions/1/restore",
            new Dictionary<string, string> { ["Version"] = VersionField().Match(revisionPage.Html).Groups[1].Value }, revisionPage.AntiforgeryToken);

        var history = await Authoring.QueryAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal(["<p>Một.</p>", "<p>Hai.</p>", "<p>Hai, còn đang viết.</p>", "<p>Một.</p>"], history.Select(r => r.Body));
        Assert.Equal(["saved", "saved", ArticleEditing.KeptBeforeRestoring, "restored from revision 1"], history.Select(r => r.Reason));
        Assert.Equal("<p>Một.</p>", (await Authoring.ArticleAsync(app, id)).Body);
    }

    [Fact]
    public async Task AnAddressNowUsedByAnotherArticleIsNotTakenBack()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var title = "Tin về địa chỉ " + Guid.NewGuid().ToString("N")[..6];
        await SaveAsync(reporter, id, title, "<p>Một.</p>");
        var oldSlug = (await Authoring.ArticleAsync(app, id)).Slug;
        await SaveAsync(reporter, id, title + " đã đổi", "<p>Hai.</p>");
        var other = await Authoring.NewArticleAsync(reporter);
        await SaveAsync(reporter, other, title, "<p>Bài khác.</p>");
        Assert.Equal(oldSlug, (await Authoring.ArticleAsync(app, other)).Slug);

        var revisionPage = await reporter.GetAsync($"/newsroom/articles/{id}/revisions/1");
        await reporter.PostAsync($"/newsroom/articles/{id}/revisions/1/restore",
            new Dictionary<string, string> { ["Version"] = VersionField().Match(revisionPage.Html).Groups[1].Value }, revisionPage.AntiforgeryToken);

        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(title, article.Title);
        Assert.Equal(oldSlug + "-2", article.Slug);
        Assert.Equal(oldSlug, (await Authoring.ArticleAsync(app, other)).Slug);
        var editor = await reporter.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Contains(Vi("The web address “{0}” now belongs to another article, so this one keeps a different address.", oldSlug), editor.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterCannotRestoreARevisionOfTheirSubmittedArticle()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var authorId = (await Authoring.ArticleAsync(app, id)).Authors.Single().AuthorId;
        await SaveAsync(reporter, id, "Bản nháp đầu", "<p>Một.</p>");
        var form = Authoring.Complete(await Authoring.FormAsync(reporter, id), await Authoring.SectionIdAsync(app), authorId);
        form["command"] = "submit";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        var before = await Authoring.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Submitted, before.Status);

        var revisionPage = await reporter.GetAsync($"/newsroom/articles/{id}/revisions/1");
        Assert.DoesNotContain($"/revisions/1/restore", revisionPage.Html, StringComparison.Ordinal);
        Assert.Contains(Vi("Only someone who may edit the article now can restore a revision."), revisionPage.Html, StringComparison.Ordinal);
        var refused = await reporter.PostAsync($"/newsroom/articles/{id}/revisions/1/restore",
            new Dictionary<string, string> { ["Version"] = before.Version.ToString() }, revisionPage.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains(Vi("This article can no longer be changed by you: it is {0}.", Vi("Waiting for review")), refused.Html, StringComparison.Ordinal);
        var after = await Authoring.ArticleAsync(app, id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(2, await Authoring.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task ARestoreFromAPageOpenedBeforeAnotherSaveChangesNothing()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        await SaveAsync(reporter, id, "Bản một", "<p>Một.</p>");
        await SaveAsync(reporter, id, "Bản hai", "<p>Hai.</p>");
        var revisionPage = await reporter.GetAsync($"/newsroom/articles/{id}/revisions/1");
        var otherTab = await Authoring.FormAsync(reporter, id);
        otherTab["Title"] = "Sửa ở thẻ khác";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", otherTab);

        var stale = await reporter.PostAsync($"/newsroom/articles/{id}/revisions/1/restore",
            new Dictionary<string, string> { ["Version"] = VersionField().Match(revisionPage.Html).Groups[1].Value }, revisionPage.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains(Vi("Someone saved this article after you opened this page, so nothing was restored. Compare the revision with the current version and restore it again if you still want to."), stale.Html, StringComparison.Ordinal);
        Assert.Equal("Sửa ở thẻ khác", (await Authoring.ArticleAsync(app, id)).Title);
        Assert.Equal(2, await Authoring.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
        // The page shown again carries the version stored now, so restoring from it works.
        Assert.Equal((await Authoring.ArticleAsync(app, id)).Version.ToString(), VersionField().Match(stale.Html).Groups[1].Value);
    }

    private static async Task SaveAsync(FormClient reporter, int id, string title, string body)
    {
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = title;
        form["Body"] = body;
        var saved = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
    }

    private static string Body(string html) => html[html.IndexOf("<table class=\"diff", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    private string Vi(string key, params object[] arguments) => Texts.Vietnamese<AuthoringResource>(app, key, arguments);

    private string Deleted(string html) => $"<del><span class=\"visually-hidden\">{Vi("deleted:")} </span>{html}</del>";

    private string Inserted(string html) => $"<ins><span class=\"visually-hidden\">{Vi("inserted:")} </span>{html}</ins>";

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
