using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using NewsroomCms.Web.Hosting;
using Serilog.Events;

namespace NewsroomCms.Tests.Hosting;

public sealed class RequestLogLevelsTests
{
    [Theory]
    [InlineData("GET", 200, false, 5, LogEventLevel.Debug)] // a reader's page view
    [InlineData("HEAD", 304, false, 5, LogEventLevel.Debug)]
    [InlineData("GET", 301, false, 5, LogEventLevel.Debug)]
    [InlineData("GET", 404, false, 5, LogEventLevel.Information)] // a broken link is worth seeing
    [InlineData("POST", 302, false, 5, LogEventLevel.Information)] // signing in
    [InlineData("GET", 200, true, 5, LogEventLevel.Information)] // the newsroom at work
    [InlineData("POST", 400, true, 5, LogEventLevel.Information)]
    [InlineData("GET", 200, false, 1500, LogEventLevel.Warning)] // slow, whoever asked
    [InlineData("GET", 500, false, 5, LogEventLevel.Error)]
    public void ReadersSuccessfulPageViewsAreDebugAndEverythingElseStaysVisible(string method, int status, bool signedIn, double milliseconds, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
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
}
