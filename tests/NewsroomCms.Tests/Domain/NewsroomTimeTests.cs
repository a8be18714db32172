using System.Globalization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Domain;

public sealed class NewsroomTimeTests
{
    private readonly NewsroomTime _time = new("Asia/Ho_Chi_Minh");

    [Fact]
    public void LongFormatInVietnameseNamesTheWeekdayAndTheOffset() =>
        Assert.Equal(
            "Thứ Năm, 26/11/2026 21:23 (GMT+7)",
            _time.FormatLong(new DateTime(2026, 11, 26, 14, 23, 0, DateTimeKind.Utc), CultureInfo.GetCultureInfo("vi-VN")));

    [Fact]
    public void LongFormatInEnglishUsesTheEnglishWeekday() =>
        Assert.Equal(
            "Thursday, 26/11/2026 21:23 (GMT+7)",
            _time.FormatLong(new DateTime(2026, 11, 26, 14, 23, 0, DateTimeKind.Utc), CultureInfo.GetCultureInfo("en")));

    [Fact]
    public void IsoFormatIsTheLocalMinuteWithItsOffset() =>
        Assert.Equal("2026-11-26T21:23:00+07:00", _time.FormatIso(new DateTime(2026, 11, 26, 14, 23, 59, DateTimeKind.Utc)));

    [Fact]
    public void TheNewsroomDayStartsAtLocalMidnight()
    {
        Assert.Equal(new DateOnly(2026, 11, 26), _time.Today(new DateTimeOffset(2026, 11, 26, 16, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 27), _time.Today(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ShortFormatIsTheLocalDayAndTime() =>
        Assert.Equal("27/11/2026 01:30", _time.FormatShort(new DateTime(2026, 11, 26, 18, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void UtcBecomesLocalTimeSevenHoursLater() =>
        Assert.Equal(
            new DateTime(2026, 11, 27, 2, 15, 0),
            _time.ToLocal(new DateTime(2026, 11, 26, 19, 15, 0, DateTimeKind.Utc)));

    [Fact]
    public void LocalTimeTypedInTheNewsroomBecomesUtcSevenHoursEarlier()
    {
        var utc = _time.ToUtc(new DateTime(2026, 11, 27, 6, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(new DateTime(2026, 11, 26, 23, 0, 0), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void UnspecifiedKindFromTheDatabaseIsReadAsUtc() =>
        Assert.Equal(
            new DateTime(2026, 1, 1, 7, 0, 0),
            _time.ToLocal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void LocalAndUtcRoundTrip()
    {
        var utc = new DateTime(2026, 3, 5, 16, 59, 0, DateTimeKind.Utc);
        Assert.Equal(utc, _time.ToUtc(_time.ToLocal(utc)));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, "Thứ Hai")]
    [InlineData(DayOfWeek.Saturday, "Thứ Bảy")]
    [InlineData(DayOfWeek.Sunday, "Chủ Nhật")]
    public void WeekdaysAreNamedAsNewspapersPrintThem(DayOfWeek day, string expected) =>
        Assert.Equal(expected, NewsroomTime.VietnameseWeekday(day));
}
