using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Features.Workflow;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>Output caching of what readers see (OutputCache section).</summary>
public sealed class OutputCacheSettings
{
    public const string SectionName = "OutputCache";

    /// <summary>Off for measuring the uncached page, or when debugging a page.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a cached page may be served if nothing changes. Changes evict at once.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Memory the cache may use, in megabytes; least recently used pages go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>How long browsers and proxies may reuse a page before asking again (with its ETag).</summary>
    public TimeSpan BrowserMaxAge { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Readers' pages are served from memory, compressed, with an ETag and a short browser lifetime. Every
/// public change of an article evicts them all: a page shows other articles too (latest, related, most
/// read), and publications are rare enough (a few hundred a day) that rebuilding on demand is cheap.
/// Only anonymous GETs of public paths are cached; the back office never is, and is never compressed
/// (its pages carry antiforgery tokens, which compression over HTTPS would expose to BREACH).
/// </summary>
public static class PortalCaching
{
    public const string Tag = "portal";

    /// <summary>Paths that belong to the back office or to infrastructure, never cached or compressed here.</summary>
    private static readonly string[] PrivatePrefixes = [.. PrivatePages.BackOfficePrefixes, "/health", "/error", "/language", "/media"];

    /// <summary>Pages, feeds and sitemaps; not static files, which carry their own validators and precompressed copies.</summary>
    public static bool IsPublicPage(PathString path)
    {
        if (PrivatePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var extension = Path.GetExtension(path.Value ?? "");
        return extension.Length == 0 || extension is ".xml" or ".txt";
    }

    public static IServiceCollection AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutputCacheSettings>(configuration.GetSection(OutputCacheSettings.SectionName));
        var settings = configuration.GetSection(OutputCacheSettings.SectionName).Get<OutputCacheSettings>() ?? new OutputCacheSettings();
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = settings.SizeLimitMegabytes * 1024L * 1024L;
            cache.DefaultExpirationTimeSpan = settings.Duration;
            // The default policy already refuses signed-in users, non-GET/HEAD, non-200 and responses setting cookies.
            cache.AddBasePolicy(policy => policy
                .With(context => settings.Enabled && IsPublicPage(context.HttpContext.Request.Path))
                .SetVaryByQuery("*")
                // Not by language: readers' pages are always Vietnamese (ReaderLanguage), one copy per address.
                .SetVaryByHeader("Accept-Encoding")
                .Tag(Tag));
        });

        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "image/svg+xml"]);
        });
        // Pages are compressed once and then served from the cache, so a better ratio is worth the time.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        services.AddSingleton<PortalEviction>();
        services.AddSingleton<IPublicArticleChangeHandler>(provider => provider.GetRequiredService<PortalEviction>());
        return services;
    }

    /// <summary>
    /// After authentication (so signed-in users bypass the cache): the cache, then compression and the ETag inside it, so both are stored with the page.
    /// </summary>
    public static IApplicationBuilder UsePortalCaching(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseWhen(context => (IsPublicPage(context.Request.Path) || IsReadersErrorPage(context)) && context.User.Identity?.IsAuthenticated != true, publicPages => publicPages
            .UseResponseCompression()
            .UseMiddleware<PublicPageValidators>());
        return app;
    }

    /// <summary>
    /// A reader's 404 or 410 page: re-executed at /error/{code} for a public address, after that address's
    /// compression has finished. Like the page it stands for it holds no form token, so it is compressed too.
    /// </summary>
    private static bool IsReadersErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted && IsPublicPage(reExecuted.OriginalPath);
}

/// <summary>
/// Forgets what is kept for readers once what they see has changed: every cached page and the
/// <see cref="PortalSnapshot"/>. Every public change of an article comes here, and so do changes to
/// sections, tags, pen names, the front page and the site settings.
/// </summary>
public sealed class PortalEviction(IOutputCacheStore store, PortalSnapshot snapshot) : IPublicArticleChangeHandler
{
    public async Task EvictAsync(CancellationToken cancellationToken)
    {
        snapshot.Forget();
        await store.EvictByTagAsync(PortalCaching.Tag, cancellationToken);
    }

    public Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken) => EvictAsync(cancellationToken);
}

/// <summary>
/// Gives a successful public GET an ETag (a hash of its bytes) and a Cache-Control lifetime, and answers
/// 304 when the browser already has those bytes. Runs inside the output cache, so cached pages carry the
/// same ETag and the cache itself answers If-None-Match on hits.
/// </summary>
public sealed class PublicPageValidators(RequestDelegate next, IOptions<OutputCacheSettings> settings)
{
    /// <summary>Pages and feeds are small; anything bigger streams through untouched.</summary>
    private const int MaxBufferedBytes = 2 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length <= MaxBufferedBytes && context.User.Identity?.IsAuthenticated != true)
        {
            // Weak: the same page is sent gzip- or Brotli-compressed, byte-different but the same content.
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..12])}\"";
            response.Headers.ETag = etag;
            if (string.IsNullOrEmpty(response.Headers.CacheControl))
            {
                response.Headers.CacheControl = $"public, max-age={(int)settings.Value.BrowserMaxAge.TotalSeconds}";
            }

            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        // Not the request's abort token: inside the output cache one render serves every reader waiting for
        // the page, and the first reader hanging up must not fail it for the others.
        buffer.Position = 0;
        await buffer.CopyToAsync(original, CancellationToken.None);
    }
}
