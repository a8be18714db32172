using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using Steps = NewsroomCms.Tests.Authoring.Authoring;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Workflow;

/// <summary>The editors' review queue and their decisions, over HTTP as the browser sends them.</summary>
public sealed class ReviewTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task TheQueueListsOnlySubmittedArticlesOldestFirstAndFilters()
    {
        var section = await NewSectionAsync("Kinh tế");
        var other = await NewSectionAsync("Du lịch");
        var (first, firstUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Lê Thị Hồng");
        var (second, secondUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Phạm Văn Quý");
        var older = await SubmittedAsync(first, section, "Đường cao tốc Bắc - Nam đoạn qua tỉnh thông xe");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await SubmittedAsync(second, section, "Giá lúa tăng nhẹ đầu vụ");
        var elsewhere = await SubmittedAsync(second, other, "Lễ hội mùa xuân ở miền núi");
        var draft = await Steps.NewArticleAsync(first);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();

        var queue = await editor.GetAsync($"/newsroom/review?section={section}");

        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var olderAt = queue.Html.IndexOf($"/newsroom/review/{older}\"", StringComparison.Ordinal);
        var newerAt = queue.Html.IndexOf($"/newsroom/review/{newer}\"", StringComparison.Ordinal);
        Assert.True(olderAt > 0 && newerAt > olderAt, "oldest submission first");
        Assert.DoesNotContain($"/newsroom/review/{elsewhere}\"", queue.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/newsroom/review/{draft}\"", queue.Html, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Hồng", queue.Html, StringComparison.Ordinal);
        var submittedAt = (await Steps.ArticleAsync(app, older)).SubmittedAt!.Value;
        Assert.Contains(HaNoi.FormatShort(submittedAt), queue.Html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"filter-section\">", queue.Html, StringComparison.Ordinal);

        var byReporter = await editor.GetAsync($"/newsroom/review?reporter={secondUser.Id}");
        Assert.Contains($"/newsroom/review/{newer}\"", byReporter.Html, StringComparison.Ordinal);
        Assert.Contains($"/newsroom/review/{elsewhere}\"", byReporter.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/newsroom/review/{older}\"", byReporter.Html, StringComparison.Ordinal);

        var searched = await editor.GetAsync("/newsroom/review?q=" + Uri.EscapeDataString("CAO TOC bac"));
        Assert.Contains($"/newsroom/review/{older}\"", searched.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/newsroom/review/{newer}\"", searched.Html, StringComparison.Ordinal);
        Assert.NotEqual(firstUser.Id, secondUser.Id);

        var waiting = await Steps.QueryAsync(app, db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Submitted));
        Assert.Contains($"Review articles ({waiting})", (await editor.GetAsync("/newsroom")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongQueueComesFiftyAtATimeOldestFirstAndPagesKeepTheFilter()
    {
        var section = await NewSectionAsync("Thời sự");
        var (_, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Đỗ Văn Long");
        var submitted = await Steps.QueryAsync(app, async db =>
        {
            var earliest = app.Clock.GetUtcNow().UtcDateTime.AddDays(-2);
            var articles = Enumerable.Range(1, 55).Select(n => new Article
            {
                Title = $"Hàng chờ dài, bài số {n:00}",
                Slug = "hang-cho-" + Guid.NewGuid().ToString("N")[..12],
                Sapo = "Tóm tắt",
                Body = "<p>Nội dung</p>",
                Status = ArticleStatus.Submitted,
                SectionId = section,
                CreatedById = reporterUser.Id,
                CreatedAt = earliest,
                UpdatedAt = earliest,
                // Submitted in the reverse order of their numbers: the queue is by submission, not by id.
                SubmittedAt = earliest.AddMinutes(100 - n),
            }).ToList();
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync();
            return articles.OrderBy(a => a.SubmittedAt).Select(a => a.Id).ToList();
        });
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();

        var first = await editor.GetAsync($"/newsroom/review?section={section}");
        var second = await editor.GetAsync($"/newsroom/review?section={section}&page=2");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("Waiting for review (55)", first.Html, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first.Html, StringComparison.Ordinal);
        var shown = submitted.Where(id => first.Html.Contains($"/newsroom/review/{id}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(submitted.Take(50), shown);
        var positions = shown.Select(id => first.Html.IndexOf($"/newsroom/review/{id}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Contains($"href=\"/newsroom/review?section={section}&amp;page=2\" rel=\"next\">Next page</a>", first.Html, StringComparison.Ordinal);

        Assert.Contains("Waiting for review (55)", second.Html, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second.Html, StringComparison.Ordinal);
        Assert.Equal(submitted.Skip(50), submitted.Where(id => second.Html.Contains($"/newsroom/review/{id}\"", StringComparison.Ordinal)));
        Assert.Contains($"href=\"/newsroom/review?section={section}&amp;page=1\" rel=\"prev\">Previous page</a>", second.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", second.Html, StringComparison.Ordinal);

        // A page past the end shows the last one; the reporter filter still lists who has articles waiting.
        var beyond = await editor.GetAsync($"/newsroom/review?section={section}&page=9");
        Assert.Contains("Page 2 of 2", beyond.Html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{reporterUser.Id}\">Đỗ Văn Long</option>", beyond.Html, StringComparison.Ordinal);
        var searched = await editor.GetAsync($"/newsroom/review?q={Uri.EscapeDataString("so 07")}");
        Assert.Contains("Waiting for review (1)", searched.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1 of", searched.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterIsDeniedTheQueueAndEveryDecision()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await SubmittedAsync(reporter, await NewSectionAsync("Thể thao"), "Giải bóng đá thiếu niên toàn tỉnh");
        var article = await Steps.ArticleAsync(app, id);
        var token = (await reporter.GetAsync("/newsroom")).AntiforgeryToken;

        Assert.DoesNotContain("/newsroom/review", (await reporter.GetAsync("/newsroom")).Html, StringComparison.Ordinal);
        AssertDenied(await reporter.GetAsync("/newsroom/review"));
        AssertDenied(await reporter.GetAsync($"/newsroom/review/{id}"));
        foreach (var action in new[] { "request-changes", "publish", "schedule", "unschedule", "take-down", "republish" })
        {
            var fields = new Dictionary<string, string>
            {
                ["Version"] = article.Version.ToString(),
                ["Note"] = "Tự duyệt",
                ["PublishAt"] = "2030-01-01T08:00",
            };
            AssertDenied(await reporter.PostAsync($"/newsroom/review/{id}/{action}", fields, token));
        }

        var after = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Submitted, after.Status);
        Assert.Equal(article.Version, after.Version);
    }

    [Fact]
    public async Task SendingBackNeedsANoteWhichTheReporterSeesAndAnswersByResubmitting()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await SubmittedAsync(reporter, await NewSectionAsync("Xã hội"), "Trao nhà tình nghĩa cho gia đình chính sách");
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();

        var refused = await DecideAsync(editor, id, "request-changes", new() { ["Note"] = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Write a note saying what should change.", refused.Html, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await Steps.ArticleAsync(app, id)).Status);

        const string note = "Bổ sung tên các gia đình được trao nhà và ý kiến của chính quyền xã.";
        var sent = await DecideAsync(editor, id, "request-changes", new() { ["Note"] = note });

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var article = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.ChangesRequested, article.Status);
        Assert.NotNull(article.ReviewStartedAt);
        var saved = await Steps.QueryAsync(app, db => db.EditorialNotes.SingleAsync(n => n.ArticleId == id));
        Assert.Equal(note, saved.Text);
        Assert.Equal(editorUser.Id, saved.AuthorId);
        var audit = await AuditAsync(id, "article.requestchanges");
        Assert.Equal(("Submitted", "ChangesRequested", note, editorUser.Id), (audit.FromState, audit.ToState, audit.Note, audit.UserId));
        Assert.Contains(note, (await reporter.GetAsync("/newsroom")).Html, StringComparison.Ordinal);

        var form = await Steps.FormAsync(reporter, id);
        var complete = Steps.Complete(form, article.SectionId!.Value, article.Authors.Single().AuthorId);
        complete["Title"] = article.Title;
        complete["command"] = "submit";
        var resubmitted = await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", complete);

        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);
        Assert.Equal(ArticleStatus.Submitted, (await Steps.ArticleAsync(app, id)).Status);
    }

    [Fact]
    public async Task PublishingTakingDownAndRepublishingChangeWhatReadersGet()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await SubmittedAsync(reporter, await NewSectionAsync("Văn hóa"), "Khai mạc tuần văn hóa dân tộc Khmer");
        var slug = (await Steps.ArticleAsync(app, id)).Slug;
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var reader = new FormClient(app);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/bai-viet/{slug}")).Status);

        var published = await DecideAsync(editor, id, "publish");

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var article = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, article.PublishedAt);
        Assert.Equal(editorUser.Id, (await AuditAsync(id, "article.publish")).UserId);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/bai-viet/{slug}")).Status);

        var noReason = await DecideAsync(editor, id, "take-down", new() { ["Note"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.Status);
        Assert.Contains("Write the reason for taking the article down.", noReason.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"take-down-reason\" name=\"Note\" rows=\"3\" maxlength=\"2000\" required aria-describedby=\"review-error\" aria-invalid=\"true\"", noReason.Html, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Published, (await Steps.ArticleAsync(app, id)).Status);

        var takenDown = await DecideAsync(editor, id, "take-down", new() { ["Note"] = "Sai tên nhân vật, chờ đính chính." });
        Assert.Equal(HttpStatusCode.Redirect, takenDown.Status);
        Assert.Equal(ArticleStatus.Unpublished, (await Steps.ArticleAsync(app, id)).Status);
        Assert.Equal("Sai tên nhân vật, chờ đính chính.", (await AuditAsync(id, "article.takedown")).Note);
        var gone = await reader.InEnglish().GetAsync($"/bai-viet/{slug}");
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        // Readers' pages are in Vietnamese whatever their browser asks for.
        Assert.Contains(Texts.Vietnamese<NewsroomCms.Web.Features.Site.SiteResource>(app, "This article has been removed"), gone.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Khai mạc tuần văn hóa", gone.Html, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var republished = await DecideAsync(editor, id, "republish");
        Assert.Equal(HttpStatusCode.Redirect, republished.Status);
        var again = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Published, again.Status);
        Assert.Equal(article.PublishedAt, again.PublishedAt);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/bai-viet/{slug}")).Status);
    }

    [Fact]
    public async Task PublishingADraftIsRefusedAndSaysWhy()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Steps.NewArticleAsync(reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();

        var refused = await DecideAsync(editor, id, "publish");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("This action is not possible for an article in this state.", refused.Html, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await Steps.ArticleAsync(app, id)).Status);
        Assert.False(await Steps.QueryAsync(app, db => db.AuditEvents.AnyAsync(e => e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "article.publish")));
    }

    [Fact]
    public async Task AStaleDecisionChangesNothingAndSaysSo()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await SubmittedAsync(reporter, await NewSectionAsync("Chính trị"), "Kỳ họp thứ mười HĐND tỉnh");
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var before = await Steps.ArticleAsync(app, id);

        var stale = await DecideAsync(editor, id, "request-changes", new() { ["Note"] = "Thêm số liệu.", ["Version"] = Guid.NewGuid().ToString() });
        var staleAgain = await DecideAsync(editor, id, "publish", new() { ["Version"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Someone changed this article after you opened this page", stale.Html, StringComparison.Ordinal);
        Assert.Contains("Thêm số liệu.", stale.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleAgain.Status);
        var after = await Steps.ArticleAsync(app, id);
        Assert.Equal((ArticleStatus.Submitted, before.Version), (after.Status, after.Version));
        Assert.False(await Steps.QueryAsync(app, db => db.EditorialNotes.AnyAsync(n => n.ArticleId == id)));
    }

    [Fact]
    public async Task ScheduledInNewsroomTimeThenPublishedByTheSchedulerAndTheReporterCanNoLongerWithdraw()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await SubmittedAsync(reporter, await NewSectionAsync("Quốc phòng - An ninh"), "Diễn tập khu vực phòng thủ huyện");
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var past = HaNoi.ToLocal(now).AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var refused = await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = past });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Choose a publication time in the future.", refused.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{past}\"", refused.Html, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await Steps.ArticleAsync(app, id)).Status);

        // Scheduled and cancelled: back in the queue, but an editor has acted, so it stays with the editors.
        var inAnHour = HaNoi.ToLocal(now).AddHours(1);
        var publishAt = inAnHour.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = publishAt })).Status);
        var scheduled = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.Equal(HaNoi.ToUtc(new DateTime(inAnHour.Year, inAnHour.Month, inAnHour.Day, inAnHour.Hour, inAnHour.Minute, 0, DateTimeKind.Unspecified)), scheduled.ScheduledAt);
        Assert.Contains(HaNoi.FormatShort(scheduled.ScheduledAt!.Value), (await editor.GetAsync("/newsroom/review")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, id, "unschedule")).Status);
        var unscheduled = await Steps.ArticleAsync(app, id);
        Assert.Equal((ArticleStatus.Submitted, (DateTime?)null), (unscheduled.Status, unscheduled.ScheduledAt));
        var preview = await reporter.GetAsync($"/newsroom/articles/{id}");
        Assert.DoesNotContain($"/newsroom/articles/{id}/withdraw", preview.Html, StringComparison.Ordinal);
        await reporter.PostAsync($"/newsroom/articles/{id}/withdraw", new Dictionary<string, string>(), preview.AntiforgeryToken);
        Assert.Equal(ArticleStatus.Submitted, (await Steps.ArticleAsync(app, id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = publishAt })).Status);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Scheduling.PublishDueAsync(app);

        var published = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(scheduled.ScheduledAt, published.PublishedAt);
        Assert.Equal(HttpStatusCode.OK, (await new FormClient(app).GetAsync($"/bai-viet/{published.Slug}")).Status);
    }

    [Fact]
    public async Task AVietnameseEditorSchedulesInNewsroomTimeAndReadsWhyInVietnamese()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await SubmittedAsync(reporter, await NewSectionAsync("Du lịch"), "Mùa hoa tam giác mạch");
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi-VN");
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var page = await editor.GetAsync($"/newsroom/review/{id}");
        Assert.Contains("<label for=\"publish-at\">Đăng lúc", page.Html, StringComparison.Ordinal);
        Assert.Contains("Duyệt bài (", page.Html, StringComparison.Ordinal);
        var past = HaNoi.ToLocal(now).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var refused = await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = past });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.DoesNotContain("Choose a publication time in the future.", refused.Html, StringComparison.Ordinal);

        var local = HaNoi.ToLocal(now).Date.AddDays(1).AddHours(6).AddMinutes(30);
        var scheduled = await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, scheduled.Status);
        var article = await Steps.ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(local.AddHours(-7), article.ScheduledAt);
    }

    private static void AssertDenied(FormClient.Page page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
    }

    /// <summary>Posts a decision with the version the editor's page shows now, unless the fields say otherwise.</summary>
    private async Task<FormClient.Page> DecideAsync(FormClient editor, int id, string action, Dictionary<string, string>? fields = null)
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

    private async Task<int> SubmittedAsync(FormClient reporter, int sectionId, string title)
    {
        var id = await Steps.NewArticleAsync(reporter);
        var authorId = (await Steps.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var form = Steps.Complete(await Steps.FormAsync(reporter, id), sectionId, authorId);
        form["Title"] = title;
        form["command"] = "submit";
        var submitted = await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(ArticleStatus.Submitted, (await Steps.ArticleAsync(app, id)).Status);
        return id;
    }

    private Task<int> NewSectionAsync(string name) => Steps.QueryAsync(app, async db =>
    {
        var section = new Section { Name = name, Slug = "muc-" + Guid.NewGuid().ToString("N")[..12], DisplayOrder = 50 };
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        return section.Id;
    });

    private Task<AuditEvent> AuditAsync(int id, string action) => Steps.QueryAsync(app, db =>
        db.AuditEvents.SingleAsync(e => e.EntityType == nameof(Article) && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == action));
}
