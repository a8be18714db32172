namespace NewsroomCms.Web.Features.Feeds;

public static class FeedsHosting
{
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedsOptions>()
            .Bind(configuration.GetSection(FeedsOptions.SectionName))
            .Validate(
                FeedsOptions.IsValid,
                $"Feeds: RssItems must be 1 to 500, SitemapMaxUrls 1 to {FeedsOptions.SitemapProtocolLimit}, " +
                $"NewsSitemapMaxArticles 1 to {FeedsOptions.NewsProtocolLimit}, MaxAge 00:00:00 to 1.00:00:00.")
            .ValidateOnStart();
        services.AddScoped<FeedQueries>();
        return services;
    }
}
