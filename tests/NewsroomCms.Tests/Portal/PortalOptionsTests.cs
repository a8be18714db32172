using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Tests.Portal;

public sealed class PortalOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://baolamgiang.vn", true)]
    [InlineData("https://baolamgiang.vn/", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("baolamgiang.vn", false)]
    [InlineData("https://baolamgiang.vn/tin-tuc", false)]
    [InlineData("https://baolamgiang.vn/?a=1", false)]
    [InlineData("ftp://baolamgiang.vn", false)]
    public void ThePublicOriginIsAnHttpAddressWithoutAPath(string? origin, bool valid) =>
        Assert.Equal(valid, PortalOptions.IsValid(new PortalOptions { PublicOrigin = origin }));

    [Theory]
    [InlineData(0, 3, false)]
    [InlineData(30, 3, true)]
    [InlineData(7200, 3, false)]
    [InlineData(30, 0, false)]
    [InlineData(30, 7, true)]
    [InlineData(30, 8, false)]
    public void TheFlushIntervalAndMostReadDaysStayInRange(int seconds, int days, bool valid) =>
        Assert.Equal(valid, PortalOptions.IsValid(new PortalOptions { ViewFlushInterval = TimeSpan.FromSeconds(seconds), MostReadDays = days }));

    [Fact]
    public void AConfiguredOriginIsUsedForEveryAbsoluteAddress()
    {
        var urls = new PublicUrls("https://baolamgiang.vn");

        Assert.Equal("https://baolamgiang.vn/", urls.Home);
        Assert.Equal("https://baolamgiang.vn/bai-viet/gia-lua", urls.Absolute(PublicUrls.ArticlePath("gia-lua")));
        Assert.Equal("/chuyen-muc/kinh-te?trang=3", PublicUrls.SectionPath("kinh-te", 3));
        Assert.Equal("/chuyen-muc/kinh-te", PublicUrls.SectionPath("kinh-te", 1));
    }
}
