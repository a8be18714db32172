namespace NewsroomCms.Web.Security;

public static class PrivatePages
{
    /// <summary>
    /// Cache-Control of every back-office response, pages, redirects, JSON and errors alike: never stored
    /// (<see cref="Hosting.SecurityHeaders"/> writes it). Written the way antiforgery writes it on every page
    /// with a token (every signed-in page has the sign-out form): with a plain "no-store" antiforgery replaced
    /// it and logged a warning on every request.
    /// </summary>
    public const string CacheControl = "no-cache, no-store";

    /// <summary>The newsroom's pages, sign-in and the first-run setup: never readers' pages, signed in or not.</summary>
    public static readonly IReadOnlyList<string> BackOfficePrefixes = ["/newsroom", "/account", "/setup"];

    public static bool IsBackOffice(PathString path) =>
        BackOfficePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
