using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using static NewsroomCms.Tests.Catalog.CatalogSteps;
using Steps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Catalog;

/// <summary>Editors keep the tags tidy at /newsroom/tags: find, rename, merge, delete unused ones.</summary>
public sealed partial class TagsTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task SearchIgnoresAccentsAndCaseAndPagesThroughEveryMatch()
    {
        using var editor = await EditorAsync(app);
        await ArticleAsync(app, ArticleStatus.Published, null, "Giáo dục", "Đường sắt");
        await ArticleAsync(app, ArticleStatus.Draft, null, "Giáo dục");
        await TagAsync(app, "Giao thông");
        await TagAsync(app, "Y tế cơ sở");
        for (var i = 1; i <= 60; i++)
        {
            await TagAsync(app, $"Chủ đề tìm trang {i:00}");
        }

        var noAccents = Decoded(await editor.GetAsync("/newsroom/tags?q=giao+duc"));
        Assert.Equal(["Giáo dục"], TagNames(noAccents));
        Assert.Matches(">Giáo dục</a></th>\\s*<td[^>]*><code>/the/giao-duc</code></td>\\s*<td data-label=\"Articles\">2</td>", noAccents);

        Assert.Equal(["Đường sắt"], TagNames(Decoded(await editor.GetAsync("/newsroom/tags?q=DUONG%20sat"))));
        Assert.Equal(["Giao thông", "Giáo dục"], TagNames(Decoded(await editor.GetAsync("/newsroom/tags?q=GIAO"))).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Đường sắt"], TagNames(Decoded(await editor.GetAsync("/newsroom/tags?q=" + Uri.EscapeDataString("đường")))));

        var first = Decoded(await editor.GetAsync("/newsroom/tags?q=tim+trang"));
        var second = Decoded(await editor.GetAsync("/newsroom/tags?q=tim+trang&page=2"));
        Assert.Equal(TagsController.PageSize, TagNames(first).Count);
        Assert.Equal(60 - TagsController.PageSize, TagNames(second).Count);
        Assert.Equal("Chủ đề tìm trang 01", TagNames(first)[0]);
        Assert.Equal("Chủ đề tìm trang 60", TagNames(second)[^1]);
        Assert.Contains("60 of ", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/newsroom/tags?q=tim%20trang&page=2\" rel=\"next\">Next page</a>", first.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"page\">Page 1 of 2</span>", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/newsroom/tags?q=tim%20trang&page=1\" rel=\"prev\">Previous page</a>", second.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"page\">Page 2 of 2</span>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", second, StringComparison.Ordinal);

        var unused = TagNames(Decoded(await editor.GetAsync("/newsroom/tags?q=giao&unused=true")));
        Assert.Contains("Giao thông", unused);
        Assert.DoesNotContain("Giáo dục", unused);
    }

    [Fact]
    public async Task RenamingChangesTheNameAndAddressAndRemembersTheOldOne()
    {
        using var editor = await EditorAsync(app);
        var id = await TagAsync(app, "bong da");

        var renamed = await SubmitAsync(editor, $"/newsroom/tags/{id}", $"/newsroom/tags/{id}", new() { ["Input.Name"] = " Bóng  đá ", ["Input.Slug"] = "" });

        AssertRedirect(renamed, $"/newsroom/tags/{id}");
        var tag = await QueryAsync(app, db => db.Tags.SingleAsync(t => t.Id == id));
        Assert.Equal(("Bóng đá", "bóng đá", "bong-da"), (tag.Name, tag.NormalizedName, tag.Slug));
        Assert.Null(await RedirectAsync(app, SlugKind.Tag, "bong-da"));

        await SubmitAsync(editor, $"/newsroom/tags/{id}", $"/newsroom/tags/{id}", new() { ["Input.Name"] = "Bóng đá", ["Input.Slug"] = "bong-da-phong-trao" });

        Assert.Equal("bong-da-phong-trao", (await QueryAsync(app, db => db.Tags.SingleAsync(t => t.Id == id))).Slug);
        Assert.Equal(id, await RedirectAsync(app, SlugKind.Tag, "bong-da"));
        Assert.Equal(
            ["name “bong da” → “Bóng đá”", "slug bong-da → bong-da-phong-trao"],
            (await AuditAsync(app, nameof(Tag), id)).Where(e => e.Action == CatalogAudit.TagRenamed).Select(e => e.Note).ToList());
    }

    [Fact]
    public async Task ARenameOntoAnotherTagIsRefusedAndOffersTheMerge()
    {
        using var editor = await EditorAsync(app);
        var source = await TagAsync(app, "Covid");
        var target = await TagAsync(app, "Covid-19");

        var sameName = await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}", new() { ["Input.Name"] = "COVID-19", ["Input.Slug"] = "" });

        AssertFieldError(sameName, "Input.Name", "There is already a tag named “Covid-19”.");
        Assert.Equal("COVID-19", FieldValue(sameName, "Input.Name"));
        var offer = Decoded(sameName);
        Assert.Matches($"<form method=\"post\" action=\"/newsroom/tags/{source}/merge\">\\s*<input type=\"hidden\" name=\"Merge.TargetId\" value=\"{target}\">\\s*<button type=\"submit\" class=\"button\">Merge “Covid” into “Covid-19”</button>", offer);
        Assert.Equal("Covid", (await QueryAsync(app, db => db.Tags.SingleAsync(t => t.Id == source))).Name);

        var sameSlug = await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}", new() { ["Input.Name"] = "Covid 19", ["Input.Slug"] = "" });
        AssertFieldError(sameSlug, "Input.Slug", "The web address “covid-19” belongs to the tag “Covid-19”.");
        Assert.Contains($"name=\"Merge.TargetId\" value=\"{target}\"", sameSlug.Html, StringComparison.Ordinal);

        var token = sameSlug.AntiforgeryToken;
        var merged = await editor.PostAsync($"/newsroom/tags/{source}/merge", new Dictionary<string, string> { ["Merge.TargetId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) }, token);
        AssertRedirect(merged, $"/newsroom/tags/{target}");
        Assert.False(await QueryAsync(app, db => db.Tags.AnyAsync(t => t.Id == source)));
    }

    [Fact]
    public async Task AnInvalidRenameSaysWhy()
    {
        using var editor = await EditorAsync(app);
        var id = await TagAsync(app, "Nông nghiệp");

        AssertFieldError(
            await SubmitAsync(editor, $"/newsroom/tags/{id}", $"/newsroom/tags/{id}", new() { ["Input.Name"] = "" }),
            "Input.Name", "Please enter the tag name.");
        AssertFieldError(
            await SubmitAsync(editor, $"/newsroom/tags/{id}", $"/newsroom/tags/{id}", new() { ["Input.Name"] = new string('x', Tag.NameMaxLength + 1) }),
            "Input.Name", "The name can be at most 100 characters long.");
        var badSlug = await SubmitAsync(editor, $"/newsroom/tags/{id}", $"/newsroom/tags/{id}", new() { ["Input.Name"] = "Nông nghiệp sạch", ["Input.Slug"] = "nông-nghiệp" });
        AssertFieldError(badSlug, "Input.Slug", "The web address may contain only lower-case letters a-z, digits and single hyphens (at most 120 characters), e.g. the-thao.");
        Assert.Equal("Nông nghiệp sạch", FieldValue(badSlug, "Input.Name"));

        Assert.Equal("Nông nghiệp", (await QueryAsync(app, db => db.Tags.SingleAsync(t => t.Id == id))).Name);
    }

    [Fact]
    public async Task MergingMovesEveryArticleOnceAndLeadsEveryOldAddressToTheTagKept()
    {
        using var editor = await EditorAsync(app);
        var onlySource = await ArticleAsync(app, ArticleStatus.Published, null, "Khuyến học khuyến tài", "Học bổng");
        var both = await ArticleAsync(app, ArticleStatus.Published, null, "Khuyến học khuyến tài", "Khuyến học");
        var onlyTarget = await ArticleAsync(app, ArticleStatus.Draft, null, "Khuyến học");
        var source = await QueryAsync(app, db => db.Tags.Where(t => t.Name == "Khuyến học khuyến tài").Select(t => t.Id).SingleAsync());
        var target = await QueryAsync(app, db => db.Tags.Where(t => t.Name == "Khuyến học").Select(t => t.Id).SingleAsync());
        // The source was renamed once: its first address leads to it.
        await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}", new() { ["Input.Name"] = "Khuyến học khuyến tài", ["Input.Slug"] = "khkt" });
        Assert.Equal(source, await RedirectAsync(app, SlugKind.Tag, "khuyen-hoc-khuyen-tai"));

        // Typed without accents, as the tag's address reads.
        var merged = await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}/merge", new() { ["Merge.TargetName"] = "khuyen hoc" });

        AssertRedirect(merged, $"/newsroom/tags/{target}");
        Assert.False(await QueryAsync(app, db => db.Tags.AnyAsync(t => t.Id == source)));
        Assert.Equal(["Học bổng", "Khuyến học"], (await TagNamesAsync(app, onlySource)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Khuyến học"], await TagNamesAsync(app, both));
        Assert.Equal(["Khuyến học"], await TagNamesAsync(app, onlyTarget));
        Assert.Equal(target, await RedirectAsync(app, SlugKind.Tag, "khkt"));
        Assert.Equal(target, await RedirectAsync(app, SlugKind.Tag, "khuyen-hoc-khuyen-tai"));
        Assert.Null(await RedirectAsync(app, SlugKind.Tag, "khuyen-hoc"));
        var audit = (await AuditAsync(app, nameof(Tag), source)).Single(e => e.Action == CatalogAudit.TagMerged);
        Assert.Equal($"“Khuyến học khuyến tài” (khkt) → “Khuyến học” (khuyen-hoc, #{target}): 2 articles, 1 given the tag", audit.Note);
        var page = Decoded(await editor.GetAsync($"/newsroom/tags/{target}"));
        Assert.Contains("“Khuyến học khuyến tài” was merged into “Khuyến học”: its 2 articles now carry “Khuyến học”, and its address leads to “Khuyến học”.", page, StringComparison.Ordinal);
        Assert.Contains("/the/khkt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleSavedWithAMergedTagsNameGetsTheTagKept()
    {
        using var reporter = (await Infrastructure.TestUsers.SignedInAsync(app, Roles.Reporter)).Client;
        using var editor = await EditorAsync(app);
        var id = await Steps.NewArticleAsync(reporter);
        var article = await Steps.ArticleAsync(app, id);
        var form = Steps.Complete(await Steps.FormAsync(reporter, id), await SectionAsync(app, "Môi trường", "moi-truong"), article.Authors.Single().AuthorId);
        form["Tags"] = "Rác thải nhựa";
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form)).Status);
        var source = await QueryAsync(app, db => db.Tags.Where(t => t.Name == "Rác thải nhựa").Select(t => t.Id).SingleAsync());
        var target = await TagAsync(app, "Rác thải");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}/merge", new() { ["Merge.TargetName"] = "Rác thải" })).Status);

        // The reporter's page was open before the merge and still says "Rác thải nhựa".
        form["Version"] = (await Steps.ArticleAsync(app, id)).Version.ToString();
        form["Tags"] = "Rác thải nhựa, Biển";
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form)).Status);

        Assert.Equal(["Biển", "Rác thải"], await TagNamesAsync(app, id));
        Assert.False(await QueryAsync(app, db => db.Tags.AnyAsync(t => t.NormalizedName == "rác thải nhựa")));
        Assert.Contains((await Steps.ArticleAsync(app, id)).Tags, t => t.Id == target);
    }

    [Fact]
    public async Task AMergeIntoAnUnknownTagSuggestsSimilarOnesAndChangesNothing()
    {
        using var editor = await EditorAsync(app);
        var source = await TagAsync(app, "Du lịch biển đảo");
        await TagAsync(app, "Du lịch cộng đồng");

        var unknown = await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}/merge", new() { ["Merge.TargetName"] = "du lich" });

        AssertFieldError(unknown, "Merge.TargetName", "No tag is named “du lich”.");
        var page = Decoded(unknown);
        Assert.Contains("Merge “Du lịch biển đảo” into “Du lịch cộng đồng”", page, StringComparison.Ordinal);
        Assert.DoesNotContain("into “Du lịch biển đảo”", page, StringComparison.Ordinal);
        Assert.True(await QueryAsync(app, db => db.Tags.AnyAsync(t => t.Id == source)));

        AssertFieldError(
            await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}/merge", new() { ["Merge.TargetName"] = "" }),
            "Merge.TargetName", "Type the name of the tag to merge into.");
        AssertFieldError(
            await SubmitAsync(editor, $"/newsroom/tags/{source}", $"/newsroom/tags/{source}/merge", new() { ["Merge.TargetName"] = "DU LỊCH BIỂN ĐẢO" }),
            "Merge.TargetName", "A tag cannot be merged into itself. Choose another tag.");
        Assert.Empty(await AuditAsync(app, nameof(Tag), source));
    }

    [Fact]
    public async Task OnlyAnUnusedTagCanBeDeleted()
    {
        using var editor = await EditorAsync(app);
        var article = await ArticleAsync(app, ArticleStatus.Draft, null, "Thời tiết");
        var used = await QueryAsync(app, db => db.Tags.Where(t => t.Name == "Thời tiết").Select(t => t.Id).SingleAsync());
        var unused = await TagAsync(app, "Bão số 3");
        await SubmitAsync(editor, $"/newsroom/tags/{unused}", $"/newsroom/tags/{unused}", new() { ["Input.Name"] = "Bão số 3", ["Input.Slug"] = "bao-so-ba" });
        Assert.Equal(unused, await RedirectAsync(app, SlugKind.Tag, "bao-so-3"));

        var refused = await SubmitAsync(editor, $"/newsroom/tags/{used}", $"/newsroom/tags/{used}/delete");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("“Thời tiết” is on 1 articles, so it cannot be deleted. Merge it into another tag instead", Decoded(refused), StringComparison.Ordinal);
        Assert.Contains("validation-summary-errors", refused.Html, StringComparison.Ordinal);
        Assert.Equal(["Thời tiết"], await TagNamesAsync(app, article));

        var deleted = await SubmitAsync(editor, $"/newsroom/tags/{unused}", $"/newsroom/tags/{unused}/delete");

        AssertRedirect(deleted, "/newsroom/tags");
        Assert.False(await QueryAsync(app, db => db.Tags.AnyAsync(t => t.Id == unused)));
        Assert.Null(await RedirectAsync(app, SlugKind.Tag, "bao-so-3"));
        Assert.Equal("“Bão số 3” (bao-so-ba)", (await AuditAsync(app, nameof(Tag), unused)).Single(e => e.Action == CatalogAudit.TagDeleted).Note);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/newsroom/tags/{unused}")).Status);
    }

    private static List<string> TagNames(string html) =>
        TagLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<th scope=\"row\" data-label=\"Name\"><a href=\"/newsroom/tags/\\d+\">([^<]+)</a></th>")]
    private static partial Regex TagLink();
}
