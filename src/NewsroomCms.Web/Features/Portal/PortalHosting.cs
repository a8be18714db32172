using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Portal;

public static class PortalHosting
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.SectionName))
            .Validate(
                PortalOptions.IsValid,
                "Portal:ViewFlushInterval must be between 00:00:01 and 01:00:00 (hh:mm:ss), Portal:MostReadDays between 1 and 7.")
            .ValidateOnStart();
        services.AddSingleton<PortalStylesheet>();
        services.AddSingleton<PortalSnapshot>();
        services.AddScoped<PortalChrome>();
        services.AddScoped<PortalReading>();
        // Before AddPortalCaching's step: the links are right before the cached pages go.
        services.AddScoped<IPublicArticleChangeHandler, PublishedLinks>();
        services.AddSingleton<ArticleViewCounter>();
        services.AddHostedService<ArticleViewFlusher>();
        return services;
    }

    /// <summary>Before the output cache, so that article pages served from it are counted too.</summary>
    public static IApplicationBuilder UseArticleViewCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<ArticleViewCounting>();
}
