using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// Readers' pages are always in Vietnamese, whatever the browser's language or the newsroom's language
/// cookie: the paper is Vietnamese, and one language per address keeps the pages cacheable.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReaderLanguageAttribute : Attribute, IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ReaderLanguage.Apply(context.HttpContext);
        return next();
    }
}

public static class ReaderLanguage
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo(Localization.Vietnamese);

    /// <summary>Switches the rest of this request to Vietnamese.</summary>
    public static void Apply(HttpContext context)
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
        context.Response.Headers.ContentLanguage = Culture.Name;
    }
}
