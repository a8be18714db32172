using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;
using Steps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Workflow;

/// <summary>Đính chính: a public correction notice on a published article, from the review page or the editor.</summary>
public sealed class CorrectionTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    private static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task ACorrectionIsRecordedAndShownUnderTheArticleNewestFirstWithItsTime()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Khánh thành trường học vùng cao");
        var revisionsBefore = await RevisionCountAsync(id);

        app.Clock.Advance(TimeSpan.FromHours(2));
        var firstAt = Scheduling.Now(app);
        const string first = "Bản trước ghi sai tên xã: trường nằm ở xã Tà Xùa, không phải xã Háng Đồng.";
        var corrected = await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = "  " + first + "\r\n" });

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal($"/newsroom/review/{id}", corrected.RedirectPath);
        var correction = Assert.Single(await CorrectionsAsync(id));
        Assert.Equal((first, firstAt, editorUser.Id), (correction.Notice, correction.CreatedAt, correction.CreatedById));
        var article = await Steps.ArticleAsync(app, id);
        Assert.Equal(firstAt, article.PublicUpdatedAt);
        Assert.Equal(ArticleStatus.Published, article.Status);
        var revision = await Steps.QueryAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal((revisionsBefore + 1, "Đính chính", editorUser.Id, article.Body), (revision.Number, revision.Reason, revision.CreatedById, revision.Body));
        var audit = Assert.Single(await Scheduling.AuditAsync(app, id, "article.correct"));
        Assert.Equal((first, editorUser.Id, "Published", "Published"), (audit.Note, audit.UserId, audit.FromState, audit.ToState));
        Assert.Equal(1, app.Recording.CallsFor(id, PublicChange.Corrected));
        var review = await editor.GetAsync($"/newsroom/review/{id}");
        Assert.Contains("The correction to “Khánh thành trường học vùng cao” is published under the article.", review.Html, StringComparison.Ordinal);
        Assert.Contains("· correction", review.Html, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(45));
        var secondAt = Scheduling.Now(app);
        const string second = "Bổ sung: kinh phí xây dựng là 12 tỷ đồng, không phải 21 tỷ đồng.";
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = second })).Status);

        var page = await new FormClient(app).GetAsync($"/bai-viet/{article.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h2 id=\"corrections-heading\">Đính chính</h2>", page.Html, StringComparison.Ordinal);
        var secondShown = page.Html.IndexOf(second, StringComparison.Ordinal);
        var firstShown = page.Html.IndexOf(first, StringComparison.Ordinal);
        Assert.True(secondShown > 0 && firstShown > secondShown, "newest correction first");
        Assert.Contains($"Đính chính lúc <time datetime=\"{HaNoi.ToLocal(secondAt):yyyy-MM-ddTHH:mm}\">{Encoded(HaNoi.FormatLong(secondAt, Vietnamese))}</time>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"Đính chính lúc <time datetime=\"{HaNoi.ToLocal(firstAt):yyyy-MM-ddTHH:mm}\">{Encoded(HaNoi.FormatLong(firstAt, Vietnamese))}</time>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"Cập nhật lúc <time datetime=\"{Encoded(HaNoi.FormatIso(secondAt))}\">{Encoded(HaNoi.FormatLong(secondAt, Vietnamese))}</time>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoticeIsRequiredAndAtMost2000CharactersAndWhatWasTypedIsKept()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Hội thi tiếng hát người cao tuổi");
        var before = await Steps.ArticleAsync(app, id);

        var empty = await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = " \r\n " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        Assert.Contains("Write the correction notice readers will see.", empty.Html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"review-error correction-hint\" aria-invalid=\"true\"", empty.Html, StringComparison.Ordinal);

        var tooLong = new string('x', ArticleCorrection.NoticeMaxLength) + " thêm";
        var refused = await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = tooLong });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("The correction notice is too long: at most 2000 characters.", refused.Html, StringComparison.Ordinal);
        Assert.Contains(tooLong + "</textarea>", refused.Html, StringComparison.Ordinal);

        Assert.Empty(await CorrectionsAsync(id));
        var after = await Steps.ArticleAsync(app, id);
        Assert.Equal((before.Version, (DateTime?)null), (after.Version, after.PublicUpdatedAt));
        Assert.Equal(0, app.Recording.CallsFor(id, PublicChange.Corrected));

        // The browser counts a line break as one character against maxlength, and sends it as two.
        var twoParagraphs = new string('a', 1000) + "\r\n" + new string('b', 999);
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = twoParagraphs })).Status);
        Assert.Equal(ArticleCorrection.NoticeMaxLength, Assert.Single(await CorrectionsAsync(id)).Notice.Length);
    }

    [Fact]
    public async Task OnlyAPublishedArticleCanBeCorrectedAndOnlyByAnEditor()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var submitted = await Desk.SubmittedAsync(app, reporter, "Lễ hội đua ghe ngo");
        var takenDown = await Desk.PublishedAsync(app, reporter, editor, "Mùa nước nổi miền Tây");
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, takenDown, "take-down", new() { ["Note"] = "Chờ xác minh." })).Status);

        Assert.DoesNotContain("/correct\"", (await editor.GetAsync($"/newsroom/review/{submitted}")).Html, StringComparison.Ordinal);
        foreach (var id in new[] { submitted, takenDown })
        {
            var refused = await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = "Đính chính thử." });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
            Assert.Contains("Only a published article can be corrected.", refused.Html, StringComparison.Ordinal);
            Assert.Contains("Đính chính thử.</textarea>", refused.Html, StringComparison.Ordinal);
            Assert.Empty(await CorrectionsAsync(id));
            Assert.Null((await Steps.ArticleAsync(app, id)).PublicUpdatedAt);
        }

        var published = await Desk.PublishedAsync(app, reporter, editor, "Ngày hội văn hóa các dân tộc");
        var version = (await Steps.ArticleAsync(app, published)).Version;
        var token = (await reporter.GetAsync("/newsroom")).AntiforgeryToken;
        var denied = await reporter.PostAsync($"/newsroom/review/{published}/correct", new Dictionary<string, string> { ["Version"] = version.ToString(), ["Notice"] = "Tự đính chính." }, token);
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.StartsWith("/account/access-denied", denied.RedirectPath, StringComparison.Ordinal);
        Assert.Empty(await CorrectionsAsync(published));
    }

    [Fact]
    public async Task ACorrectionFromAStalePageChangesNothingAndKeepsTheNotice()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Giá cà phê tăng mạnh");
        var opened = await Steps.ArticleAsync(app, id);
        // Another editor takes it down and puts it back meanwhile.
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, "take-down", new() { ["Note"] = "Kiểm tra số liệu." })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, "republish")).Status);

        var stale = await Desk.DecideAsync(app, editor, id, "correct", new() { ["Notice"] = "Giá đúng là 120.000 đồng/kg.", ["Version"] = opened.Version.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Someone changed this article after you opened this page", stale.Html, StringComparison.Ordinal);
        Assert.Contains("Giá đúng là 120.000 đồng/kg.</textarea>", stale.Html, StringComparison.Ordinal);
        Assert.Empty(await CorrectionsAsync(id));
        Assert.Null((await Steps.ArticleAsync(app, id)).PublicUpdatedAt);
        Assert.Empty(await Scheduling.AuditAsync(app, id, "article.correct"));
    }

    [Fact]
    public async Task TheFixedTextAndItsCorrectionGoOutTogetherFromTheEditor()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var id = await Desk.PublishedAsync(app, reporter, editor, "Hội nghị xúc tiến đầu tư");
        var revisionsBefore = await RevisionCountAsync(id);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var now = Scheduling.Now(app);

        var editorPage = await editor.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Contains("<label for=\"CorrectionNotice\">", editorPage.Html, StringComparison.Ordinal);
        var form = await Desk.CurrentFormAsync(app, editor, id);
        form["Body"] = "<p>Hội nghị thu hút 35 nhà đầu tư.</p>";
        form["CorrectionNotice"] = "Bản trước ghi 53 nhà đầu tư; con số đúng là 35.";
        var saved = await Steps.PostAsync(editor, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var article = await Steps.ArticleAsync(app, id);
        Assert.Equal("<p>Hội nghị thu hút 35 nhà đầu tư.</p>", article.Body);
        Assert.Equal(now, article.PublicUpdatedAt);
        Assert.Equal("Bản trước ghi 53 nhà đầu tư; con số đúng là 35.", Assert.Single(await CorrectionsAsync(id)).Notice);
        // One revision for the fix, marked as the correction.
        Assert.Equal(revisionsBefore + 1, await RevisionCountAsync(id));
        var revision = await Steps.QueryAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal(("Đính chính", article.Body, editorUser.Id), (revision.Reason, revision.Body, revision.CreatedById));
        Assert.Single(await Scheduling.AuditAsync(app, id, "article.update"));
        Assert.Single(await Scheduling.AuditAsync(app, id, "article.correct"));
        Assert.Equal(1, app.Recording.CallsFor(id, PublicChange.Updated));
        Assert.Equal(1, app.Recording.CallsFor(id, PublicChange.Corrected));
        var after = await editor.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Contains("The article is updated and the correction published at", after.Html, StringComparison.Ordinal);
        Assert.Contains("· correction", after.Html, StringComparison.Ordinal);

        var tooLong = await Desk.CurrentFormAsync(app, editor, id);
        tooLong["CorrectionNotice"] = new string('y', ArticleCorrection.NoticeMaxLength + 1);
        tooLong["Body"] = "<p>Không được lưu.</p>";
        var refused = await Steps.PostAsync(editor, $"/newsroom/articles/{id}/edit", tooLong);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The correction notice is too long: at most 2000 characters.", refused.Html, StringComparison.Ordinal);
        Assert.Contains(new string('y', ArticleCorrection.NoticeMaxLength + 1) + "</textarea>", refused.Html, StringComparison.Ordinal);
        Assert.Equal("<p>Hội nghị thu hút 35 nhà đầu tư.</p>", (await Steps.ArticleAsync(app, id)).Body);
    }

    /// <summary>As the page writes it: "GMT+7" with the plus sign HTML-encoded.</summary>
    internal static string Encoded(string text) => text.Replace("+", "&#x2B;", StringComparison.Ordinal);

    private Task<List<ArticleCorrection>> CorrectionsAsync(int id) =>
        Steps.QueryAsync(app, db => db.ArticleCorrections.Where(c => c.ArticleId == id).OrderBy(c => c.Id).ToListAsync());

    private Task<int> RevisionCountAsync(int id) => Steps.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));
}
