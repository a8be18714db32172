using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Search;

public static class SearchHosting
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .Validate(SearchOptions.IsValid, "Search:MaxRankedResults must be between 1 and 1000000.")
            .ValidateOnStart();
        services.AddScoped<SearchIndex>();
        services.AddScoped<IPublicArticleChangeHandler>(sp => sp.GetRequiredService<SearchIndex>());
        services.AddScoped<SiteSearch>();
        return services;
    }
}
