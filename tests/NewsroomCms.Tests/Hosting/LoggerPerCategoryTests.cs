using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsroomCms.Testing;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Tests.Hosting;

public sealed class LoggerPerCategoryTests
{
    [Fact]
    public void EachCategoryGetsOneLoggerFromTheWrappedFactoryWhichIsDisposedWithTheContainer()
    {
        var inner = new CountingFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_ => inner);
        LoggerPerCategory.Wrap(services);

        ILoggerFactory factory;
        using (var provider = services.BuildServiceProvider())
        {
            factory = provider.GetRequiredService<ILoggerFactory>();
            var first = factory.CreateLogger("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler");
            var again = factory.CreateLogger("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler");
            var other = factory.CreateLogger("NewsroomCms.Web.Features.Portal.PortalController");

            Assert.IsType<LoggerPerCategory>(factory);
            Assert.Same(first, again);
            Assert.NotSame(first, other);
            Assert.Equal(["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler", "NewsroomCms.Web.Features.Portal.PortalController"], inner.Created);
            Assert.False(inner.Disposed);
        }

        // Serilog's factory flushes the log files when disposed.
        Assert.True(inner.Disposed);
    }

    [Fact]
    public void TheSiteLogsThroughOneLoggerPerCategory()
    {
        using var app = new NewsroomAppFactory();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.IsType<LoggerPerCategory>(factory);
        Assert.Same(factory.CreateLogger("Category"), factory.CreateLogger("Category"));
    }

    private sealed class CountingFactory : ILoggerFactory
    {
        public List<string> Created { get; } = [];

        public bool Disposed { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Created.Add(categoryName);
            return new NamedLogger();
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose() => Disposed = true;
    }

    private sealed class NamedLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
