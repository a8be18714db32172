using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Web.Features.Site;

[AllowAnonymous]
public sealed class SiteController : Controller
{
    /// <summary>The friendly page for an error status; reached by re-execution, so the status stays.</summary>
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int code)
    {
        var status = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = status;
        return View("Error", status);
    }

    /// <summary>Remembers the reader's language in a cookie for a year and goes back where they were.</summary>
    [HttpGet("language")]
    public IActionResult Language(string culture, string? returnUrl)
    {
        if (Localization.IsSupported(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
