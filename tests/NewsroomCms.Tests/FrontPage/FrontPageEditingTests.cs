using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Portal;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.FrontPage;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.FrontPage;

/// <summary>Editors choose the home page's stories on /newsroom/front-page, a form that works without script.</summary>
public sealed class FrontPageEditingTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private const string Page = "/newsroom/front-page";

    [Fact]
    public async Task AnEditorChoosesTheLeadAndFeaturedStoriesWhichTheHomePageShowsAndTheAuditLogRecords()
    {
        var stories = await PublishedAsync(3);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);

        var form = await editor.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        for (var position = 0; position < FrontPageController.Places; position++)
        {
            Assert.Contains($"<label for=\"place-{position}\">", form.Html, StringComparison.Ordinal);
        }

        Assert.Contains($"<option value=\"{stories[0].Id}\">", form.Html, StringComparison.Ordinal);

        var saved = await SaveAsync(editor, form, new() { [0] = stories[2].Id, [1] = stories[0].Id, [3] = stories[1].Id });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal([(0, stories[2].Id), (1, stories[0].Id), (3, stories[1].Id)], await SlotsAsync());
        var home = await ReaderPage.GetAsync(app, "/");
        Assert.Equal([PortalPaths.ArticlePath(stories[2].Slug)], home.ArticleLinks("section.lead"));
        Assert.Equal(PortalPaths.ArticlePath(stories[0].Slug), home.ArticleLinks("section.featured")[0]);
        Assert.Equal(PortalPaths.ArticlePath(stories[1].Slug), home.ArticleLinks("section.featured")[2]);
        var audit = await QueryAsync(app, db => db.AuditEvents.Where(e => e.Action == FrontPageAudit.Changed).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(editorUser.Id, audit.UserId);
        Assert.Equal($"0: #{stories[2].Id}; 1: #{stories[0].Id}; 2: -; 3: #{stories[1].Id}; 4: -; 5: -; 6: -", audit.Note);

        var reopened = await editor.GetAsync(Page);
        Assert.Contains($"<option value=\"{stories[2].Id}\" selected=\"selected\">", reopened.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveButtonsSwapNeighbouringPlacesAndClearEmptiesThemAll()
    {
        var stories = await PublishedAsync(2);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        await SaveAsync(editor, await editor.GetAsync(Page), new() { [0] = stories[0].Id, [1] = stories[1].Id });

        var moved = await SaveAsync(editor, await editor.GetAsync(Page), new() { [0] = stories[0].Id, [1] = stories[1].Id }, move: "1:up");
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal([(0, stories[1].Id), (1, stories[0].Id)], await SlotsAsync());

        await SaveAsync(editor, await editor.GetAsync(Page), new() { [0] = stories[1].Id, [1] = stories[0].Id }, move: "1:down");
        Assert.Equal([(0, stories[1].Id), (2, stories[0].Id)], await SlotsAsync());

        var form = await editor.GetAsync(Page);
        var cleared = await editor.PostAsync(Page + "/clear", new Dictionary<string, string> { ["Version"] = VersionOf(form) }, form.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        Assert.Empty(await SlotsAsync());
        Assert.True(await QueryAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == FrontPageAudit.Cleared)));
    }

    [Fact]
    public async Task DuplicatesUnpublishedArticlesAndStaleFormsAreRefused()
    {
        var stories = await PublishedAsync(2);
        var draft = await ArticleAsync(app, "Bản nháp", await SectionAsync(app, "Thời sự"), ArticleStatus.Draft);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        await SaveAsync(editor, await editor.GetAsync(Page), new() { [0] = stories[0].Id });
        var before = await SlotsAsync();

        var twice = await SaveAsync(editor, await editor.GetAsync(Page), new() { [0] = stories[0].Id, [4] = stories[0].Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.Status);
        Assert.Contains("An article can be in only one place on the front page.", twice.Html, StringComparison.Ordinal);

        var unpublished = await SaveAsync(editor, await editor.GetAsync(Page), new() { [1] = draft.Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unpublished.Status);
        Assert.Contains("Only published articles can be on the front page.", unpublished.Html, StringComparison.Ordinal);

        var stale = await editor.GetAsync(Page);
        var (other, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        await SaveAsync(other, await other.GetAsync(Page), new() { [0] = stories[1].Id });
        var late = await SaveAsync(editor, stale, new() { [0] = stories[0].Id, [1] = stories[1].Id });
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("Someone else changed the front page", late.Html, StringComparison.Ordinal);
        Assert.Equal([(0, stories[1].Id)], await SlotsAsync());
        Assert.NotEqual(before, await SlotsAsync());
    }

    [Fact]
    public async Task ALeadStoryTakenDownByAnEditorGivesWayToTheNewestArticleAndIsFlaggedOnTheForm()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        var stories = await PublishedAsync(2);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        await SaveAsync(editor, await editor.GetAsync(Page), new() { [0] = stories[0].Id });
        Assert.Equal([PortalPaths.ArticlePath(stories[0].Slug)], (await ReaderPage.GetAsync(app, "/")).ArticleLinks("section.lead"));

        var review = await editor.GetAsync($"/newsroom/review/{stories[0].Id}");
        var version = (await QueryAsync(app, db => db.Articles.SingleAsync(a => a.Id == stories[0].Id))).Version;
        var takenDown = await editor.PostAsync(
            $"/newsroom/review/{stories[0].Id}/take-down",
            new Dictionary<string, string> { ["Version"] = version.ToString(), ["Note"] = "Sai số liệu" },
            review.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, takenDown.Status);

        var home = await ReaderPage.GetAsync(app, "/");
        Assert.Equal([PortalPaths.ArticlePath(stories[1].Slug)], home.ArticleLinks("section.lead"));
        Assert.DoesNotContain(stories[0].Slug, home.Html, StringComparison.Ordinal);
        var form = await editor.GetAsync(Page);
        Assert.Contains("id=\"place-0-note\"", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{stories[0].Id}\"", form.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchingFindsPublishedArticlesByTitleWithOrWithoutAccents()
    {
        var section = await SectionAsync(app, "Du lịch");
        var match = await ArticleAsync(app, "Cồn Phụng điểm đến xanh", section, publishedAt: Now(app).AddDays(-30));
        var draft = await ArticleAsync(app, "Cồn Phụng bản nháp", section, ArticleStatus.Draft);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);

        var found = await editor.GetAsync(Page + "?q=" + Uri.EscapeDataString("con phung diem"));

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Contains($"<option value=\"{match.Id}\">", found.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{draft.Id}\"", found.Html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"front-page-q\">", found.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyEditorsSeeTheLinkAndMaySaveAndOnlyAdministratorsReachTheSiteSettings()
    {
        var stories = await PublishedAsync(1);
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        var (admin, _) = await TestUsers.SignedInAsync(app, Roles.Admin);
        var before = await SlotsAsync();

        var desk = await reporter.GetAsync("/newsroom");
        Assert.DoesNotContain("href=\"/newsroom/front-page\"", desk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/newsroom/settings\"", desk.Html, StringComparison.Ordinal);
        var denied = await reporter.PostAsync(Page, new Dictionary<string, string> { ["Articles[0]"] = stories[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Version"] = "" }, desk.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.StartsWith("/account/access-denied", denied.RedirectPath, StringComparison.Ordinal);
        Assert.Equal(before, await SlotsAsync());

        var editorDesk = await editor.GetAsync("/newsroom");
        Assert.Contains("href=\"/newsroom/front-page\"", editorDesk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/newsroom/settings\"", editorDesk.Html, StringComparison.Ordinal);
        var settingsDenied = await editor.PostAsync("/newsroom/settings", new Dictionary<string, string> { ["PublicationName"] = "Báo giả" }, editorDesk.AntiforgeryToken);
        Assert.StartsWith("/account/access-denied", settingsDenied.RedirectPath, StringComparison.Ordinal);

        var adminDesk = await admin.GetAsync("/newsroom");
        Assert.Contains("href=\"/newsroom/front-page\"", adminDesk.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/newsroom/settings\"", adminDesk.Html, StringComparison.Ordinal);
    }

    private async Task<List<Article>> PublishedAsync(int count)
    {
        var section = await SectionAsync(app, "Thời sự");
        var stories = new List<Article>();
        for (var i = 0; i < count; i++)
        {
            stories.Add(await ArticleAsync(app, $"Tin trang chủ {i}", section, publishedAt: Now(app).AddMinutes(-i)));
        }

        return stories;
    }

    private static Task<FormClient.Page> SaveAsync(FormClient editor, FormClient.Page form, Dictionary<int, int> places, string? move = null)
    {
        var fields = new Dictionary<string, string> { ["Version"] = VersionOf(form) };
        for (var position = 0; position < FrontPageController.Places; position++)
        {
            fields[$"Articles[{position}]"] = places.TryGetValue(position, out var id) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        }

        if (move is not null)
        {
            fields["Move"] = move;
        }

        return editor.PostAsync(Page, fields, form.AntiforgeryToken);
    }

    private static string VersionOf(FormClient.Page form) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form.Html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value);

    private Task<List<(int, int)>> SlotsAsync() =>
        QueryAsync(app, async db => (await db.FrontPageSlots.OrderBy(s => s.Position).Select(s => new { s.Position, s.ArticleId }).ToListAsync())
            .Select(s => (s.Position, s.ArticleId)).ToList());
}
