using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Workflow;

/// <summary>
/// The real background scheduler, driven by the app's fake clock. Each test has an app of its own,
/// because each moves the clock.
/// </summary>
public sealed class ScheduledPublisherTests
{
    private static readonly TimeSpan Interval = new WorkflowOptions().SchedulerInterval;

    [Fact]
    public async Task AnArticleScheduledFor2100IsNotPublishedAt2059AndIsPublishedWithinOneIntervalAfter2100()
    {
        using var app = new NewsroomAppFactory();
        var nine = Scheduling.Local(21, 0);
        var id = await Scheduling.CreateAsync(app, nine);
        // Published by the first run that looks at 20:59 or later: the proof that such a run happened.
        var witness = await Scheduling.CreateAsync(app, Scheduling.Local(20, 59));

        app.Clock.SetUtcNow(new DateTimeOffset(Scheduling.Local(20, 59, 50)));
        await Scheduling.WaitForStatusAsync(app, witness, ArticleStatus.Published);

        Assert.Equal(ArticleStatus.Scheduled, (await Scheduling.ArticleAsync(app, id)).Status);

        // 21:00:20: the clock stays less than one interval past 21:00 while the test waits.
        app.Clock.Advance(Interval);
        var article = await Scheduling.WaitForStatusAsync(app, id, ArticleStatus.Published);

        Assert.Equal(nine, article.PublishedAt);
        Assert.Single(await Scheduling.AuditAsync(app, id, "article.publishscheduled"));
    }

    [Fact]
    public async Task AfterARestartPastItsTimeAScheduledArticleIsPublishedAtOnce()
    {
        using var before = new NewsroomAppFactory();
        var nine = Scheduling.Local(21, 0);
        var id = await Scheduling.CreateAsync(before, nine);

        using var app = before.Restart();
        var fivePast = Scheduling.Local(21, 5);
        app.Clock.SetUtcNow(new DateTimeOffset(fivePast));
        // The clock does not move from here on: only the run at start can publish it.
        var article = await Scheduling.WaitForStatusAsync(app, id, ArticleStatus.Published);

        Assert.Equal(nine, article.PublishedAt);
        Assert.Equal(fivePast, article.UpdatedAt);
        var audit = Assert.Single(await Scheduling.AuditAsync(app, id, "article.publishscheduled"));
        Assert.Equal(fivePast, audit.OccurredAt);
    }

    [Fact]
    public async Task ARunThatFailsDoesNotStopTheScheduler()
    {
        using var app = new NewsroomAppFactory();
        var id = await Scheduling.CreateAsync(app, Scheduling.Local(21, 0));
        using var failedQuery = new FailedQueries(app, "no such table: Articles");
        await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync("ALTER TABLE Articles RENAME TO Articles_Away;"));

        app.Clock.SetUtcNow(new DateTimeOffset(Scheduling.Local(21, 0)));
        await failedQuery.Seen.WaitAsync(Scheduling.Patience);
        await Scheduling.QueryAsync(app, db => db.Database.ExecuteSqlRawAsync("ALTER TABLE Articles_Away RENAME TO Articles;"));
        app.Clock.Advance(Interval);

        await Scheduling.WaitForStatusAsync(app, id, ArticleStatus.Published);
        Assert.False(Publisher(app).ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task WhenTurnedOffTheSchedulerStopsAtStartAndPublishesNothing()
    {
        using var app = new NewsroomAppFactory().With("Workflow:SchedulerEnabled", "false");
        var id = await Scheduling.CreateAsync(app, Scheduling.Local(21, 0));

        var publisher = Publisher(app);
        var waited = Stopwatch.StartNew();
        while (!publisher.ExecuteTask!.IsCompleted && waited.Elapsed < Scheduling.Patience)
        {
            await Task.Delay(20);
        }

        Assert.True(publisher.ExecuteTask.IsCompletedSuccessfully);
        app.Clock.SetUtcNow(new DateTimeOffset(Scheduling.Local(22, 0)));
        Assert.Equal(ArticleStatus.Scheduled, (await Scheduling.ArticleAsync(app, id)).Status);
    }

    private static ScheduledPublisher Publisher(NewsroomAppFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();

    /// <summary>Tells when a database command of this app fails with the given error, as EF reports it.</summary>
    private sealed class FailedQueries : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _folder;
        private readonly string _error;
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<IDisposable> _subscriptions = [];

        public FailedQueries(NewsroomAppFactory app, string error)
        {
            _folder = Path.GetFileName(app.Folder);
            _error = error;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public Task Seen => _seen.Task;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandError.Name
                && value.Value is CommandErrorEventData failed
                && failed.Command.Connection?.DataSource.Contains(_folder, StringComparison.Ordinal) == true
                && failed.Exception.Message.Contains(_error, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
