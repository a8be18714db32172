using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Workflow;

/// <summary>Scheduled articles that did not go public on time, shown to the editors on the review queue.</summary>
public sealed partial class MissedSchedulesTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    private static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task TheQueueWarnsOfOverdueAndFailedSchedulesWithTheirTimeAndError()
    {
        const string failingTitle = "Bài hẹn giờ không lưu được";
        var (editor, _) = await TestUsers.SignedInAsync(app, Roles.Editor);
        editor.InEnglish();
        var now = Scheduling.Now(app);
        var failing = await Scheduling.CreateAsync(app, now.AddMinutes(-1), title: failingTitle);
        await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_missed BEFORE UPDATE ON Articles WHEN OLD.Title = '" + failingTitle + "' " +
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"));
        try
        {
            await Scheduling.PublishDueAsync(app);
            var failedAt = Assert.Single(await Scheduling.AuditAsync(app, failing, "article.schedule-failed")).OccurredAt;
            // Due while the scheduler was not running (no attempt yet), and one still to come.
            var overdue = await Scheduling.CreateAsync(app, now.AddMinutes(-10), title: "Bài trễ hẹn mười phút");
            var onTime = await Scheduling.CreateAsync(app, now.AddHours(1), title: "Bài hẹn giờ còn một tiếng");

            var queue = await editor.GetAsync("/newsroom/review");

            Assert.Equal(HttpStatusCode.OK, queue.Status);
            var warning = WarningSection().Match(queue.Html);
            Assert.True(warning.Success, "a warning section on the queue");
            Assert.Contains("Warning: 2 scheduled articles did not go public on time", warning.Value, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/newsroom/review/{overdue}\">Bài trễ hẹn mười phút</a>", warning.Value, StringComparison.Ordinal);
            Assert.Contains($"scheduled for {HaNoi.FormatShort(now.AddMinutes(-10))}", warning.Value, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/newsroom/review/{failing}\">{failingTitle}</a>", warning.Value, StringComparison.Ordinal);
            Assert.Contains($"scheduled for {HaNoi.FormatShort(now.AddMinutes(-1))}", warning.Value, StringComparison.Ordinal);
            Assert.Contains($"Last attempt failed at {HaNoi.FormatShort(failedAt)}: ", warning.Value, StringComparison.Ordinal);
            Assert.Contains("database or disk is full", warning.Value, StringComparison.Ordinal);
            Assert.DoesNotContain($"/newsroom/review/{onTime}\"", warning.Value, StringComparison.Ordinal);
        }
        finally
        {
            await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS refuse_missed;"));
        }

        await Scheduling.PublishDueAsync(app);
        Assert.DoesNotContain("did not go public on time", (await editor.GetAsync("/newsroom/review")).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<section aria-labelledby=\"missed-heading\" class=\"warning-box\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex WarningSection();
}
