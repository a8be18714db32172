namespace NewsroomCms.Web.Features.Portal;

public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    public static readonly TimeSpan MinimumFlushInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaximumFlushInterval = TimeSpan.FromHours(1);

    /// <summary>How often counted page views are added to the database (and once more when the app stops).</summary>
    public TimeSpan ViewFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"Đọc nhiều": page views of this many newsroom days, today included.</summary>
    public int MostReadDays { get; set; } = 3;

    internal static bool IsValid(PortalOptions options) =>
        options.ViewFlushInterval >= MinimumFlushInterval
        && options.ViewFlushInterval <= MaximumFlushInterval
        && options.MostReadDays is >= 1 and <= 7;
}
