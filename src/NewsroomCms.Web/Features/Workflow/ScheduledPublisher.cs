using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Features.Workflow;

/// <summary>
/// Publishes scheduled articles on time, on its own clock rather than on site traffic: once at start (so an
/// app restarted after an article's time publishes it at once), then every <see cref="WorkflowOptions.SchedulerInterval"/>.
/// Every instance of the app may run it: <see cref="ArticlePublishing"/> publishes each article once.
/// </summary>
public sealed class ScheduledPublisher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<WorkflowOptions> options,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SchedulerEnabled)
        {
            logger.LogInformation("Scheduled publishing is off on this instance (Workflow:SchedulerEnabled)");
            return;
        }

        // Ticks keep their rhythm however long a run takes; a run that overruns is followed by one more at once.
        using var timer = new PeriodicTimer(settings.SchedulerInterval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var published = await scope.ServiceProvider.GetRequiredService<ArticlePublishing>().PublishDueAsync(stoppingToken);
            if (published > 0)
            {
                logger.LogInformation("Published {Count} scheduled articles", published);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // An exception leaving ExecuteAsync would stop the whole site; the database may be back by the next run.
            logger.LogError(ex, "Scheduled publishing failed; trying again in {Interval}", options.Value.SchedulerInterval);
        }
    }
}
