using System.Globalization;

namespace NewsroomCms.Web.Domain;

public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    /// <summary>Where the newsroom is: times are shown and entered in this zone, stored in UTC.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}

/// <summary>Converts between stored UTC times and the newsroom's local time, and formats them for people.</summary>
public sealed class NewsroomTime
{
    private readonly TimeZoneInfo _zone;

    public NewsroomTime(string timeZoneId) => _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public TimeZoneInfo Zone => _zone;

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>"+07:00" style offset of the zone at that moment.</summary>
    public TimeSpan OffsetAt(DateTime utc) => _zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>"Thứ Năm, 26/11/2026 21:23 (GMT+7)" in Vietnamese, "Thursday, 26/11/2026 21:23 (GMT+7)" in English.</summary>
    public string FormatLong(DateTime utc, CultureInfo culture)
    {
        var local = ToLocal(utc);
        var offset = OffsetAt(utc);
        var gmt = offset.Minutes == 0
            ? $"GMT{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}"
            : $"GMT{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
        var weekday = culture.TwoLetterISOLanguageName == "vi" ? VietnameseWeekday(local.DayOfWeek) : culture.DateTimeFormat.GetDayName(local.DayOfWeek);
        return $"{weekday}, {local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} ({gmt})";
    }

    /// <summary>
    /// "2026-11-26T21:23:00+07:00": the moment shown by <see cref="FormatLong"/>, to the same minute, for
    /// <c>&lt;time datetime&gt;</c>, OpenGraph and JSON-LD, so what machines read equals what readers see.
    /// </summary>
    public string FormatIso(DateTime utc)
    {
        var local = ToLocal(utc);
        var minute = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, OffsetAt(utc));
        return minute.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>The newsroom's calendar day at that moment: a day's page views start at local midnight.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now.UtcDateTime));

    /// <summary>"26/11/2026 21:23".</summary>
    public string FormatShort(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"21:40" for a time earlier today in the newsroom, "25/11/2026 21:40" for another day.</summary>
    public string FormatSince(DateTime utc, DateTime nowUtc) =>
        ToLocal(utc).Date == ToLocal(nowUtc).Date ? ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture) : FormatShort(utc);

    /// <summary>Weekday names as Vietnamese newspapers print them.</summary>
    public static string VietnameseWeekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };
}
