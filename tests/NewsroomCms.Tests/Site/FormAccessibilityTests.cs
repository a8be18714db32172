using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;

namespace NewsroomCms.Tests.Site;

public sealed class FormAccessibilityTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task AFieldWithAnErrorPointsScreenReadersAtTheMessage()
    {
        using var client = new FormClient(app);

        var page = await client.SubmitAsync("/setup", "/setup", new Dictionary<string, string>
        {
            ["DisplayName"] = "Nguyễn Văn A",
            ["Email"] = "",
            ["Password"] = "mat-khau-2026",
            ["ConfirmPassword"] = "mat-khau-2026",
        });

        Assert.Matches("<input[^>]*id=\"Email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Email-error\"|<input[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Email-error\"[^>]*id=\"Email\"", page.Html);
        Assert.Matches("<span[^>]*id=\"Email-error\"[^>]*>[^<]+</span>", page.Html);
        Assert.DoesNotMatch("<input[^>]*id=\"DisplayName\"[^>]*aria-invalid", page.Html);
    }
}
