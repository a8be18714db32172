using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace NewsroomCms.Web.Hosting;

public static class Localization
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en";

    public static readonly CultureInfo[] SupportedCultures =
        [CultureInfo.GetCultureInfo(Vietnamese), CultureInfo.GetCultureInfo(English)];

    /// <summary>Query string (?culture=en), then the language cookie, then Accept-Language; Vietnamese by default.</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Vietnamese);
        options.SupportedCultures = SupportedCultures;
        options.SupportedUICultures = SupportedCultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.ApplyCurrentCultureToResponseHeaders = true;
    }

    public static bool IsSupported(string? culture) =>
        SupportedCultures.Any(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
}
