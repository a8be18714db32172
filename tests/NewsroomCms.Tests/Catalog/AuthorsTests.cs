using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Media;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using static NewsroomCms.Tests.Catalog.CatalogSteps;

namespace NewsroomCms.Tests.Catalog;

/// <summary>Editors manage author profiles (bút danh) at /newsroom/authors; reporters keep their own on their profile page.</summary>
public sealed class AuthorsTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task AnEditorCreatesAContributorProfileWithAPhotoInOneForm()
    {
        using var editor = await EditorAsync(app);

        var created = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new()
        {
            ["Input.PenName"] = "Hà  Linh (CTV)",
            ["Input.Slug"] = "",
            ["Input.Bio"] = "Cộng tác viên ở huyện miền núi.\r\nViết về nông nghiệp.  ",
            ["Input.UserId"] = "",
        }, photo: TestImages.Jpeg(400, 300));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var author = await QueryAsync(app, db => db.Authors.Include(a => a.Photo).SingleAsync(a => a.PenName == "Hà Linh (CTV)"));
        Assert.Equal($"/newsroom/authors/{author.Id}", created.RedirectPath);
        Assert.Equal(("ha-linh-ctv", "Cộng tác viên ở huyện miền núi.\nViết về nông nghiệp.", null), (author.Slug, author.Bio, author.UserId));
        Assert.NotNull(author.Photo);
        Assert.Equal((400, "Hà Linh (CTV)"), (author.Photo.Width, author.Photo.AltText));
        Assert.False(author.IsRetired);
        var audit = Assert.Single(await AuditAsync(app, nameof(Author), author.Id));
        Assert.Equal((CatalogAudit.AuthorCreated, "“Hà Linh (CTV)” (ha-linh-ctv)"), (audit.Action, audit.Note));

        var list = Decoded(await editor.GetAsync("/newsroom/authors?q=ha+linh"));
        Assert.Matches($"<a href=\"/newsroom/authors/{author.Id}\">Hà Linh \\(CTV\\)</a>(?:(?!</tr>).)*No account(?:(?!</tr>).)*In use", list.ReplaceLineEndings(""));

        // Choosing "No photo" takes it off the profile; the photo stays in the media library.
        var edited = await PostFormAsync(editor, $"/newsroom/authors/{author.Id}", $"/newsroom/authors/{author.Id}", new()
        {
            ["Input.PenName"] = author.PenName,
            ["Input.Slug"] = author.Slug,
            ["Input.Bio"] = author.Bio!,
            ["Input.PhotoId"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Null((await QueryAsync(app, db => db.Authors.SingleAsync(a => a.Id == author.Id))).PhotoId);
        Assert.Equal($"photo #{author.PhotoId} → none", (await AuditAsync(app, nameof(Author), author.Id)).Last().Note);
    }

    [Fact]
    public async Task AnInvalidProfileIsRefusedWithWhatWasTypedKept()
    {
        using var editor = await EditorAsync(app);
        var reporter = await TestUsers.CreateAsync(app, Roles.Reporter, "Trần Văn Bình");
        await AuthorAsync("Văn Bình", "van-binh", reporter.Id);
        var disabled = await TestUsers.CreateAsync(app, Roles.Reporter, "Người đã nghỉ");
        await TestUsers.UpdateAsync(app, disabled.Email!, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        });
        var before = await QueryAsync(app, db => db.Authors.CountAsync());
        var fields = new Dictionary<string, string> { ["Input.PenName"] = "Minh Châu", ["Input.Slug"] = "", ["Input.Bio"] = "Tiểu sử đã gõ", ["Input.UserId"] = "" };

        var empty = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.PenName"] = "  " });
        AssertFieldError(empty, "Input.PenName", "Please enter the pen name.");
        Assert.Matches(">\\s*Tiểu sử đã gõ</textarea>", Decoded(empty));

        var longBio = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.Bio"] = new string('x', Author.BioMaxLength + 1) });
        AssertFieldError(longBio, "Input.Bio", "The bio can be at most 1000 characters long (it has 1001).");
        Assert.Equal("Minh Châu", FieldValue(longBio, "Input.PenName"));

        AssertFieldError(
            await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.PenName"] = new string('x', Author.PenNameMaxLength + 1) }),
            "Input.PenName", "The pen name can be at most 100 characters long.");
        var badSlug = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.Slug"] = "Minh_Chau" });
        AssertFieldError(badSlug, "Input.Slug", "The web address may contain only lower-case letters a-z, digits and single hyphens (at most 120 characters), e.g. the-thao.");
        Assert.Equal("Minh_Chau", FieldValue(badSlug, "Input.Slug"));
        AssertFieldError(
            await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.Slug"] = "van-binh" }),
            "Input.Slug", "The web address “van-binh” belongs to the author “Văn Bình”. Choose another.");
        AssertFieldError(
            await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.PenName"] = "VĂN  BÌNH", ["Input.UserId"] = reporter.Id }),
            "Input.PenName", "This account already has the pen name “VĂN BÌNH”.");
        AssertFieldError(
            await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.UserId"] = disabled.Id }),
            "Input.UserId", "That account does not exist or is disabled. Choose an active account, or none.");
        AssertFieldError(
            await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new(fields) { ["Input.PhotoId"] = "999999" }),
            "Input.PhotoId", "The chosen photo no longer exists. Choose or upload another.");

        Assert.Equal(before, await QueryAsync(app, db => db.Authors.CountAsync()));
        Assert.DoesNotContain(disabled.Id, (await editor.GetAsync("/newsroom/authors/new")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhotoSentWithAFormThatIsRefusedStaysChosenAndABadFileIsRefused()
    {
        using var editor = await EditorAsync(app);

        var refused = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new() { ["Input.PenName"] = "" }, photo: TestImages.Png(120, 160));

        AssertFieldError(refused, "Input.PenName", "Please enter the pen name.");
        var photoId = await QueryAsync(app, db => db.MediaAssets.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
        Assert.Matches($"<input type=\"radio\" id=\"photo-{photoId}\" name=\"Input.PhotoId\" value=\"{photoId}\" checked=\"checked\">", refused.Html);

        var notAnImage = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new() { ["Input.PenName"] = "Thu Hà" }, photo: "không phải ảnh"u8.ToArray());
        AssertFieldError(notAnImage, "Input.PhotoFile", "The file is not an image. Upload a JPEG, PNG, WebP or GIF photo.");
        Assert.False(await QueryAsync(app, db => db.Authors.AnyAsync(a => a.PenName == "Thu Hà")));

        var chosen = await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new() { ["Input.PenName"] = "Thu Hà", ["Input.PhotoId"] = photoId.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
        Assert.Equal(photoId, (await QueryAsync(app, db => db.Authors.SingleAsync(a => a.PenName == "Thu Hà"))).PhotoId);
    }

    [Fact]
    public async Task TwoPeopleWithTheSamePenNameGetDifferentAddresses()
    {
        using var editor = await EditorAsync(app);
        var reporter = await TestUsers.CreateAsync(app, Roles.Reporter);

        await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new() { ["Input.PenName"] = "Quang Minh" });
        await PostFormAsync(editor, "/newsroom/authors/new", "/newsroom/authors/new", new() { ["Input.PenName"] = "Quang Minh", ["Input.UserId"] = reporter.Id });

        var slugs = await QueryAsync(app, db => db.Authors.Where(a => a.PenName == "Quang Minh").OrderBy(a => a.Id).Select(a => new { a.Slug, a.UserId }).ToListAsync());
        Assert.Equal([("quang-minh", (string?)null), ("quang-minh-2", reporter.Id)], slugs.Select(s => (s.Slug, s.UserId)).ToList());
    }

    [Fact]
    public async Task ChangingTheAddressRemembersTheOldOneAndLinkingAnAccountShowsOnTheirProfile()
    {
        using var editor = await EditorAsync(app);
        var (reporter, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Lý Thị Mai");
        reporter.InEnglish();
        var id = await AuthorAsync("Mai Lý", "mai-ly", userId: null);

        var saved = await PostFormAsync(editor, $"/newsroom/authors/{id}", $"/newsroom/authors/{id}", new()
        {
            ["Input.PenName"] = "Mai Lý",
            ["Input.Slug"] = "mai-ly-phong-vien",
            ["Input.UserId"] = reporterUser.Id,
        });

        AssertRedirect(saved, $"/newsroom/authors/{id}");
        Assert.Equal(id, await RedirectAsync(app, SlugKind.Author, "mai-ly"));
        var events = await AuditAsync(app, nameof(Author), id);
        Assert.Equal("slug mai-ly → mai-ly-phong-vien", events.Single(e => e.Action == CatalogAudit.AuthorChanged).Note);
        var linked = events.Single(e => e.Action == CatalogAudit.AuthorLinked);
        Assert.Equal((null, reporterUser.Id, "“Mai Lý”: account none → “Lý Thị Mai”"), (linked.FromState, linked.ToState, linked.Note));
        Assert.Contains("<td>Mai Lý</td>", (await reporter.GetAsync("/newsroom/profile")).Html, StringComparison.Ordinal);
        Assert.Contains("/tac-gia/mai-ly", Decoded(await editor.GetAsync($"/newsroom/authors/{id}")), StringComparison.Ordinal);

        await PostFormAsync(editor, $"/newsroom/authors/{id}", $"/newsroom/authors/{id}", new() { ["Input.PenName"] = "Mai Lý", ["Input.Slug"] = "mai-ly", ["Input.UserId"] = "" });

        Assert.Null(await RedirectAsync(app, SlugKind.Author, "mai-ly"));
        Assert.Equal(id, await RedirectAsync(app, SlugKind.Author, "mai-ly-phong-vien"));
        Assert.DoesNotContain("Mai Lý", (await reporter.GetAsync("/newsroom/profile")).Html, StringComparison.Ordinal);
        reporter.Dispose();
    }

    [Fact]
    public async Task RetiringKeepsTheProfileMarkedAndItCanComeBack()
    {
        using var editor = await EditorAsync(app);
        var id = await AuthorAsync("Phan Đạt", "phan-dat", userId: null);

        var retired = await SubmitAsync(editor, $"/newsroom/authors/{id}", $"/newsroom/authors/{id}/retire");

        AssertRedirect(retired, $"/newsroom/authors/{id}");
        Assert.True((await QueryAsync(app, db => db.Authors.SingleAsync(a => a.Id == id))).IsRetired);
        var list = Decoded(await editor.GetAsync("/newsroom/authors?q=phan+dat")).ReplaceLineEndings("");
        Assert.Matches("Phan Đạt</a>(?:(?!</tr>).)*<span class=\"badge off\">Retired</span>", list);
        Assert.Contains("Put “Phan Đạt” back in use", Decoded(await editor.GetAsync($"/newsroom/authors/{id}")), StringComparison.Ordinal);

        await SubmitAsync(editor, $"/newsroom/authors/{id}", $"/newsroom/authors/{id}/unretire");

        Assert.False((await QueryAsync(app, db => db.Authors.SingleAsync(a => a.Id == id))).IsRetired);
        Assert.Equal(
            [(CatalogAudit.AuthorRetired, "Active", "Retired"), (CatalogAudit.AuthorUnretired, "Retired", "Active")],
            (await AuditAsync(app, nameof(Author), id)).Select(e => (e.Action, e.FromState, e.ToState)).ToList());
    }

    [Fact]
    public async Task AReportersOwnPenNamesGoThroughTheSameRulesAndOthersStayOutOfReach()
    {
        using var editor = await EditorAsync(app);
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Đỗ Hoài Nam");
        var contributor = await AuthorAsync("Cộng tác viên Hoài", "ctv-hoai", userId: null);

        await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/pen-names", new Dictionary<string, string> { ["NewPenName.PenName"] = "Hoài Nam" });
        var own = await QueryAsync(app, db => db.Authors.SingleAsync(a => a.UserId == user.Id && a.PenName == "Hoài Nam"));
        Assert.Equal(user.Id, Assert.Single(await AuditAsync(app, nameof(Author), own.Id)).UserId);
        Assert.Matches("Hoài Nam</a>(?:(?!</tr>).)*Đỗ Hoài Nam", Decoded(await editor.GetAsync("/newsroom/authors?q=hoai")).ReplaceLineEndings(""));

        var duplicate = await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/pen-names", new Dictionary<string, string> { ["NewPenName.PenName"] = "HOÀI NAM" });
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Equal(1, await QueryAsync(app, db => db.Authors.CountAsync(a => a.UserId == user.Id)));

        var token = (await reporter.GetAsync("/newsroom/profile")).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsync($"/newsroom/profile/pen-names/{contributor}/remove", new Dictionary<string, string>(), token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsync($"/newsroom/profile/pen-names/{contributor}/reactivate", new Dictionary<string, string>(), token)).Status);
        Assert.True(await QueryAsync(app, db => db.Authors.AnyAsync(a => a.Id == contributor)));

        await PostFormAsync(editor, $"/newsroom/authors/{own.Id}", $"/newsroom/authors/{own.Id}", new() { ["Input.PenName"] = "Hoài Nam", ["Input.Slug"] = "hoai-nam-pv", ["Input.UserId"] = user.Id });
        Assert.Equal(own.Id, await RedirectAsync(app, SlugKind.Author, own.Slug));

        var removed = await reporter.PostAsync($"/newsroom/profile/pen-names/{own.Id}/remove", new Dictionary<string, string>(), token);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.False(await QueryAsync(app, db => db.Authors.AnyAsync(a => a.Id == own.Id)));
        Assert.Null(await RedirectAsync(app, SlugKind.Author, own.Slug));
        Assert.Equal(CatalogAudit.AuthorDeleted, (await AuditAsync(app, nameof(Author), own.Id)).Last().Action);
        reporter.Dispose();
    }

    [Fact]
    public async Task AnUnknownProfileIsNotFound()
    {
        using var editor = await EditorAsync(app);
        var token = (await editor.GetAsync("/newsroom/authors")).AntiforgeryToken;

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/newsroom/authors/999999")).Status);
        foreach (var action in new[] { "", "/retire", "/unretire" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"/newsroom/authors/999999{action}", new Dictionary<string, string> { ["Input.PenName"] = "X" }, token)).Status);
        }
    }

    private Task<int> AuthorAsync(string penName, string slug, string? userId) => QueryAsync(app, async db =>
    {
        var author = new Author { PenName = penName, Slug = slug, UserId = userId, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return author.Id;
    });

    /// <summary>Sends the profile form as the browser does: multipart, with the token of the page that shows it.</summary>
    private static async Task<FormClient.Page> PostFormAsync(FormClient client, string formPage, string action, Dictionary<string, string> fields, byte[]? photo = null)
    {
        var page = await client.GetAsync(formPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(page.AntiforgeryToken!), "__RequestVerificationToken");
        var file = new ByteArrayContent(photo ?? []);
        file.Headers.ContentType = new MediaTypeHeaderValue(photo is null ? "application/octet-stream" : "image/jpeg");
        // A browser sends the file field even when no file was chosen: empty, without a file name.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Input.PhotoFile\"", FileName = photo is null ? "\"\"" : "\"portrait.jpg\"" };
        content.Add(file);
        using var response = await client.Http.PostAsync(action, content);
        return await FormClient.Page.ReadAsync(response);
    }
}
