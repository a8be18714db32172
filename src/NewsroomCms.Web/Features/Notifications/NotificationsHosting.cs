using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Notifications;

public static class NotificationsHosting
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<IPublicArticleChangeHandler, PublishedNotifications>();
        return services;
    }
}
