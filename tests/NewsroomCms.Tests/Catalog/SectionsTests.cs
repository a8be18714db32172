using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using static NewsroomCms.Tests.Catalog.CatalogSteps;

namespace NewsroomCms.Tests.Catalog;

/// <summary>Editors manage sections at /newsroom/sections, over HTTP as the browser sends the forms.</summary>
public sealed class SectionsTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task AnEditorCreatesSectionsListedInOrderWithTheirArticleCounts()
    {
        using var editor = await EditorAsync(app);

        var first = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "  Thời   sự  ", ["Input.Slug"] = "" });
        var second = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "Đời sống", ["Input.Slug"] = "doi-song-xa-hoi" });

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        var news = await QueryAsync(app, db => db.Sections.SingleAsync(s => s.Name == "Thời sự"));
        var life = await QueryAsync(app, db => db.Sections.SingleAsync(s => s.Name == "Đời sống"));
        Assert.Equal(("thoi-su", false), (news.Slug, news.IsHidden));
        Assert.Equal("doi-song-xa-hoi", life.Slug);
        Assert.True(life.DisplayOrder > news.DisplayOrder, "a new section goes last");
        Assert.Equal($"/newsroom/sections#section-{news.Id}", first.RedirectPath);
        await ArticleAsync(app, ArticleStatus.Published, news.Id);
        await ArticleAsync(app, ArticleStatus.Draft, news.Id);

        var list = Decoded(await editor.GetAsync("/newsroom/sections"));

        Assert.True(list.IndexOf($"id=\"section-{news.Id}\"", StringComparison.Ordinal) < list.IndexOf($"id=\"section-{life.Id}\"", StringComparison.Ordinal));
        Assert.Matches($"<tr id=\"section-{news.Id}\">(?:(?!</tr>).)*data-label=\"Published articles\">1</td>\\s*<td data-label=\"All articles\">2</td>", list.ReplaceLineEndings(""));
        Assert.Contains("/chuyen-muc/thoi-su", list, StringComparison.Ordinal);
        var created = Assert.Single(await AuditAsync(app, nameof(Section), news.Id));
        Assert.Equal((CatalogAudit.SectionCreated, "“Thời sự” (thoi-su)"), (created.Action, created.Note));
    }

    [Fact]
    public async Task ANewSectionCanStartHidden()
    {
        using var editor = await EditorAsync(app);

        await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "Bầu cử 2026", ["Input.IsHidden"] = "true" });

        Assert.True(await QueryAsync(app, db => db.Sections.Where(s => s.Slug == "bau-cu-2026").Select(s => s.IsHidden).SingleAsync()));
    }

    [Fact]
    public async Task AnInvalidSectionIsRefusedWithWhatWasTypedKept()
    {
        using var editor = await EditorAsync(app);
        await SectionAsync(app, "Pháp luật", "phap-luat");
        var before = await QueryAsync(app, db => db.Sections.CountAsync());

        var empty = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "   ", ["Input.Slug"] = "muc-trong" });
        AssertFieldError(empty, "Input.Name", "Please enter the section name.");
        Assert.Equal("muc-trong", FieldValue(empty, "Input.Slug"));

        var tooLong = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = new string('a', Section.NameMaxLength + 1) });
        AssertFieldError(tooLong, "Input.Name", "The name can be at most 100 characters long.");

        var sameName = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "PHÁP  LUẬT", ["Input.Slug"] = "phap-luat-moi" });
        AssertFieldError(sameName, "Input.Name", "There is already a section named “Pháp luật”.");
        Assert.Equal("PHÁP  LUẬT", FieldValue(sameName, "Input.Name"));

        var sameSlug = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "Pháp luật và đời sống", ["Input.Slug"] = "phap-luat" });
        AssertFieldError(sameSlug, "Input.Slug", "The web address “phap-luat” belongs to the section “Pháp luật”. Choose another.");

        var badSlug = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "An ninh", ["Input.Slug"] = "an ninh--quốc phòng" });
        AssertFieldError(badSlug, "Input.Slug", "The web address may contain only lower-case letters a-z, digits and single hyphens (at most 120 characters), e.g. the-thao.");
        Assert.Equal("an ninh--quốc phòng", FieldValue(badSlug, "Input.Slug"));
        Assert.Equal("An ninh", FieldValue(badSlug, "Input.Name"));

        var noLetters = await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "!!!" });
        AssertFieldError(noLetters, "Input.Slug", "The name has no letters or digits to make a web address from. Type the web address yourself, e.g. the-thao.");

        Assert.Equal(before, await QueryAsync(app, db => db.Sections.CountAsync()));
    }

    [Fact]
    public async Task RenamingRemembersTheOldAddressAndRenamingBackForgetsIt()
    {
        using var editor = await EditorAsync(app);
        var id = await SectionAsync(app, "Kinh tế", "kinh-te");

        var renamed = await SubmitAsync(editor, $"/newsroom/sections/{id}", $"/newsroom/sections/{id}", new() { ["Input.Name"] = "Kinh tế - Tài chính", ["Input.Slug"] = "" });

        AssertRedirect(renamed, $"/newsroom/sections#section-{id}");
        var section = await QueryAsync(app, db => db.Sections.SingleAsync(s => s.Id == id));
        Assert.Equal(("Kinh tế - Tài chính", "kinh-te-tai-chinh"), (section.Name, section.Slug));
        Assert.Equal(id, await RedirectAsync(app, SlugKind.Section, "kinh-te"));
        var audit = (await AuditAsync(app, nameof(Section), id)).Single(e => e.Action == CatalogAudit.SectionRenamed);
        Assert.Equal("name “Kinh tế” → “Kinh tế - Tài chính”; slug kinh-te → kinh-te-tai-chinh", audit.Note);
        Assert.Contains("/chuyen-muc/kinh-te", Decoded(await editor.GetAsync($"/newsroom/sections/{id}")), StringComparison.Ordinal);

        await SubmitAsync(editor, $"/newsroom/sections/{id}", $"/newsroom/sections/{id}", new() { ["Input.Name"] = "Kinh tế", ["Input.Slug"] = "kinh-te" });

        Assert.Null(await RedirectAsync(app, SlugKind.Section, "kinh-te"));
        Assert.Equal(id, await RedirectAsync(app, SlugKind.Section, "kinh-te-tai-chinh"));
    }

    [Fact]
    public async Task ANewSectionTakingAnOldAddressEndsItsRedirect()
    {
        using var editor = await EditorAsync(app);
        var old = await SectionAsync(app, "Du lịch", "du-lich");
        await SubmitAsync(editor, $"/newsroom/sections/{old}", $"/newsroom/sections/{old}", new() { ["Input.Name"] = "Du lịch", ["Input.Slug"] = "du-lich-kham-pha" });
        Assert.Equal(old, await RedirectAsync(app, SlugKind.Section, "du-lich"));

        await SubmitAsync(editor, "/newsroom/sections", "/newsroom/sections", new() { ["Input.Name"] = "Du lịch trong tỉnh", ["Input.Slug"] = "du-lich" });

        Assert.Null(await RedirectAsync(app, SlugKind.Section, "du-lich"));
    }

    [Fact]
    public async Task ATypedNameOrAddressThatIsUnchangedSavesWithoutAnAuditEvent()
    {
        using var editor = await EditorAsync(app);
        var id = await SectionAsync(app, "Quốc tế", "quoc-te");

        var saved = await SubmitAsync(editor, $"/newsroom/sections/{id}", $"/newsroom/sections/{id}", new() { ["Input.Name"] = "Quốc tế", ["Input.Slug"] = "quoc-te" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Empty(await AuditAsync(app, nameof(Section), id));
        Assert.Null(await RedirectAsync(app, SlugKind.Section, "quoc-te"));
    }

    [Fact]
    public async Task MovingUpAndDownChangesTheNavigationOrderWithoutScript()
    {
        using var editor = await EditorAsync(app);
        var a = await SectionAsync(app, "Mục A", "muc-a", order: 1000);
        var b = await SectionAsync(app, "Mục B", "muc-b", order: 1001);
        var c = await SectionAsync(app, "Mục C", "muc-c", order: 1002);

        var up = await SubmitAsync(editor, "/newsroom/sections", $"/newsroom/sections/{c}/move-up");

        AssertRedirect(up, $"/newsroom/sections#section-{c}");
        Assert.Equal([a, c, b], await LastThreeAsync());
        var moved = (await AuditAsync(app, nameof(Section), c)).Single(e => e.Action == CatalogAudit.SectionMoved);
        Assert.Equal(int.Parse(moved.FromState!, System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(moved.ToState!, System.Globalization.CultureInfo.InvariantCulture));
        var list = Decoded(await editor.GetAsync("/newsroom/sections"));
        Assert.Contains("“Mục C” moved up.", list, StringComparison.Ordinal);
        Assert.Contains("Move up<span class=\"visually-hidden\"> “Mục C”</span>", list, StringComparison.Ordinal);

        await SubmitAsync(editor, "/newsroom/sections", $"/newsroom/sections/{a}/move-down");
        Assert.Equal([c, a, b], await LastThreeAsync());

        var last = await SubmitAsync(editor, "/newsroom/sections", $"/newsroom/sections/{b}/move-down");
        Assert.Equal(HttpStatusCode.Redirect, last.Status);
        Assert.Equal([c, a, b], await LastThreeAsync());
        Assert.Contains("“Mục B” is already last.", Decoded(await editor.GetAsync("/newsroom/sections")), StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditAsync(app, nameof(Section), b), e => e.Action == CatalogAudit.SectionMoved);

        Task<List<int>> LastThreeAsync() => QueryAsync(app, async db =>
            (await db.Sections.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync()).TakeLast(3).ToList());
    }

    [Fact]
    public async Task HidingLeavesTheSectionReadableAndSaysSo()
    {
        using var editor = await EditorAsync(app);
        var id = await SectionAsync(app, "Tin ảnh", "tin-anh");

        var hidden = await SubmitAsync(editor, "/newsroom/sections", $"/newsroom/sections/{id}/hide");

        AssertRedirect(hidden, $"/newsroom/sections#section-{id}");
        Assert.True(await QueryAsync(app, db => db.Sections.Where(s => s.Id == id).Select(s => s.IsHidden).SingleAsync()));
        var list = Decoded(await editor.GetAsync("/newsroom/sections"));
        Assert.Contains("“Tin ảnh” is hidden: it is no longer in the navigation or on the home page, but its page and articles stay readable at their addresses.", list, StringComparison.Ordinal);
        Assert.Contains("Show<span class=\"visually-hidden\"> “Tin ảnh”</span>", list, StringComparison.Ordinal);

        await SubmitAsync(editor, "/newsroom/sections", $"/newsroom/sections/{id}/show");

        Assert.False(await QueryAsync(app, db => db.Sections.Where(s => s.Id == id).Select(s => s.IsHidden).SingleAsync()));
        var audit = await AuditAsync(app, nameof(Section), id);
        Assert.Equal(
            [(CatalogAudit.SectionHidden, "Visible", "Hidden"), (CatalogAudit.SectionShown, "Hidden", "Visible")],
            audit.Select(e => (e.Action, e.FromState, e.ToState)).ToList());
    }

    [Fact]
    public async Task AnUnknownSectionIsNotFound()
    {
        using var editor = await EditorAsync(app);
        var token = (await editor.GetAsync("/newsroom/sections")).AntiforgeryToken;

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/newsroom/sections/999999")).Status);
        foreach (var action in new[] { "", "/move-up", "/move-down", "/hide", "/show" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"/newsroom/sections/999999{action}", new Dictionary<string, string> { ["Input.Name"] = "X" }, token)).Status);
        }
    }

    [Fact]
    public async Task TheSectionPagesAreInVietnameseByDefault()
    {
        var (editor, _) = await Infrastructure.TestUsers.SignedInAsync(app, Roles.Editor);
        using (editor)
        {
            var page = Decoded(await editor.GetAsync("/newsroom/sections"));
            Assert.Contains(Infrastructure.Texts.Vietnamese<CatalogResource>(app, "Create section"), page, StringComparison.Ordinal);
            Assert.Contains("href=\"/newsroom/sections\">Chuyên mục</a>", page, StringComparison.Ordinal);
        }
    }
}
