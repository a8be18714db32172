using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Domain;
using Steps = NewsroomCms.Tests.Authoring.Authoring;

namespace NewsroomCms.Tests.Notifications;

/// <summary>Who hears of what happens to an article: never the person who did it.</summary>
public sealed class NotificationRulesTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    private static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task ASubmissionAndAResubmissionTellEveryActiveEditorAndAdminButNobodyElse()
    {
        var (reporter, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Lê Thị Hồng");
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var admin = await TestUsers.CreateAsync(app, Roles.Admin);
        var away = await TestUsers.CreateAsync(app, Roles.Editor);
        await TestUsers.UpdateAsync(app, away.Email!, (users, user) =>
        {
            user.IsDisabled = true;
            return users.UpdateAsync(user);
        });
        var colleague = await TestUsers.CreateAsync(app, Roles.Reporter);

        var id = await Desk.SubmittedAsync(app, reporter, "Nông dân trúng mùa dưa hấu");

        foreach (var told in new[] { editorUser, admin })
        {
            var notification = Assert.Single(await NotificationsAsync(told.Id, id));
            Assert.Equal(
                (NotificationKind.Submitted, "Nông dân trúng mùa dưa hấu", "Lê Thị Hồng", (DateTime?)null, Scheduling.Now(app)),
                (notification.Kind, notification.ArticleTitle, notification.ActorName, notification.ReadAt, notification.CreatedAt));
        }

        Assert.Empty(await NotificationsAsync(away.Id, id));
        Assert.Empty(await NotificationsAsync(colleague.Id, id));
        Assert.Empty(await NotificationsAsync(reporterUser.Id, id));

        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, "request-changes", new() { ["Note"] = "Thêm giá bán." })).Status);
        var form = await Desk.CurrentFormAsync(app, reporter, id);
        form["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form)).Status);

        Assert.Equal(2, (await NotificationsAsync(editorUser.Id, id)).Count(n => n.Kind == NotificationKind.Submitted));
        Assert.Equal(2, (await NotificationsAsync(admin.Id, id)).Count(n => n.Kind == NotificationKind.Submitted));
        Assert.DoesNotContain(await NotificationsAsync(reporterUser.Id, id), n => n.Kind == NotificationKind.Submitted);
    }

    [Fact]
    public async Task AnEditorSubmittingTheirOwnArticleIsNotToldOfIt()
    {
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        var other = await TestUsers.CreateAsync(app, Roles.Editor);

        var id = await Desk.SubmittedAsync(app, editor, "Bình luận: mùa mưa bão");

        Assert.Empty(await NotificationsAsync(editorUser.Id, id));
        Assert.Single(await NotificationsAsync(other.Id, id));
    }

    [Fact]
    public async Task EditorsDecisionsTellTheReporterAndTheBylineButNeverTheEditorWhoDecided()
    {
        var (reporter, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter, "Lê Thị Hồng");
        var coAuthor = await TestUsers.CreateAsync(app, Roles.Reporter, "Phạm Văn Quý");
        var bystander = await TestUsers.CreateAsync(app, Roles.Reporter);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor, "Trường Hà");
        var otherEditor = await TestUsers.CreateAsync(app, Roles.Editor);
        var id = await Desk.SubmittedAsync(app, reporter, "Đua ghe ngo Sóc Trăng");
        await Desk.AddToBylineAsync(app, id, coAuthor.Id, "Văn Quý");
        // The deciding editor also wrote part of it: they still hear nothing of their own decisions.
        await Desk.AddToBylineAsync(app, id, editorUser.Id, "Trường Hà");
        var writers = new[] { reporterUser.Id, coAuthor.Id };

        await DecideAsync(editor, id, "request-changes", new() { ["Note"] = "Bổ sung ảnh và tên các đội đoạt giải." });
        await AssertToldAsync(writers, id, NotificationKind.ChangesRequested, "Bổ sung ảnh và tên các đội đoạt giải.");

        var form = await Desk.CurrentFormAsync(app, reporter, id);
        form["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.PostAsync(reporter, $"/newsroom/articles/{id}/edit", form)).Status);
        await Desk.AddToBylineAsync(app, id, coAuthor.Id, "Văn Quý");
        await Desk.AddToBylineAsync(app, id, editorUser.Id, "Trường Hà");
        var at = HaNoi.ToLocal(Scheduling.Now(app)).AddHours(2);
        var publishAt = new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Unspecified);
        await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = publishAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) });
        await AssertToldAsync(writers, id, NotificationKind.Scheduled, HaNoi.ToUtc(publishAt).ToString("O", CultureInfo.InvariantCulture));

        await DecideAsync(editor, id, "unschedule");
        await DecideAsync(editor, id, "publish");
        await AssertToldAsync(writers, id, NotificationKind.Published, note: null);

        await DecideAsync(editor, id, "take-down", new() { ["Note"] = "Sai tên đội vô địch." });
        await AssertToldAsync(writers, id, NotificationKind.TakenDown, "Sai tên đội vô địch.");

        await DecideAsync(editor, id, "republish");
        await DecideAsync(editor, id, "correct", new() { ["Notice"] = "Đội vô địch là ghe Ngo chùa Chén Kiến." });
        await AssertToldAsync(writers, id, NotificationKind.Corrected, "Đội vô địch là ghe Ngo chùa Chén Kiến.");
        Assert.Equal(2, (await NotificationsAsync(reporterUser.Id, id)).Count(n => n.Kind == NotificationKind.Published));

        // Editors hear of submissions; of the decisions, only the writers who did not make them.
        Assert.All(await NotificationsAsync(editorUser.Id, id), n => Assert.Equal(NotificationKind.Submitted, n.Kind));
        Assert.All(await NotificationsAsync(otherEditor.Id, id), n => Assert.Equal(NotificationKind.Submitted, n.Kind));
        Assert.Empty(await NotificationsAsync(bystander.Id, id));
    }

    [Fact]
    public async Task TheSchedulerPublishingTellsTheWritersThatItWentPublicOnTime()
    {
        var (reporter, reporterUser) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        var (editor, editorUser) = await TestUsers.SignedInAsync(app, Roles.Editor);
        var id = await Desk.SubmittedAsync(app, reporter, "Lễ hội Katê của đồng bào Chăm");
        var publishAt = HaNoi.ToLocal(Scheduling.Now(app)).AddMinutes(30);
        await DecideAsync(editor, id, "schedule", new() { ["PublishAt"] = publishAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) });

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await Scheduling.PublishDueAsync(app);

        Assert.Equal(ArticleStatus.Published, (await Steps.ArticleAsync(app, id)).Status);
        var published = Assert.Single(await NotificationsAsync(reporterUser.Id, id), n => n.Kind == NotificationKind.Published);
        Assert.Null(published.ActorName);
        Assert.Equal(Scheduling.Now(app), published.CreatedAt);
        Assert.DoesNotContain(await NotificationsAsync(editorUser.Id, id), n => n.Kind == NotificationKind.Published);
        var page = await reporter.InEnglish().GetAsync("/newsroom/notifications");
        Assert.Contains("“Lễ hội Katê của đồng bào Chăm” was published at its scheduled time.", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingScheduledPublicationTellsTheEditorsOncePerFailureStreak()
    {
        const string title = "Bài hẹn giờ bị lỗi khi đăng";
        var editor = await TestUsers.CreateAsync(app, Roles.Editor);
        var admin = await TestUsers.CreateAsync(app, Roles.Admin);
        var id = await Scheduling.CreateAsync(app, Scheduling.Now(app).AddMinutes(-1), title: title);
        await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_failing_schedule BEFORE UPDATE ON Articles WHEN OLD.Title = '" + title + "' " +
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"));
        try
        {
            for (var run = 0; run < 3; run++)
            {
                await Scheduling.PublishDueAsync(app);
                app.Clock.Advance(TimeSpan.FromSeconds(30));
            }

            Assert.Equal(3, (await Scheduling.AuditAsync(app, id, "article.schedule-failed")).Count);
            foreach (var told in new[] { editor, admin })
            {
                var failed = Assert.Single(await NotificationsAsync(told.Id, id));
                Assert.Equal((NotificationKind.ScheduleFailed, title, (string?)null), (failed.Kind, failed.ArticleTitle, failed.ActorName));
                Assert.Contains("database or disk is full", failed.Note, StringComparison.Ordinal);
            }

            // Rescheduled (as the review page does it, past the trigger): a new streak, told again once.
            await Scheduling.QueryAsync(app, async db =>
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_failing_schedule;");
                await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.ScheduledAt, Scheduling.Now(app).AddMinutes(5)));
                return await db.Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse_failing_schedule BEFORE UPDATE ON Articles WHEN OLD.Title = '" + title + "' " +
                    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
            });
            app.Clock.Advance(TimeSpan.FromMinutes(6));
            await Scheduling.PublishDueAsync(app);
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            await Scheduling.PublishDueAsync(app);

            Assert.Equal(2, (await NotificationsAsync(editor.Id, id)).Count);
        }
        finally
        {
            await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS refuse_failing_schedule;"));
        }
    }

    private async Task AssertToldAsync(string[] userIds, int articleId, NotificationKind kind, string? note)
    {
        foreach (var userId in userIds)
        {
            var notification = Assert.Single(await NotificationsAsync(userId, articleId), n => n.Kind == kind && n.CreatedAt == Scheduling.Now(app));
            Assert.Equal(("Trường Hà", note), (notification.ActorName, notification.Note));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task DecideAsync(FormClient editor, int id, string action, Dictionary<string, string>? fields = null) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Desk.DecideAsync(app, editor, id, action, fields)).Status);

    private Task<List<Notification>> NotificationsAsync(string userId, int articleId) =>
        Steps.QueryAsync(app, db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ArticleId == articleId).OrderBy(n => n.Id).ToListAsync());
}
