using NewsroomCms.Web.Security;
using Serilog.Events;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// The level of each request's log line. Readers' successful page views are the bulk of the traffic and
/// carry nothing to act on (the reverse proxy's access log has them): writing a line for each cost as much
/// as serving the page from the cache. They go to Debug, with the static files and health checks. The back
/// office is told by its address, not by who asks: an anonymous visit sent to sign in and the sign-in page
/// itself stay visible like the newsroom's work, and so do refusals and anything slow or failing.
/// </summary>
public static class RequestLogLevels
{
    /// <summary>A request slower than this is worth a look whoever made it.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public static LogEventLevel For(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        // The reader closed the page or the connection while it was being made: nothing failed here (the
        // exception handler then drops the response). Logged as an error, each one looked like an outage.
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return LogEventLevel.Debug;
        }

        var status = context.Response.StatusCode;
        if (exception is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (elapsedMilliseconds > Slow.TotalMilliseconds)
        {
            return LogEventLevel.Warning;
        }

        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return read && !PrivatePages.IsBackOffice(context.Request.Path) && status < StatusCodes.Status400BadRequest
            ? LogEventLevel.Debug
            : LogEventLevel.Information;
    }
}
