using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Workflow;

public sealed class WorkflowOptionsTests
{
    [Fact]
    public void WithoutSettingsTheSchedulerRunsEveryThirtySeconds()
    {
        var options = Options();

        Assert.True(options.SchedulerEnabled);
        Assert.Equal(TimeSpan.FromSeconds(30), options.SchedulerInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MissedAfter);
    }

    [Fact]
    public void SettingsAreReadFromTheWorkflowSection()
    {
        var options = Options(("Workflow:SchedulerEnabled", "false"), ("Workflow:SchedulerInterval", "00:10:00"));

        Assert.False(options.SchedulerEnabled);
        Assert.Equal(TimeSpan.FromMinutes(10), options.SchedulerInterval);
        Assert.Equal(TimeSpan.FromMinutes(20), options.MissedAfter);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:30")]
    [InlineData("00:00:00.5")]
    [InlineData("30")] // 30 days, not seconds
    [InlineData("01:00:01")]
    public void AnIntervalOutsideOneSecondToOneHourIsRefused(string interval)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options(("Workflow:SchedulerInterval", interval)));

        Assert.Contains("Workflow:SchedulerInterval", refused.Message, StringComparison.Ordinal);
    }

    private static WorkflowOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddWorkflow(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<WorkflowOptions>>().Value;
    }
}
