using System.Collections.Concurrent;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// One logger per category, as ASP.NET Core's own logger factory keeps them. Serilog's factory makes a new
/// logger (with caches of its own) on every call, and the sign-in cookie's handler, made afresh for every
/// request, asks for one: about a tenth of what a page served from the output cache allocated.
/// </summary>
public sealed class LoggerPerCategory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Wraps the logger factory registered last (Serilog's, by <c>AddSerilog</c>).</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The logger factory is expected to be registered with a factory method.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new LoggerPerCategory((ILoggerFactory)create(provider)));
    }

    // A static lambda with the factory as its argument: "inner.CreateLogger" would make a delegate on every call.
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The container disposes this one only: disposing Serilog's factory flushes the log files.</summary>
    public void Dispose() => inner.Dispose();
}
