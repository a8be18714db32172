using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;

namespace NewsroomCms.Tests.Authoring;

/// <summary>
/// Two editors save the same article: the second is shown both versions part by part and saves the
/// combination they choose. Between their saves the first editor's page stopped sending heartbeats (a
/// closed laptop), so the lock let the other one in; the version token is what notices the collision.
/// </summary>
public sealed partial class SaveConflictTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private const string OriginalTitle = "Hội nghị giao ban trực tuyến công tác năm 2023";

    [Fact]
    public async Task TheSecondToSaveSeesBothVersionsChoosesPartByPartAndNothingIsLost()
    {
        var (id, ha, haUser, haForm, conflict) = await ConflictAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains(Vi("Someone else saved this article while you were editing"), conflict.Html, StringComparison.Ordinal);
        foreach (var part in new[] { "Title", "Sapo", "Tags", "Caption", "Body" })
        {
            Assert.Contains($"name=\"Keep[{part}]\" value=\"Mine\"", conflict.Html, StringComparison.Ordinal);
            Assert.Contains($"name=\"Keep[{part}]\" value=\"Current\"", conflict.Html, StringComparison.Ordinal);
        }

        foreach (var same in new[] { "Section", "Byline", "FeaturedImage", "Credit", "AltText", "Slug" })
        {
            Assert.DoesNotContain($"name=\"Keep[{same}]\"", conflict.Html, StringComparison.Ordinal);
        }

        Assert.Contains($"<label for=\"keep-Body-Mine\">{Vi("Keep my version")}</label>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"keep-Body-Current\">{Vi("Keep the current version")}</label>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("<del><span class=\"visually-hidden\">" + Vi("only in the current version:") + " </span>Đức</del>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">" + Vi("only in your version:") + " </span>Hà</ins>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains(Vi("The web address is made from the title you keep."), conflict.Html, StringComparison.Ordinal);
        // Hà's whole version travels in the form...
        Assert.Contains("name=\"Mine.Sapo\" value=\"Sapo của Hà.\"", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Mine.Body\" value=\"&lt;p&gt;Bản của Hà.&lt;/p&gt;\"", conflict.Html, StringComparison.Ordinal);
        // ...and is a revision already, while the article is still Đức's.
        var kept = await LatestRevisionAsync(id);
        Assert.Equal(("Sapo của Hà.", "<p>Bản của Hà.</p>", haUser.Id, RevisionReasons.KeptAtConflict), (kept.Sapo, kept.Body, kept.CreatedById, kept.Reason));
        Assert.Equal(["Giao ban", "Nông nghiệp"], kept.Metadata.Tags);
        Assert.Contains($"href=\"/newsroom/articles/{id}/revisions/{kept.Number}\"", conflict.Html, StringComparison.Ordinal);
        Assert.Equal("<p>Bản của Đức.</p>", (await Authoring.ArticleAsync(app, id)).Body);

        var resolved = await ResolveAsync(ha, id, haForm, conflict, new()
        {
            ["Title"] = "Mine",
            ["Sapo"] = "Mine",
            ["Tags"] = "Current",
            ["Caption"] = "Current",
            ["Body"] = "Current",
        });

        Assert.Equal(HttpStatusCode.Redirect, resolved.Status);
        Assert.Equal($"/newsroom/articles/{id}/edit", resolved.RedirectPath);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(OriginalTitle, article.Title);
        Assert.True(SaveConflicts.FollowsTitle(article.Slug, OriginalTitle), article.Slug);
        Assert.Equal("Sapo của Hà.", article.Sapo);
        Assert.Equal(["Giao ban", "KT - XH"], article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Chú thích của Đức", article.FeaturedImageCaption);
        Assert.Equal("<p>Bản của Đức.</p>", article.Body);
        Assert.Equal(int.Parse(haForm["SectionId"], CultureInfo.InvariantCulture), article.SectionId);
        var saved = await LatestRevisionAsync(id);
        Assert.Equal((kept.Number + 1, "saved", "<p>Bản của Đức.</p>"), (saved.Number, saved.Reason, saved.Body));
        // Nothing lost: Hà's body is still in her revision.
        Assert.True(await Authoring.QueryAsync(app, db => db.ArticleRevisions.AnyAsync(r => r.ArticleId == id && r.Body == "<p>Bản của Hà.</p>")));
    }

    [Fact]
    public async Task AMissingChoiceIsExplainedAndASecondConflictShowsTheScreenAgain()
    {
        var (id, ha, _, haForm, conflict) = await ConflictAsync();
        var choices = new Dictionary<string, string> { ["Title"] = "Current", ["Sapo"] = "Mine", ["Tags"] = "Mine", ["Caption"] = "Mine" };

        var missing = await ResolveAsync(ha, id, haForm, conflict, choices);

        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.Contains(Vi("Choose which version to keep for: {0}.", Vi("body")), missing.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Keep[Sapo]\" value=\"Mine\" checked", missing.Html, StringComparison.Ordinal);
        Assert.Equal("<p>Bản của Đức.</p>", (await Authoring.ArticleAsync(app, id)).Body);

        // Đức saves once more while Hà is choosing.
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var (duc, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Đức Lần Hai");
        var again = await Authoring.FullFormAsync(app, duc, id);
        again["Sapo"] = "Sapo mới của Đức.";
        Assert.Equal(HttpStatusCode.Redirect, (await Authoring.PostAsync(duc, $"/newsroom/articles/{id}/edit", again)).Status);
        await duc.PostAsync($"/newsroom/articles/{id}/lock/release", new Dictionary<string, string>(), again["__RequestVerificationToken"]);
        choices["Body"] = "Mine";

        var second = await ResolveAsync(ha, id, haForm, missing, choices);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(Vi("Someone saved the article again while you were choosing. The current version below is the newest one: check your choices and save again."), second.Html, StringComparison.Ordinal);
        var current = await Authoring.ArticleAsync(app, id);
        Assert.Equal("Sapo mới của Đức.", current.Sapo);
        Assert.Contains($"name=\"Version\" value=\"{current.Version}\"", second.Html, StringComparison.Ordinal);

        var done = await ResolveAsync(ha, id, haForm, second, choices);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(("Sapo của Hà.", "<p>Bản của Hà.</p>", "Hội nghị giao ban trực tuyến tháng 1/2024"), (article.Sapo, article.Body, article.Title));
        Assert.Equal(["Giao ban", "Nông nghiệp"], article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AReporterInTwoTabsGetsTheSameScreen()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var id = await Authoring.NewArticleAsync(reporter);
        var staleForm = await Authoring.FullFormAsync(app, reporter, id);
        var otherTab = await Authoring.FullFormAsync(app, reporter, id);
        otherTab["Title"] = "Tiêu đề từ thẻ khác";
        await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/autosave", otherTab);
        staleForm["Title"] = "Tiêu đề tôi đang gõ";
        staleForm["Body"] = "<p>Đoạn văn tôi vừa viết xong.</p>";

        var conflict = await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", staleForm);
        var resolved = await ResolveAsync(reporter, id, staleForm, conflict, new() { ["Title"] = "Mine", ["Body"] = "Mine" });

        Assert.Equal(HttpStatusCode.Redirect, resolved.Status);
        var article = await Authoring.ArticleAsync(app, id);
        Assert.Equal(("Tiêu đề tôi đang gõ", "<p>Đoạn văn tôi vừa viết xong.</p>"), (article.Title, article.Body));
    }

    /// <summary>
    /// A submitted article; Hà opens it, her page goes quiet; Đức opens it, changes title, body and caption,
    /// saves and leaves; then Hà saves her sapo, body and tags from the page she opened first.
    /// </summary>
    private async Task<(int Id, FormClient Ha, ApplicationUser HaUser, Dictionary<string, string> HaForm, FormClient.Page Conflict)> ConflictAsync()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Thu Thủy");
        var id = await Authoring.NewArticleAsync(reporter);
        var authorId = (await Authoring.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var submit = Authoring.Complete(await Authoring.FormAsync(reporter, id), await Authoring.SectionIdAsync(app), authorId);
        submit["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await Authoring.PostAsync(reporter, $"/newsroom/articles/{id}/edit", submit)).Status);

        var (ha, haUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var (duc, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Minh Đức");
        var haForm = await Authoring.FullFormAsync(app, ha, id);
        app.Clock.Advance(TimeSpan.FromMinutes(3));

        var ducForm = await Authoring.FullFormAsync(app, duc, id);
        ducForm["Title"] = "Hội nghị giao ban trực tuyến tháng 1/2024";
        ducForm["Body"] = "<p>Bản của Đức.</p>";
        ducForm["FeaturedImageCaption"] = "Chú thích của Đức";
        Assert.Equal(HttpStatusCode.Redirect, (await Authoring.PostAsync(duc, $"/newsroom/articles/{id}/edit", ducForm)).Status);
        await duc.PostAsync($"/newsroom/articles/{id}/lock/release", new Dictionary<string, string>(), ducForm["__RequestVerificationToken"]);

        haForm["Sapo"] = "Sapo của Hà.";
        haForm["Body"] = "<p>Bản của Hà.</p>";
        haForm["Tags"] = "Giao ban, Nông nghiệp";
        var conflict = await Authoring.PostAsync(ha, $"/newsroom/articles/{id}/edit", haForm);
        return (id, ha, haUser, haForm, conflict);
    }

    /// <summary>Posts the conflict screen as a browser would: its hidden fields, and one choice per part.</summary>
    private static Task<FormClient.Page> ResolveAsync(FormClient client, int id, Dictionary<string, string> mine, FormClient.Page screen, Dictionary<string, string> keep)
    {
        var fields = new Dictionary<string, string>
        {
            ["Version"] = VersionField().Match(screen.Html).Groups[1].Value,
            ["KeptRevision"] = KeptRevisionField().Match(screen.Html).Groups[1].Value,
        };
        foreach (var (name, value) in mine.Where(f => f.Key is not ("Version" or "__RequestVerificationToken" or "command")))
        {
            fields["Mine." + name] = value;
        }

        foreach (var (part, side) in keep)
        {
            fields[$"Keep[{part}]"] = side;
        }

        return client.PostAsync($"/newsroom/articles/{id}/resolve", fields, screen.AntiforgeryToken);
    }

    private Task<ArticleRevision> LatestRevisionAsync(int id) =>
        Authoring.QueryAsync(app, db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).FirstAsync());

    private string Vi(string key, params object[] arguments) => Texts.Vietnamese<AuthoringResource>(app, key, arguments);

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"KeptRevision\" value=\"([^\"]+)\"")]
    private static partial Regex KeptRevisionField();
}
