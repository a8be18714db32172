using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using AuthoringSteps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Security;

public sealed class AuditLogTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task AnAdminSeesWhoDidWhatAndCanFilterByPersonAndArticle()
    {
        var (reporter, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Phóng viên Nhật Ký");
        var id = await AuthoringSteps.NewArticleAsync(reporter);
        var authorId = (await AuthoringSteps.ArticleAsync(app, id)).Authors.Single().AuthorId;
        var form = AuthoringSteps.Complete(await AuthoringSteps.FormAsync(reporter, id), await AuthoringSteps.SectionIdAsync(app), authorId);
        form["command"] = "submit";
        await AuthoringSteps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form);
        var (admin, _) = await TestUsers.SignedInAsync(app, Roles.Admin);

        var byArticle = await admin.GetAsync($"/newsroom/audit?ArticleId={id}");
        Assert.Equal(HttpStatusCode.OK, byArticle.Status);
        Assert.Contains("article.submit</td>", byArticle.Html, StringComparison.Ordinal);
        Assert.Contains("Phóng viên Nhật Ký", byArticle.Html, StringComparison.Ordinal);
        Assert.Contains("Draft → Submitted", byArticle.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("user.signed-in</td>", byArticle.Html, StringComparison.Ordinal);

        var byPerson = await admin.GetAsync($"/newsroom/audit?UserId={reporterUser.Id}&Action=user.signed-in");
        Assert.Contains("user.signed-in</td>", byPerson.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("article.submit</td>", byPerson.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Editor)]
    public async Task OnlyAdminsMayReadTheAuditLog(string role)
    {
        var (client, _) = await TestUsers.SignedInAsync(app, role);

        var page = await client.GetAsync("/newsroom/audit");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/access-denied", page.Location!.PathAndQuery ?? page.Location.OriginalString, StringComparison.Ordinal);
    }
}
