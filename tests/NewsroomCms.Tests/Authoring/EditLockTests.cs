using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;

namespace NewsroomCms.Tests.Authoring;

/// <summary>
/// The soft edit lock over HTTP: two editors on one submitted article (the state in which several people
/// may edit it). Who holds the lock is read back from the database; times move with the fake clock.
/// </summary>
public sealed class EditLockTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task OpeningTheEditorTakesTheLockAndAnotherEditorSeesWhoAndSinceWhenReadOnly()
    {
        var id = await SubmittedArticleAsync();
        var (ha, haUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");

        var opened = await ha.GetAsync($"/newsroom/articles/{id}/edit");
        var openedAt = Now();
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var other = await duc.GetAsync($"/newsroom/articles/{id}/edit");

        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.DoesNotContain("lock-heading", opened.Html, StringComparison.Ordinal);
        var held = await LockAsync(id);
        Assert.Equal((haUser.Id, openedAt, openedAt), (held!.UserId, held.AcquiredAt, held.HeartbeatAt));

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Contains($"Trường Hà đang sửa bài này từ {Clock(openedAt)}", other.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/newsroom/articles/{id}/take-over\">Sửa thay</a>", other.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"command\"", other.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Title\" name=\"Title\"", other.Html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"Title\"[^>]* readonly=\"readonly\"", other.Html);
        Assert.Matches("<select id=\"SectionId\"[^>]* disabled=\"disabled\"", other.Html);
        Assert.Contains("&quot;readOnly&quot;:true", other.Html, StringComparison.Ordinal);
        Assert.Equal(haUser.Id, (await LockAsync(id))!.UserId);

        var review = await duc.GetAsync($"/newsroom/review/{id}");
        Assert.Contains($"Trường Hà đang sửa bài này từ {Clock(openedAt)}", review.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWithoutTheLockCannotSaveOrAutosaveWhileItIsLive()
    {
        var id = await SubmittedArticleAsync();
        var (ha, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, ducUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        await ha.GetAsync($"/newsroom/articles/{id}/edit");
        var before = await Authoring.ArticleAsync(app, id);
        var form = await Authoring.FullFormAsync(app, duc, id);
        form["Title"] = "Tiêu đề sửa lén";

        var autosave = await Authoring.PostAsync(duc, $"/newsroom/articles/{id}/autosave", form);
        var save = await Authoring.PostAsync(duc, $"/newsroom/articles/{id}/edit", form);
        var restore = await duc.PostAsync($"/newsroom/articles/{id}/revisions/1/restore",
            new Dictionary<string, string> { ["Version"] = before.Version.ToString() }, form["__RequestVerificationToken"]);

        Assert.Equal(HttpStatusCode.Conflict, autosave.Status);
        using (var json = JsonDocument.Parse(autosave.Html))
        {
            Assert.Equal("Trường Hà", json.RootElement.GetProperty("lockedBy").GetString());
        }

        Assert.Equal(HttpStatusCode.Conflict, save.Status);
        Assert.Contains("Trường Hà đang sửa bài này từ", save.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, restore.Status);
        var after = await Authoring.ArticleAsync(app, id);
        Assert.Equal((before.Title, before.Version), (after.Title, after.Version));
        // Refused, but not thrown away: what was sent is a revision of the person who sent it.
        var kept = await Authoring.QueryAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal(("Tiêu đề sửa lén", ducUser.Id), (kept.Title, kept.CreatedById));
    }

    [Fact]
    public async Task HeartbeatsKeepTheLockAndWithoutThemItRunsOut()
    {
        var id = await SubmittedArticleAsync();
        var (ha, haUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, ducUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        var page = await ha.GetAsync($"/newsroom/articles/{id}/edit");

        app.Clock.Advance(TimeSpan.FromSeconds(90));
        var beat = await ha.PostAsync($"/newsroom/articles/{id}/lock/heartbeat", new Dictionary<string, string>(), page.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.OK, beat.Status);
        Assert.Equal(Now(), (await LockAsync(id))!.HeartbeatAt);

        // Three minutes after opening, but only 90 seconds after the heartbeat: still Hà's.
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Contains("Trường Hà đang sửa bài này từ", (await duc.GetAsync($"/newsroom/articles/{id}/edit")).Html, StringComparison.Ordinal);

        // Two minutes (Editor:LockTimeout) without a heartbeat: the page was closed without a word.
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var free = await duc.GetAsync($"/newsroom/articles/{id}/edit");
        Assert.DoesNotContain("đang sửa bài này từ", free.Html, StringComparison.Ordinal);
        Assert.Equal((ducUser.Id, Now()), ((await LockAsync(id))!.UserId, (await LockAsync(id))!.AcquiredAt));

        // Hà's page comes back to life: it is told who has the article now.
        var late = await ha.PostAsync($"/newsroom/articles/{id}/lock/heartbeat", new Dictionary<string, string>(), page.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        using var json = JsonDocument.Parse(late.Html);
        Assert.Equal("Minh Đức", json.RootElement.GetProperty("lockedBy").GetString());
        Assert.NotEqual(haUser.Id, (await LockAsync(id))!.UserId);
    }

    [Fact]
    public async Task LeavingThePageReleasesTheLock()
    {
        var id = await SubmittedArticleAsync();
        var (ha, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, ducUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        var page = await ha.GetAsync($"/newsroom/articles/{id}/edit");
        var noToken = await ha.PostAsync($"/newsroom/articles/{id}/lock/release", new Dictionary<string, string>(), antiforgeryToken: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.NotNull(await LockAsync(id));

        // Someone else's release never ends Hà's lock.
        var notHis = await duc.PostAsync($"/newsroom/articles/{id}/lock/release", new Dictionary<string, string>(), (await duc.GetAsync("/newsroom")).AntiforgeryToken);
        Assert.Equal(HttpStatusCode.NoContent, notHis.Status);
        Assert.NotNull(await LockAsync(id));

        var released = await ha.PostAsync($"/newsroom/articles/{id}/lock/release", new Dictionary<string, string>(), page.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.NoContent, released.Status);
        Assert.Null(await LockAsync(id));
        Assert.DoesNotContain("đang sửa bài này từ", (await duc.GetAsync($"/newsroom/articles/{id}/edit")).Html, StringComparison.Ordinal);
        Assert.Equal(ducUser.Id, (await LockAsync(id))!.UserId);

        // Leaving with unsaved text: the last autosave lets go of the lock once the text is in.
        var form = await Authoring.FullFormAsync(app, duc, id);
        form["Sapo"] = "Sapo lưu khi rời trang.";
        form["release"] = "true";
        var autosaved = await Authoring.PostAsync(duc, $"/newsroom/articles/{id}/autosave", form);
        Assert.Equal(HttpStatusCode.OK, autosaved.Status);
        Assert.Equal("Sapo lưu khi rời trang.", (await Authoring.ArticleAsync(app, id)).Sapo);
        Assert.Null(await LockAsync(id));
    }

    [Fact]
    public async Task TakingOverMovesTheLockKeepsWhatWasStoredAndTheLateAutosaveAsRevisions()
    {
        var id = await SubmittedArticleAsync();
        var (ha, haUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, ducUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        var form = await Authoring.FullFormAsync(app, ha, id);
        form["Body"] = "<p>Đoạn Hà đã tự lưu.</p>";
        var autosaved = await Authoring.PostAsync(ha, $"/newsroom/articles/{id}/autosave", form);
        using (var json = JsonDocument.Parse(autosaved.Html))
        {
            form["Version"] = json.RootElement.GetProperty("version").GetString()!;
        }

        var revisionsBefore = await RevisionCountAsync(id);
        app.Clock.Advance(TimeSpan.FromSeconds(40));

        var warning = await duc.GetAsync($"/newsroom/articles/{id}/take-over");
        Assert.Equal(HttpStatusCode.OK, warning.Status);
        Assert.Contains("Trường Hà đang sửa bài này từ", warning.Html, StringComparison.Ordinal);
        Assert.Contains($"name=\"holder\" value=\"{haUser.Id}\"", warning.Html, StringComparison.Ordinal);
        Assert.Equal(haUser.Id, (await LockAsync(id))!.UserId);

        var taken = await duc.PostAsync($"/newsroom/articles/{id}/take-over", new Dictionary<string, string> { ["holder"] = haUser.Id }, warning.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, taken.Status);
        Assert.Equal($"/newsroom/articles/{id}/edit", taken.RedirectPath);
        Assert.Equal((ducUser.Id, Now()), ((await LockAsync(id))!.UserId, (await LockAsync(id))!.AcquiredAt));
        var keptStored = await LatestRevisionAsync(id);
        Assert.Equal(revisionsBefore + 1, keptStored.Number);
        Assert.Equal(("<p>Đoạn Hà đã tự lưu.</p>", haUser.Id, "kept when taken over by Minh Đức"), (keptStored.Body, keptStored.CreatedById, keptStored.Reason));
        var audit = await Authoring.QueryAsync(app, db => db.AuditEvents.SingleAsync(e => e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == EditLocksController.TakeOverAction));
        Assert.Equal(ducUser.Id, audit.UserId);
        Assert.Contains("Trường Hà", audit.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("đang sửa bài này từ", (await duc.GetAsync($"/newsroom/articles/{id}/edit")).Html, StringComparison.Ordinal);
        // Hà is told in her notifications too (she may have left the page open and gone); Đức is not.
        var title = (await Authoring.ArticleAsync(app, id)).Title;
        Assert.Contains($"Minh Đức đã tiếp quản việc sửa bài “{title}”.", WebUtility.HtmlDecode((await ha.GetAsync("/newsroom/notifications")).Html), StringComparison.Ordinal);
        Assert.DoesNotContain($"đã tiếp quản việc sửa bài “{title}”", WebUtility.HtmlDecode((await duc.GetAsync("/newsroom/notifications")).Html), StringComparison.Ordinal);

        // Hà's page does not know yet: its next heartbeat is told, then its autosave is kept, not applied.
        var beat = await ha.PostAsync($"/newsroom/articles/{id}/lock/heartbeat", new Dictionary<string, string>(), form["__RequestVerificationToken"]);
        Assert.Equal(HttpStatusCode.Conflict, beat.Status);
        Assert.Contains("Minh Đức", beat.Html, StringComparison.Ordinal);
        var articleBefore = await Authoring.ArticleAsync(app, id);
        form["Body"] = "<p>Đoạn Hà đã tự lưu.</p><p>Câu Hà gõ sau khi bị sửa thay.</p>";
        var late = await Authoring.PostAsync(ha, $"/newsroom/articles/{id}/autosave", form);

        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        var unsaved = await LatestRevisionAsync(id);
        using (var json = JsonDocument.Parse(late.Html))
        {
            Assert.Equal("Minh Đức", json.RootElement.GetProperty("lockedBy").GetString());
            Assert.Equal($"/newsroom/articles/{id}/revisions/{unsaved.Number}", json.RootElement.GetProperty("revisionUrl").GetString());
            Assert.Contains(Texts.Vietnamese<AuthoringResource>(app, "What you typed and had not saved was not applied to the article: it is kept as revision {0}.", unsaved.Number),
                json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(keptStored.Number + 1, unsaved.Number);
        Assert.Equal(("<p>Đoạn Hà đã tự lưu.</p>\n<p>Câu Hà gõ sau khi bị sửa thay.</p>", haUser.Id, "unsaved when taken over by Minh Đức"), (unsaved.Body, unsaved.CreatedById, unsaved.Reason));
        var articleAfter = await Authoring.ArticleAsync(app, id);
        Assert.Equal((articleBefore.Body, articleBefore.Version), (articleAfter.Body, articleAfter.Version));

        // The same text sent again (the Save button this time) is not kept twice; the page links to it, read-only.
        var saved = await Authoring.PostAsync(ha, $"/newsroom/articles/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Conflict, saved.Status);
        Assert.Equal(unsaved.Number, (await LatestRevisionAsync(id)).Number);
        Assert.Contains($"href=\"/newsroom/articles/{id}/revisions/{unsaved.Number}\"", saved.Html, StringComparison.Ordinal);
        Assert.Contains("Minh Đức đang sửa bài này từ", saved.Html, StringComparison.Ordinal);
        var revisionPage = await ha.GetAsync($"/newsroom/articles/{id}/revisions/{unsaved.Number}");
        Assert.Contains("bản chưa lưu của Trường Hà khi Minh Đức sửa thay", revisionPage.Html, StringComparison.Ordinal);
        Assert.Contains("Câu Hà gõ sau khi bị sửa thay.", revisionPage.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakingOverFromSomeoneElseThanTheWarningNamedAsksAgain()
    {
        var id = await SubmittedArticleAsync();
        var (ha, haUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, ducUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        var (lan, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Ngọc Lan");
        await ha.GetAsync($"/newsroom/articles/{id}/edit");
        var warning = await duc.GetAsync($"/newsroom/articles/{id}/take-over");
        var lanWarning = await lan.GetAsync($"/newsroom/articles/{id}/take-over");
        await lan.PostAsync($"/newsroom/articles/{id}/take-over", new Dictionary<string, string> { ["holder"] = haUser.Id }, lanWarning.AntiforgeryToken);

        var again = await duc.PostAsync($"/newsroom/articles/{id}/take-over", new Dictionary<string, string> { ["holder"] = haUser.Id }, warning.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("Ngọc Lan đang sửa bài này từ", again.Html, StringComparison.Ordinal);
        Assert.NotEqual(ducUser.Id, (await LockAsync(id))!.UserId);
    }

    [Fact]
    public async Task SendingTheArticleToTheEditorsReleasesTheReportersLock()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Thu Thủy");
        var id = await Authoring.NewArticleAsync(reporter);
        var form = Authoring.Complete(await Authoring.FormAsync(reporter, id), await Authoring.SectionIdAsync(app), (await Authoring.ArticleAsync(app, id)).Authors.Single().AuthorId);
        Assert.NotNull(await LockAsync(id));
        form["command"] = "submit";

        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);

        Assert.Equal(ArticleStatus.Submitted, (await Authoring.ArticleAsync(app, id)).Status);
        Assert.Null(await LockAsync(id));
    }

    /// <summary>A complete article a reporter has sent to the editors: the editors may all edit it.</summary>
    private async Task<int> SubmittedArticleAsync()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Thu Thủy");
        var id = await Authoring.NewArticleAsync(reporter);
        var authorId = (await Authoring.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var form = Authoring.Complete(await Authoring.FormAsync(reporter, id), await Authoring.SectionIdAsync(app), authorId);
        form["command"] = "submit";
        var submitted = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        return id;
    }

    private Task<ArticleEditLock?> LockAsync(int id) =>
        Authoring.QueryAsync(app, db => db.ArticleEditLocks.AsNoTracking().FirstOrDefaultAsync(l => l.ArticleId == id));

    private Task<ArticleRevision> LatestRevisionAsync(int id) =>
        Authoring.QueryAsync(app, db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).FirstAsync());

    private Task<int> RevisionCountAsync(int id) => Authoring.QueryAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));

    private DateTime Now() => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>"21:40": how the banner shows a time earlier today, in the newsroom's zone.</summary>
    private string Clock(DateTime utc) => app.Services.GetRequiredService<NewsroomTime>().ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);
}
