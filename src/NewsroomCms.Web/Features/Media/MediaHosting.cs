using Microsoft.Extensions.FileProviders;

namespace NewsroomCms.Web.Features.Media;

public static class MediaHosting
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.SectionName));
        services.AddSingleton<ImageStore>();
        services.AddScoped<MediaUploads>();
        return services;
    }

    /// <summary>
    /// Serves <c>/media/…</c> from the media folder, to anyone: readers see published photos, and the
    /// random names cannot be guessed. Everything under /media that is not a stored file is a 404 (never
    /// a sign-in redirect), and only image extensions are served. Files never change once written, so
    /// browsers and proxies may keep them for a year.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        var root = app.ApplicationServices.GetRequiredService<ImageStore>().Root;
        Directory.CreateDirectory(root);
        return app.Map(MediaUrls.RequestPath, media =>
        {
            media.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                ContentTypeProvider = new ImageContentTypes(),
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.Headers;
                    headers.CacheControl = "public, max-age=31536000, immutable";
                    headers.XContentTypeOptions = "nosniff";
                },
            });
            media.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    private sealed class ImageContentTypes : Microsoft.AspNetCore.StaticFiles.IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            contentType = ImageFormat.FromExtension(Path.GetExtension(subpath))?.ContentType ?? "";
            return contentType.Length > 0;
        }
    }
}
