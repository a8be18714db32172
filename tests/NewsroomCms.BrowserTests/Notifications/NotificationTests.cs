using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Authoring;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Notifications;

/// <summary>A reporter hears that an editor sent an article back: the count in the navigation, the list, the article.</summary>
public sealed class NotificationTests(NewsroomSite site) : AuthoringTest<NewsroomSite>(site)
{
    private const string Headline = "Chợ phiên vùng cao ngày cuối tuần";
    private const string Note = "Thêm ảnh chợ phiên và ý kiến của bà con.";

    [Fact]
    public async Task AReporterSeesTheUnreadCountReadsTheNoticeAndFollowsItToTheArticle()
    {
        var reporter = await SignInAsReporterAsync("Lê Minh Châu");
        await AddArticleAsync("Lê Minh Châu", Headline, ArticleStatus.ChangesRequested, Note);
        var id = await NotifyAsync(Headline);

        await reporter.ReloadAsync();
        var navigation = reporter.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Thông báo, 1 chưa đọc", Exact = true }).ClickAsync();

        await Expect(reporter).ToHaveURLAsync(Url("/newsroom/notifications"));
        await Accessibility.AssertNoViolationsAsync(reporter);
        await reporter.GetByRole(AriaRole.Link, new() { Name = $"Trần Quốc Bảo đã trả lại bài “{Headline}” kèm ghi chú: {Note}" }).ClickAsync();

        await Expect(reporter).ToHaveURLAsync(Url($"/newsroom/articles/{id}/edit"));
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Thông báo", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>The notification the review desk leaves when it sends the article back; returns the article's id.</summary>
    private async Task<int> NotifyAsync(string title)
    {
        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var article = await db.Articles.Where(a => a.Title == title).Select(a => new { a.Id, a.CreatedById }).SingleAsync();
        db.Notifications.Add(new Notification
        {
            UserId = article.CreatedById!,
            Kind = NotificationKind.ChangesRequested,
            ArticleId = article.Id,
            ArticleTitle = title,
            ActorName = "Trần Quốc Bảo",
            Note = Note,
            CreatedAt = Site.App.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return article.Id;
    }
}
