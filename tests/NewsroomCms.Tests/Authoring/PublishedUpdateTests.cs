using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Authoring;

/// <summary>An editor changing a published article: an update readers see, and only when something they see changed.</summary>
public sealed partial class PublishedUpdateTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    private static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task SavingAChangeToAPublishedArticleIsAnUpdateShownToReaders()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Thông xe cầu Cổ Chiên");
        var slug = (await Authoring.ArticleAsync(app, id)).Slug;
        var reader = new FormClient(app);
        Assert.DoesNotContain("Cập nhật lúc", (await reader.GetAsync($"/bai-viet/{slug}")).Html, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(3));
        var now = Scheduling.Now(app);
        var form = await Desk.CurrentFormAsync(app, editor, id);
        form["Body"] = "<p>Cầu dài 1,5 km, rút ngắn thời gian đi lại còn 15 phút.</p>";
        var saved = await Authoring.PostAsync(editor, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(now, article.PublicUpdatedAt);
        Assert.Equal(1, app.Recording.CallsFor(id, PublicChange.Updated));
        var audit = Assert.Single(await Scheduling.AuditAsync(app, id, "article.update"));
        Assert.Equal(editorUser.Id, audit.UserId);
        Assert.Contains($"The published article was updated at {HaNoi.ToLocal(now):HH:mm}.", (await editor.GetAsync($"/newsroom/articles/{id}/edit")).Html, StringComparison.Ordinal);

        var page = await reader.GetAsync($"/bai-viet/{slug}");
        Assert.Contains("rút ngắn thời gian đi lại còn 15 phút", page.Html, StringComparison.Ordinal);
        Assert.Contains($"Cập nhật lúc <time datetime=\"{CorrectionTests.Encoded(HaNoi.FormatIso(now))}\">{CorrectionTests.Encoded(HaNoi.FormatLong(now, CultureInfo.GetCultureInfo("vi-VN")))}</time>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAPublishedArticleWithoutAChangeReadersSeeIsNoUpdate()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Khai giảng năm học mới");
        app.Clock.Advance(TimeSpan.FromHours(1));

        var saved = await Authoring.PostAsync(editor, $"/newsroom/articles/{id}/edit", await Desk.CurrentFormAsync(app, editor, id));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Null(article.PublicUpdatedAt);
        Assert.Equal(0, app.Recording.CallsFor(id, PublicChange.Updated));
        Assert.Empty(await Scheduling.AuditAsync(app, id, "article.update"));
        Assert.Contains("Nothing readers see has changed", (await editor.GetAsync($"/newsroom/articles/{id}/edit")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cập nhật lúc", (await new FormClient(app).GetAsync($"/bai-viet/{article.Slug}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublishedArticleIsNeverAutosavedOverWhatReadersSee()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Mùa lúa chín ở Mù Cang Chải");
        var before = await Authoring.ArticleAsync(app, id);

        var page = await editor.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Contains("&quot;autosaveUrl&quot;:null", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Update the published article</button>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Save draft</button>", page.Html, StringComparison.Ordinal);

        var form = await Desk.CurrentFormAsync(app, editor, id);
        form["Body"] = "<p>Đang gõ dở…</p>";
        var autosave = await Authoring.PostAsync(editor, $"/newsroom/articles/{id}/autosave", form);

        Assert.Equal(HttpStatusCode.Forbidden, autosave.Status);
        Assert.Contains("A published article is not saved automatically", autosave.Html, StringComparison.Ordinal);
        var after = await Authoring.ArticleAsync(app, id);
        Assert.Equal((before.Body, before.Version, (DateTime?)null), (after.Body, after.Version, after.PublicUpdatedAt));
        Assert.Equal(0, app.Recording.CallsFor(id, PublicChange.Updated));
    }

    [Fact]
    public async Task RestoringAnEarlierRevisionOfAPublishedArticleIsAnUpdate()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        var id = await Desk.PublishedAsync(app, reporter, editor, "Hội chợ nông sản");
        var form = await Desk.CurrentFormAsync(app, editor, id);
        form["Body"] = "<p>Hội chợ có 200 gian hàng.</p>";
        Assert.Equal(HttpStatusCode.Redirect, (await Authoring.PostAsync(editor, $"/newsroom/articles/{id}/edit", form)).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var now = Scheduling.Now(app);

        var first = await Authoring.QueryAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).MinAsync(r => r.Number));
        var revisionPage = await editor.GetAsync($"/newsroom/articles/{id}/revisions/{first}");
        var version = (await Authoring.ArticleAsync(app, id)).Version;
        var restored = await editor.PostAsync($"/newsroom/articles/{id}/revisions/{first}/restore", new Dictionary<string, string> { ["version"] = version.ToString() }, revisionPage.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(Desk.Body, article.Body);
        Assert.Equal(now, article.PublicUpdatedAt);
        Assert.Equal(2, app.Recording.CallsFor(id, PublicChange.Updated));
    }

    [Fact]
    public async Task ASaveThroughTheConflictScreenIsAnUpdateAndKeepsItsCorrection()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (ha, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        var id = await Desk.PublishedAsync(app, reporter, ha, "Giải đua thuyền truyền thống");
        var haForm = await Desk.CurrentFormAsync(app, ha, id);
        // Hà's page stops sending heartbeats; her lock runs out and Đức updates the article first.
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var ducForm = await Desk.CurrentFormAsync(app, duc, id);
        ducForm["Body"] = "<p>Có 24 đội tham gia.</p>";
        Assert.Equal(HttpStatusCode.Redirect, (await Authoring.PostAsync(duc, $"/newsroom/articles/{id}/edit", ducForm)).Status);
        await duc.PostAsync($"/newsroom/articles/{id}/lock/release", new Dictionary<string, string>(), ducForm["__RequestVerificationToken"]);
        var ducAt = Scheduling.Now(app);

        haForm["Body"] = "<p>Có 42 đội tham gia.</p>";
        haForm["CorrectionNotice"] = "Bản trước ghi sai số đội tham gia.";
        var screen = await Authoring.PostAsync(ha, $"/newsroom/articles/{id}/edit", haForm);

        Assert.Equal(HttpStatusCode.OK, screen.Status);
        Assert.Contains("name=\"Mine.CorrectionNotice\" rows=\"3\" maxlength=\"2000\">Bản trước ghi sai số đội tham gia.</textarea>", screen.Html, StringComparison.Ordinal);
        Assert.Equal(ducAt, (await Authoring.ArticleAsync(app, id)).PublicUpdatedAt);
        Assert.False(await Authoring.QueryAsync(app, db => db.ArticleCorrections.AnyAsync(c => c.ArticleId == id)));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var fields = new Dictionary<string, string>
        {
            ["Version"] = VersionField().Match(screen.Html).Groups[1].Value,
            ["KeptRevision"] = KeptRevisionField().Match(screen.Html).Groups[1].Value,
            ["Keep[Body]"] = "Mine",
        };
        foreach (var (name, value) in haForm.Where(f => f.Key is not ("Version" or "__RequestVerificationToken")))
        {
            fields["Mine." + name] = value;
        }

        var resolved = await ha.PostAsync($"/newsroom/articles/{id}/resolve", fields, screen.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, resolved.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(("<p>Có 42 đội tham gia.</p>", (DateTime?)Scheduling.Now(app)), (article.Body, article.PublicUpdatedAt));
        Assert.Equal("Bản trước ghi sai số đội tham gia.", (await Authoring.QueryAsync(app, db => db.ArticleCorrections.SingleAsync(c => c.ArticleId == id))).Notice);
        Assert.Equal(2, app.Recording.CallsFor(id, PublicChange.Updated));
        Assert.Equal(1, app.Recording.CallsFor(id, PublicChange.Corrected));
    }

    [Fact]
    public async Task EditingAnArticleReadersCannotSeeYetIsNoUpdate()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        var id = await Desk.SubmittedAsync(app, reporter, "Phòng chống bão số 9");
        var form = await Desk.CurrentFormAsync(app, editor, id);
        form["Body"] = "<p>Sơ tán hơn 3.000 hộ dân.</p>";

        Assert.Equal(HttpStatusCode.Redirect, (await Authoring.PostAsync(editor, $"/newsroom/articles/{id}/edit", form)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Authoring.PostAsync(editor, $"/newsroom/articles/{id}/autosave", await Desk.CurrentFormAsync(app, editor, id))).Status);

        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal("<p>Sơ tán hơn 3.000 hộ dân.</p>", article.Body);
        Assert.Null(article.PublicUpdatedAt);
        Assert.Equal(0, app.Recording.CallsFor(id, PublicChange.Updated));
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"KeptRevision\" value=\"([^\"]+)\"")]
    private static partial Regex KeptRevisionField();
}
