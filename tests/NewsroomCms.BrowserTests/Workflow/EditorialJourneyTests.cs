using System.Net;
using Microsoft.Playwright;
using NewsroomCms.BrowserTests.Authoring;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Workflow;

/// <summary>
/// The whole road of one article, with two people at two computers: a reporter submits, an editor sends it
/// back with a note, the reporter fixes it and submits again, the editor compares the revisions and
/// schedules it, and when the newsroom clock reaches that time the scheduler makes it public.
/// </summary>
public sealed class EditorialJourneyTests(NewsroomSite site) : AuthoringTest<NewsroomSite>(site)
{
    private const string Headline = "Tỉnh khởi công tuyến đường ven biển dài 36 km";
    private const string PublicSlug = "tinh-khoi-cong-tuyen-duong-ven-bien-dai-36-km";
    private const string EditorsNote = "Bổ sung tổng mức đầu tư và thời gian hoàn thành.";
    private const string Fix = "Dự án có tổng mức đầu tư 2.100 tỷ đồng, dự kiến hoàn thành năm 2028.";

    [Fact]
    public async Task AReporterAndAnEditorTakeAnArticleFromDraftToThePublicSiteAtItsScheduledTime()
    {
        // The reporter writes and submits.
        var reporter = await SignInAsReporterAsync("Lê Minh Châu");
        var id = await StartArticleAsync(reporter);
        await Title(reporter).FillAsync(Headline);
        await Sapo(reporter).FillAsync("Sáng nay, tỉnh khởi công tuyến đường ven biển nối ba huyện.");
        await TypeInBodyAsync(reporter, "Tuyến đường giúp rút ngắn thời gian đi lại giữa các huyện ven biển.");
        await Section(reporter).SelectOptionAsync(new SelectOptionValue { Label = "Kinh tế" });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();
        await Expect(reporter).ToHaveURLAsync(Url("/newsroom"));

        // The editor finds it in the queue and sends it back with a note.
        var editorEmail = $"{Guid.NewGuid():N}@baotinh.vn";
        await Site.CreateAccountAsync("Trường Hà", editorEmail, Password, Roles.Editor);
        var editor = await SignInAsync(editorEmail, Password);
        await editor.GotoAsync("/newsroom/review");
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = Headline })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(editor);
        await editor.GetByRole(AriaRole.Link, new() { Name = Headline }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(Url($"/newsroom/review/{id}"));
        await Accessibility.AssertNoViolationsAsync(editor);
        await editor.GetByLabel("Ghi chú cho phóng viên").FillAsync(EditorsNote);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Trả lại yêu cầu sửa" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(Url("/newsroom/review"));
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = Headline })).ToHaveCountAsync(0);

        // The reporter sees the note, adds what was asked and submits again.
        await reporter.ReloadAsync();
        var sentBack = reporter.GetByRole(AriaRole.Region, new() { Name = "Trả lại để sửa (1)" });
        await Expect(sentBack).ToContainTextAsync(EditorsNote);
        await sentBack.GetByRole(AriaRole.Link, new() { Name = Headline }).ClickAsync();
        await Expect(reporter).ToHaveURLAsync(Url($"/newsroom/articles/{id}/edit"));
        await WaitForEditorAsync(reporter);
        await Body(reporter).PressAsync("Control+End");
        await Body(reporter).PressAsync("Enter");
        await Body(reporter).PressSequentiallyAsync(Fix);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();
        await Expect(reporter).ToHaveURLAsync(Url("/newsroom"));

        // The editor compares what changed since the first submission: the new sentence is marked inserted.
        await editor.GotoAsync($"/newsroom/review/{id}");
        await editor.GetByRole(AriaRole.Link, new() { Name = "So sánh các thay đổi mới nhất" }).ClickAsync();
        await Expect(editor.Locator("table.diff-body ins").Filter(new() { HasText = "2.100 tỷ đồng" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(editor);

        // ... and schedules it for 16:30 newsroom time (the clock says 14:00).
        await editor.GotoAsync($"/newsroom/review/{id}");
        await editor.GetByLabel("Đăng lúc").FillAsync("2026-11-26T16:30");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Hẹn giờ đăng" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("16:30");
        var reader = await NewPageAsync();
        Assert.Equal((int)HttpStatusCode.NotFound, (await reader.GotoAsync($"/bai-viet/{PublicSlug}"))!.Status);

        // Time passes; the scheduler, not a visitor, publishes it.
        Site.App.Clock.Advance(TimeSpan.FromHours(3));
        await WaitUntilPublicAsync(reader, $"/bai-viet/{PublicSlug}");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = Headline, Level = 1 })).ToBeVisibleAsync();
        await Expect(reader.GetByText(Fix)).ToBeVisibleAsync();

        var stored = await StoredArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(new DateTime(2026, 11, 26, 9, 30, 0, DateTimeKind.Utc), stored.PublishedAt);
    }

    /// <summary>The scheduler runs on its own thread once the clock moves; the page turns public within moments.</summary>
    private static async Task WaitUntilPublicAsync(IPage reader, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await reader.GotoAsync(path))!.Status != (int)HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} was still not public 20 s after its time.");
            await Task.Delay(250);
        }
    }
}
