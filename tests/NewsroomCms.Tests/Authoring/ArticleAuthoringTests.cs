using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;

namespace NewsroomCms.Tests.Authoring;

public sealed class ArticleAuthoringTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ANewDraftOpensInTheEditorWithTheReportersOwnPenName()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Trường Hà");
        var id = await Authoring.NewArticleAsync(reporter);

        var editor = await reporter.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Matches("<option value=\"\\d+\" selected=\"selected\">Trường Hà</option>", editor.Html);

        var desk = await reporter.GetAsync("/newsroom");
        Assert.Contains($"/newsroom/articles/{id}/edit", desk.Html, StringComparison.Ordinal);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(user.Id, article.CreatedById);
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public async Task SavingNormalizesVietnameseMakesTheSlugAndKeepsARevision()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "\u00D0ại hội Đảng bộ tỉnh lần thứ XV".Normalize(NormalizationForm.FormD);
        form["Sapo"] = "  Sáng 17/1,   khai mạc  ";
        form["Tags"] = "Giao ban, giao  BAN, KT - XH";

        var saved = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal("Đại hội Đảng bộ tỉnh lần thứ XV", article.Title);
        Assert.True(article.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("dai-hoi-dang-bo-tinh-lan-thu-xv", article.Slug);
        Assert.Equal("Sáng 17/1, khai mạc", article.Sapo);
        Assert.Equal(["Giao ban", "KT - XH"], article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, await Authoring.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task ARevisionNamesTheSectionChosenInTheSameSave()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Bài có chuyên mục";
        form["SectionId"] = (await Authoring.SectionIdAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        var revision = await Authoring.QueryAsync(app, db => db.ArticleRevisions.SingleAsync(r => r.ArticleId == id));
        Assert.Equal("Thời sự", revision.Metadata.Section);
    }

    [Fact]
    public async Task ATagTypedDifferentlyReusesTheExistingTag()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var first = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, first);
        form["Title"] = "Bài một";
        form["Tags"] = "Nông thôn mới";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{first}/edit", form);

        var second = await Authoring.NewArticleAsync(reporter);
        form = await Authoring.FormAsync(reporter, second);
        form["Title"] = "Bài hai";
        form["Tags"] = "nông  THÔN mới";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{second}/edit", form);

        var tagIds = await Authoring.QueryAsync(app, db => db.Articles.Where(a => a.Id == first || a.Id == second).SelectMany(a => a.Tags.Select(t => t.Id)).Distinct().ToListAsync());
        Assert.Single(tagIds);
    }

    [Fact]
    public async Task TagSuggestionsMatchWithOrWithoutDiacritics()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Gợi ý thẻ";
        form["Tags"] = "Đồng bằng sông Cửu Long";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        foreach (var typed in new[] { "đồng", "dong bang", "ĐỒNG" })
        {
            var response = await reporter.Http.GetStringAsync($"/newsroom/tags/suggest?q={Uri.EscapeDataString(typed)}");
            Assert.Contains("Đồng bằng sông Cửu Long", JsonSerializer.Deserialize<string[]>(response)!);
        }
    }

    [Fact]
    public async Task ASlugThatIsTakenGetsANumberAndABadSlugIsExplainedWithTheFormKept()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var first = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, first);
        form["Title"] = "Tin trùng tên bài";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{first}/edit", form);

        var second = await Authoring.NewArticleAsync(reporter);
        form = await Authoring.FormAsync(reporter, second);
        form["Title"] = "Tin trùng tên bài";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{second}/edit", form);
        Assert.Equal("tin-trung-ten-bai-2", (await Authoring.ArticleAsync(app, second)).Slug);

        form = await Authoring.FormAsync(reporter, second);
        form["Title"] = "Tin trùng tên bài";
        form["Sapo"] = "Phần sapo vẫn còn nguyên.";
        form["Slug"] = "Có Dấu Và Khoảng Trắng";
        var refused = await Authoring.PostAsync(reporter, $"/newsroom/articles/{second}/edit", form);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("field-validation-error", refused.Html, StringComparison.Ordinal);
        Assert.Contains("Phần sapo vẫn còn nguyên.", refused.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Có Dấu Và Khoảng Trắng\"", refused.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("autosave")]
    public async Task HtmlPostedPastTheEditorIsSanitizedBeforeItIsStoredOrShown(string endpoint)
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Bài có mã độc";
        form["Body"] = """
            <script>alert('xss')</script>
            <p onclick="steal()" style="position:fixed;top:0">Chữ của phóng viên</p>
            <img src=x onerror="alert(1)">
            <a href="javascript:alert(1)">liên kết xấu</a>
            <a href="https://baotinh.vn/bai-viet/a">liên kết tốt</a>
            <iframe src="https://evil.example/x"></iframe>
            <iframe src="https://www.youtube.com/embed/abc123"></iframe>
            <form action="https://evil.example"><input name="pw"></form>
            """;

        var saved = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/{endpoint}", form);
        Assert.True(saved.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, saved.Status.ToString());

        var stored = (await Authoring.ArticleAsync(app, id)).Body;
        var shown = (await reporter.GetAsync($"/newsroom/articles/{id}")).Html;
        foreach (var html in new[] { stored, shown[shown.IndexOf("article-body", StringComparison.Ordinal)..] })
        {
            foreach (var bad in new[] { "<script", "onclick", "onerror", "javascript:", "evil.example", "position:fixed", "<form", "<input" })
            {
                Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Contains("Chữ của phóng viên", html, StringComparison.Ordinal);
            Assert.Contains("href=\"https://baotinh.vn/bai-viet/a\"", html, StringComparison.Ordinal);
            Assert.Contains("https://www.youtube.com/embed/abc123", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AutosaveUpdatesTheWorkingCopyWithoutARevision()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Bản nháp tự lưu";
        form["Body"] = "<p>Đoạn đầu.</p>";

        var saved = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        using var json = JsonDocument.Parse(saved.Html);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal("Bản nháp tự lưu", article.Title);
        Assert.Equal(article.Version.ToString(), json.RootElement.GetProperty("version").GetString());
        Assert.Equal(0, await Authoring.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));

        // The same form, with other text, still carries the old version: another tab saved in between.
        form["Title"] = "Một tiêu đề khác";
        var stale = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("error", stale.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleSaveShowsBothVersionsAndKeepsWhatWasTyped()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var staleForm = await Authoring.FormAsync(reporter, id);
        var otherTab = await Authoring.FormAsync(reporter, id);
        otherTab["Title"] = "Tiêu đề từ thẻ khác";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", otherTab);

        staleForm["Title"] = "Tiêu đề tôi đang gõ";
        staleForm["Body"] = "<p>Đoạn văn tôi vừa viết xong.</p>";
        var conflict = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", staleForm);

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        // The other tab's title beside what was typed, the words that differ marked.
        Assert.Contains("khác</del>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tiêu đề tôi đang gõ\"", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("Đoạn văn tôi vừa viết xong.", conflict.Html, StringComparison.Ordinal);
        Assert.Equal("Tiêu đề từ thẻ khác", (await Authoring.ArticleAsync(app, id)).Title);
    }

    [Fact]
    public async Task AFormStillShowingTheDraftPlaceholderSlugGetsTheSlugOfTheTitle()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Slug"] = (await Authoring.ArticleAsync(app, id)).Slug;
        form["Title"] = "Khánh thành cầu Đại Ngãi";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form);

        // The page still shows the placeholder slug when the reporter presses Save.
        form = new Dictionary<string, string>(form) { ["Version"] = (await Authoring.ArticleAsync(app, id)).Version.ToString() };
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal("khanh-thanh-cau-dai-ngai", (await Authoring.ArticleAsync(app, id)).Slug);
    }

    [Fact]
    public async Task AStaleFormWhoseTextIsAlreadyStoredSavesWithoutAConflict()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Cùng một nội dung";
        form["Body"] = "<p>Đoạn đã được tự lưu khi rời trang.</p>";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form);

        // The same page (old version) now saves the same text: nothing differs, so no conflict.
        var saved = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(1, await Authoring.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task SubmittingAnIncompleteArticleSaysWhatIsMissingAndKeepsTheText()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var form = await Authoring.FormAsync(reporter, id);
        form["Title"] = "Chưa có sapo";
        form["Body"] = "<p>Thân bài đã viết.</p>";
        form["command"] = "submit";

        var page = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("Chưa có sapo", article.Title);
        Assert.Contains("value=\"Chưa có sapo\"", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<li>{Texts.Vietnamese<AuthoringResource>(app, "a sapo (lead paragraph)")}</li>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<li>{Texts.Vietnamese<AuthoringResource>(app, "a section")}</li>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<li>{Texts.Vietnamese<AuthoringResource>(app, "a title")}</li>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubmittedArticleLeavesTheReportersHandsUntilWithdrawn()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Minh Đức");
        var id = await Authoring.NewArticleAsync(reporter);
        var authorId = (await Authoring.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var form = Authoring.Complete(await Authoring.FormAsync(reporter, id), await Authoring.SectionIdAsync(app), authorId);
        form["command"] = "submit";

        var submitted = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Submitted, article.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, article.SubmittedAt);
        Assert.True(await Authoring.QueryAsync(app, db => db.AuditEvents.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "article.submit" && e.UserId == user.Id)));

        var editor = await reporter.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, editor.Status);
        form = await FormFromPreviewAsync(reporter, id, article.Version);
        form["Title"] = "Sửa lén sau khi gửi";
        Assert.Equal(HttpStatusCode.Forbidden, (await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", form)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form)).Status);
        Assert.Equal("Hội nghị giao ban trực tuyến công tác năm 2023", (await Authoring.ArticleAsync(app, id)).Title);

        var preview = await reporter.GetAsync($"/newsroom/articles/{id}");
        Assert.Contains($"/newsroom/articles/{id}/withdraw", preview.Html, StringComparison.Ordinal);
        var withdrawn = await reporter.SubmitAsync($"/newsroom/articles/{id}", $"/newsroom/articles/{id}/withdraw", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal(ArticleStatus.Draft, (await Authoring.ArticleAsync(app, id)).Status);
    }

    [Fact]
    public async Task OnceAnEditorHasActedTheReporterCannotWithdraw()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var authorId = (await Authoring.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var form = Authoring.Complete(await Authoring.FormAsync(reporter, id), await Authoring.SectionIdAsync(app), authorId);
        form["command"] = "submit";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        await Authoring.QueryAsync(app, db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ReviewStartedAt, DateTime.UtcNow)));

        var preview = await reporter.GetAsync($"/newsroom/articles/{id}");
        Assert.DoesNotContain($"/newsroom/articles/{id}/withdraw", preview.Html, StringComparison.Ordinal);
        await reporter.PostAsync($"/newsroom/articles/{id}/withdraw", new Dictionary<string, string>(), preview.AntiforgeryToken);

        Assert.Equal(ArticleStatus.Submitted, (await Authoring.ArticleAsync(app, id)).Status);
    }

    [Fact]
    public async Task AnotherReportersArticleDoesNotExistForThem()
    {
        var (owner, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(owner);
        var form = await Authoring.FormAsync(owner, id);
        form["Title"] = "Bài của người khác";
        await Authoring.PostAsync(owner, $"/newsroom/articles/{id}/edit", form);
        var (other, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var token = (await other.GetAsync("/newsroom")).AntiforgeryToken;
        var stolen = new Dictionary<string, string>(form) { ["Title"] = "Đã bị sửa", ["__RequestVerificationToken"] = token! };

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/newsroom/articles/{id}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/newsroom/articles/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/newsroom/articles/{id}/revisions/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Authoring.PostAsync(other, $"/newsroom/articles/{id}/edit", stolen)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Authoring.PostAsync(other, $"/newsroom/articles/{id}/autosave", stolen)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/newsroom/articles/{id}/withdraw", new Dictionary<string, string>(), token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/newsroom/articles/{id}/delete", new Dictionary<string, string>(), token)).Status);
        Assert.Equal("Bài của người khác", (await Authoring.ArticleAsync(app, id)).Title);
        Assert.DoesNotContain("Bài của người khác", (await other.GetAsync("/newsroom")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritingNeedsSignInAndAnAntiforgeryToken()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var anonymous = new FormClient(app);

        var redirected = await anonymous.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, redirected.Status);
        Assert.Contains("/account/login", redirected.Location!.OriginalString, StringComparison.Ordinal);
        var noToken = await reporter.PostAsync($"/newsroom/articles/{id}/autosave", new Dictionary<string, string> { ["Title"] = "x" }, antiforgeryToken: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
    }

    [Fact]
    public async Task AReporterCanDeleteADraftThatNeverWentToAnEditor()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);

        var deleted = await reporter.SubmitAsync($"/newsroom/articles/{id}/edit", $"/newsroom/articles/{id}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.False(await Authoring.QueryAsync(app, db => db.Articles.AnyAsync(a => a.Id == id)));
    }

    private static async Task<Dictionary<string, string>> FormFromPreviewAsync(FormClient client, int id, Guid version)
    {
        var preview = await client.GetAsync($"/newsroom/articles/{id}");
        return new Dictionary<string, string> { ["Version"] = version.ToString(), ["__RequestVerificationToken"] = preview.AntiforgeryToken! };
    }
}
