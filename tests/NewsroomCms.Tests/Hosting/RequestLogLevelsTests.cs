using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using NewsroomCms.Web.Hosting;
using Serilog.Events;

namespace NewsroomCms.Tests.Hosting;

public sealed class RequestLogLevelsTests
{
    [Theory]
    [InlineData("GET", "/bai-viet/hoi-nghi", 200, false, 5, LogEventLevel.Debug)] // a reader's page view
    [InlineData("HEAD", "/", 304, false, 5, LogEventLevel.Debug)]
    [InlineData("GET", "/the/giao-duc", 301, false, 5, LogEventLevel.Debug)]
    [InlineData("GET", "/css/site.css", 200, false, 5, LogEventLevel.Debug)] // what the reader's page loads
    [InlineData("GET", "/health/live", 200, false, 5, LogEventLevel.Debug)]
    [InlineData("GET", "/bai-viet/khong-co", 404, false, 5, LogEventLevel.Information)] // a broken link is worth seeing
    [InlineData("POST", "/account/login", 302, false, 5, LogEventLevel.Information)] // signing in
    [InlineData("GET", "/newsroom/articles/7", 302, false, 5, LogEventLevel.Information)] // sent to sign in first
    [InlineData("GET", "/account/login", 200, false, 5, LogEventLevel.Information)]
    [InlineData("GET", "/Newsroom", 302, false, 5, LogEventLevel.Information)]
    [InlineData("GET", "/newsroom", 200, true, 5, LogEventLevel.Information)] // the newsroom at work
    [InlineData("POST", "/newsroom/articles/7", 400, true, 5, LogEventLevel.Information)]
    [InlineData("GET", "/bai-viet/hoi-nghi", 200, true, 5, LogEventLevel.Debug)] // an editor reading the paper is a reader
    [InlineData("GET", "/bai-viet/hoi-nghi", 200, false, 1500, LogEventLevel.Warning)] // slow, whoever asked
    [InlineData("GET", "/", 500, false, 5, LogEventLevel.Error)]
    public void ReadersSuccessfulPageViewsAreDebugAndEverythingElseStaysVisible(string method, string path, int status, bool signedIn, double milliseconds, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Response.StatusCode = status;
        if (signedIn)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bientap")], "Cookies"));
        }

        Assert.Equal(expected, RequestLogLevels.For(context, milliseconds, null));
    }

    [Fact]
    public void AnExceptionIsAnErrorEvenWhenTheResponseLooksFine()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";

        Assert.Equal(LogEventLevel.Error, RequestLogLevels.For(context, 5, new InvalidOperationException("boom")));
    }

    [Fact]
    public void AQueryCancelledBecauseTheReaderLeftIsNotAnErrorButACancellationOfItsOwnIs()
    {
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        context.Request.Method = "GET";
        context.Request.Path = "/tim-kiem";

        // A timeout inside the app, the reader still waiting: an error.
        Assert.Equal(LogEventLevel.Error, RequestLogLevels.For(context, 5, new TaskCanceledException()));

        aborted.Cancel();
        Assert.Equal(LogEventLevel.Debug, RequestLogLevels.For(context, 5, new TaskCanceledException()));
        // Anything else stays an error, the reader gone or not.
        Assert.Equal(LogEventLevel.Error, RequestLogLevels.For(context, 5, new InvalidOperationException("boom")));
    }
}
