using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace NewsroomCms.Testing;

/// <summary>
/// The real app on its own fresh SQLite file in a temporary folder, migrated on start as in production,
/// with a fake clock. Each test class gets its own instance (and so its own database).
/// </summary>
public class NewsroomAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Thursday 26/11/2026 14:00 in Hà Nội.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every host watches its configuration files and web root (asp-append-version) with an inotify instance
    /// that outlives the host until a garbage collection. A test run starts hundreds of hosts, and Linux allows
    /// 128 instances per user across all processes (other test runs on a shared machine included), so the
    /// test hosts poll instead: a test never edits those files.
    /// </summary>
    static NewsroomAppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    private bool _ownsFolder = true;

    public NewsroomAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "newsroomcms-tests", Guid.NewGuid().ToString("N")))
    {
    }

    private NewsroomAppFactory(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "newsroom.db");
        _settings["ConnectionStrings:Newsroom"] = $"Data Source={DatabasePath}";
        _settings["Media:Root"] = Path.Combine(Folder, "media");
        _settings["Serilog:MinimumLevel:Default"] = "Warning";
        _settings["Serilog:WriteTo:1:Name"] = "File";
        _settings["Serilog:WriteTo:1:Args:path"] = Path.Combine(Folder, "logs", "newsroom-.log");
        // Tests sign in far more often than a person would.
        _settings["Accounts:LoginAttemptsPerMinute"] = "1000";
    }

    public string Folder { get; }
    public string DatabasePath { get; }
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Override a configuration value before the app starts (first request or <c>Services</c>).</summary>
    public NewsroomAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// Stops this app and returns a new one on the same folder (database, media) and settings, as after a
    /// restart. The new one has a clock of its own, starts on first use and deletes the folder when disposed.
    /// </summary>
    public NewsroomAppFactory Restart()
    {
        var restarted = new NewsroomAppFactory(Folder);
        foreach (var (key, value) in _settings)
        {
            restarted._settings[key] = value;
        }

        _ownsFolder = false;
        Dispose();
        return restarted;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, static files are read from a published wwwroot; run from bin/, the build's
        // static web assets manifest points at them (and at their compressed copies under obj/).
        // Without it, a request that accepts gzip, as every browser's does, gets an empty body.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Production hashing cost makes every sign-in in a test take ~100 ms of CPU.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background thread; the temp folder is cleaned by the OS.
            }
        }
    }
}
