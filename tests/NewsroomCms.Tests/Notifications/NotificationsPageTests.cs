using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Domain;
using Steps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Notifications;

/// <summary>Each person's notifications: the count in the navigation, the list, reading them; only their own.</summary>
public sealed class NotificationsPageTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    [Fact]
    public async Task TheNavigationCountsWhatIsUnreadAndTheListReadsAsSentencesNewestFirst()
    {
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Lê Thị Hồng");
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var published = await Desk.PublishedAsync(app, reporter, editor, "Giải việt dã truyền thống");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var sentBack = await Desk.SubmittedAsync(app, reporter, "Chợ nổi Cái Răng");
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, sentBack, "request-changes", new() { ["Note"] = "Thêm ý kiến của tiểu thương." })).Status);

        var desk = await reporter.GetAsync("/newsroom");
        Assert.Contains("<a href=\"/newsroom/notifications\" aria-label=\"Thông báo, 2 chưa đọc\">Thông báo <span class=\"unread-count\" aria-hidden=\"true\">2</span></a>", desk.Html, StringComparison.Ordinal);

        var list = await reporter.GetAsync("/newsroom/notifications");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var sentBackAt = list.Html.IndexOf("Trường Hà đã trả lại bài “Chợ nổi Cái Răng” kèm ghi chú: Thêm ý kiến của tiểu thương.", StringComparison.Ordinal);
        var publishedAt = list.Html.IndexOf("Trường Hà đã đăng bài “Giải việt dã truyền thống”.", StringComparison.Ordinal);
        Assert.True(sentBackAt > 0 && publishedAt > sentBackAt, "newest first, each a sentence");
        Assert.Equal(2, Regex.Count(list.Html, "<li class=\"unread\">"));
        Assert.Contains("Chưa đọc: 2", list.Html, StringComparison.Ordinal);
        Assert.Contains(">Đánh dấu tất cả là đã đọc</button>", list.Html, StringComparison.Ordinal);

        // Editors' own count: the reporter's submission waits for them.
        var editorDesk = await editor.InEnglish().GetAsync("/newsroom");
        Assert.Matches("aria-label=\"Notifications, \\d+ unread\">Notifications <span class=\"unread-count\"", editorDesk.Html);
        Assert.Contains("sent “Chợ nổi Cái Răng” for review.", (await editor.GetAsync("/newsroom/notifications")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowingANotificationMarksItReadAndOpensTheArticleWhereThisPersonWorksOnIt()
    {
        var (reporter, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (colleague, colleagueUser) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        var id = await Desk.SubmittedAsync(app, reporter, "Vụ mùa thắng lợi");
        await Desk.AddToBylineAsync(app, id, colleagueUser.Id, "Cộng tác viên");
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, "publish")).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var reporters = await NotificationAsync(reporterUser.Id, id);
        var opened = await reporter.GetAsync($"/newsroom/notifications/{reporters.Id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal($"/newsroom/articles/{id}/edit", opened.RedirectPath);
        Assert.Equal(Scheduling.Now(app), (await NotificationAsync(reporterUser.Id, id)).ReadAt);
        Assert.Contains("<a href=\"/newsroom/notifications\">Thông báo</a>", (await reporter.GetAsync("/newsroom")).Html, StringComparison.Ordinal);

        var editors = await NotificationAsync(editorUser.Id, id);
        Assert.Equal(NotificationKind.Submitted, editors.Kind);
        Assert.Equal($"/newsroom/review/{id}", (await editor.GetAsync($"/newsroom/notifications/{editors.Id}")).RedirectPath);

        // On the byline of a colleague's article: the public page, since the newsroom copy is not theirs to open.
        var colleagues = await NotificationAsync(colleagueUser.Id, id);
        var slug = (await Steps.ArticleAsync(app, id)).Slug;
        Assert.Equal($"/bai-viet/{slug}", (await colleague.GetAsync($"/newsroom/notifications/{colleagues.Id}")).RedirectPath);
    }

    [Fact]
    public async Task OneOrAllNotificationsCanBeMarkedRead()
    {
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await AddAsync(editorUser.Id, $"Thông báo thứ {i}"));
        }

        var page = await editor.GetAsync("/newsroom/notifications");
        Assert.Contains($"aria-describedby=\"notification-{ids[1]}\">Mark as read</button>", page.Html, StringComparison.Ordinal);
        var one = await editor.PostAsync($"/newsroom/notifications/{ids[1]}/read", new Dictionary<string, string>(), page.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.Equal("/newsroom/notifications", one.RedirectPath);
        Assert.Equal(new[] { false, true, false }, await ReadStatesAsync(ids));
        var afterOne = await editor.GetAsync("/newsroom/notifications");
        Assert.DoesNotContain($"aria-describedby=\"notification-{ids[1]}\"", afterOne.Html, StringComparison.Ordinal);

        var all = await editor.PostAsync("/newsroom/notifications/read-all", new Dictionary<string, string>(), afterOne.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, all.Status);
        Assert.Equal(new[] { true, true, true }, await ReadStatesAsync(ids));
        var afterAll = await editor.GetAsync("/newsroom/notifications");
        Assert.Contains("All your notifications are marked as read.", afterAll.Html, StringComparison.Ordinal);
        Assert.Contains("You have no unread notifications.", afterAll.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li class=\"unread\">", afterAll.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark all as read", afterAll.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("unread-count", afterAll.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodySeesOrChangesSomeoneElsesNotifications()
    {
        var (owner, ownerUser) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (other, _) = await TestUsers.SignedInAsync(app, Roles.Admin);
        var mine = await AddAsync(ownerUser.Id, "Bài riêng của phóng viên");

        var list = await other.GetAsync("/newsroom/notifications");
        Assert.DoesNotContain("Bài riêng của phóng viên", list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/newsroom/notifications/{mine}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/newsroom/notifications/{mine}/read", new Dictionary<string, string>(), list.AntiforgeryToken)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync("/newsroom/notifications/read-all", new Dictionary<string, string>(), list.AntiforgeryToken)).Status);

        Assert.Equal(new[] { false }, await ReadStatesAsync([mine]));
        Assert.Contains("Bài riêng của phóng viên", (await owner.GetAsync("/newsroom/notifications")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListIsPagedNewestFirst()
    {
        var (reporter, user) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        reporter.InEnglish();
        for (var i = 1; i <= 25; i++)
        {
            await AddAsync(user.Id, $"Tin số {i:00}");
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await reporter.GetAsync("/newsroom/notifications");
        Assert.Equal(20, Regex.Count(first.Html, "<li class=\"unread\">"));
        Assert.True(first.Html.IndexOf("Tin số 25", StringComparison.Ordinal) < first.Html.IndexOf("Tin số 24", StringComparison.Ordinal));
        Assert.DoesNotContain("Tin số 05", first.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/newsroom/notifications?page=2\">Older notifications</a>", first.Html, StringComparison.Ordinal);

        var second = await reporter.GetAsync("/newsroom/notifications?page=2");
        Assert.Equal(5, Regex.Count(second.Html, "<li class=\"unread\">"));
        Assert.Contains("Tin số 01", second.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/newsroom/notifications?page=1\">Newer notifications</a>", second.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Older notifications", second.Html, StringComparison.Ordinal);
    }

    /// <summary>A notification as the scheduler would leave it: no one to name, a title to show.</summary>
    private Task<long> AddAsync(string userId, string title) => Steps.QueryAsync(app, async db =>
    {
        var notification = new Notification
        {
            UserId = userId,
            Kind = NotificationKind.Published,
            ArticleTitle = title,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    });

    private Task<Notification> NotificationAsync(string userId, int articleId) =>
        Steps.QueryAsync(app, db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == userId && n.ArticleId == articleId));

    private Task<bool[]> ReadStatesAsync(IReadOnlyList<long> ids) => Steps.QueryAsync(app, async db =>
    {
        var read = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.ReadAt != null);
        return ids.Select(id => read[id]).ToArray();
    });
}
