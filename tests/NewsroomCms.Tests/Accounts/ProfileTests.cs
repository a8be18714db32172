using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using AuthoringSteps = NewsroomCms.Tests.Authoring.Authoring;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Accounts;

public sealed class ProfileTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task AReporterAddsAPenNameAndCanUseItInTheByline()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter);

        var added = await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/pen-names", new Dictionary<string, string>
        {
            ["NewPenName.PenName"] = "Hà  Giang",
            ["NewPenName.Bio"] = "Phóng viên thường trú miền núi.",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var author = await AuthoringSteps.QueryAsync(app, db => db.Authors.SingleAsync(a => a.UserId == user.Id && a.PenName == "Hà Giang"));
        Assert.Equal("ha-giang", author.Slug[..8]);
        var id = await AuthoringSteps.NewArticleAsync(reporter);
        Assert.Contains($"<option value=\"{author.Id}\">Hà Giang</option>", (await reporter.GetAsync($"/newsroom/articles/{id}/edit")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyPenNameIsRefusedWithTheBioKept()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);

        var page = await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/pen-names", new Dictionary<string, string>
        {
            ["NewPenName.PenName"] = "   ",
            ["NewPenName.Bio"] = "Tiểu sử đã gõ",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("field-validation-error", page.Html, StringComparison.Ordinal);
        Assert.Contains("Tiểu sử đã gõ", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APenNameOnAPublishedArticleIsRetiredNotDeleted()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Thu Thủy");
        var id = await AuthoringSteps.NewArticleAsync(reporter);
        var authorId = (await AuthoringSteps.ArticleAsync(app, id)).Authors.Single().AuthorId;
        await AuthoringSteps.QueryAsync(app, db => db.Articles.Where(a => a.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ArticleStatus.Published).SetProperty(a => a.PublishedAt, DateTime.UtcNow)));

        var removed = await reporter.SubmitAsync("/newsroom/profile", $"/newsroom/profile/pen-names/{authorId}/remove", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        var author = await AuthoringSteps.QueryAsync(app, db => db.Authors.SingleAsync(a => a.Id == authorId));
        Assert.True(author.IsRetired);
        var next = await AuthoringSteps.NewArticleAsync(reporter);
        Assert.DoesNotContain($"<option value=\"{authorId}\"", (await reporter.GetAsync($"/newsroom/articles/{next}/edit")).Html, StringComparison.Ordinal);
        Assert.NotEqual(authorId, (await AuthoringSteps.ArticleAsync(app, next)).Authors.Single().AuthorId);
        Assert.Equal(user.Id, (await AuthoringSteps.QueryAsync(app, db => db.Authors.SingleAsync(a => a.Id == authorId))).UserId);
    }

    [Fact]
    public async Task AnUnusedPenNameIsDeletedAndOthersPenNamesAreOutOfReach()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/pen-names", new Dictionary<string, string> { ["NewPenName.PenName"] = "Bút danh tạm" });
        var authorId = await AuthoringSteps.QueryAsync(app, db => db.Authors.Where(a => a.UserId == user.Id).Select(a => a.Id).SingleAsync());
        var (other, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);

        var stolen = await other.SubmitAsync("/newsroom/profile", $"/newsroom/profile/pen-names/{authorId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, stolen.Status);

        await reporter.SubmitAsync("/newsroom/profile", $"/newsroom/profile/pen-names/{authorId}/remove", new Dictionary<string, string>());
        Assert.False(await AuthoringSteps.QueryAsync(app, db => db.Authors.AnyAsync(a => a.Id == authorId)));
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOne()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter);

        var wrong = await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "khong-dung-1",
            ["Password.NewPassword"] = "mat-khau-moi-2027",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("field-validation-error", wrong.Html, StringComparison.Ordinal);

        var changed = await reporter.SubmitAsync("/newsroom/profile", "/newsroom/profile/password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = TestUsers.Password,
            ["Password.NewPassword"] = "mat-khau-moi-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/newsroom")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.SignInAsync(new FormClient(app), user.Email!, "mat-khau-moi-2027")).Status);
    }
}
