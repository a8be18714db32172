namespace NewsroomCms.Web.Features.Workflow;

public static class WorkflowHosting
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.SectionName))
            .Validate(WorkflowOptions.IsValid, "Workflow:SchedulerInterval must be between 00:00:01 and 01:00:00 (hh:mm:ss).")
            .ValidateOnStart();
        services.AddScoped<ArticlePublishing>();
        services.AddScoped<PublicArticleChanges>();
        services.AddScoped<ArticleCorrections>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
