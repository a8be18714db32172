using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsroomCms.Web.Data.Sqlite;
using NewsroomCms.Web.Data.SqlServer;

namespace NewsroomCms.Web.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Newsroom";
    private const string DefaultSqliteConnectionString = "Data Source=App_Data/newsroom.db";

    public static IServiceCollection AddNewsroomDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        // Pooled: a context is set up once and reset between requests. Built per request, its options and
        // their lookup of EF's internal services cost as much as a small query on every public page.
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Newsroom is required when Database:Provider is SqlServer.");
            }

            services.AddDbContextPool<NewsroomDbContext, SqlServerNewsroomDbContext>(db =>
                QuietConnectionErrors(db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
            services.AddDbContextPool<NewsroomDbContext, SqliteNewsroomDbContext>(db => QuietConnectionErrors(db.UseSqlite(sqlite)));
        }

        return services;
    }

    /// <summary>
    /// A failed connection is reported by whoever catches it (StartupDatabase's one fatal line, the
    /// exception handler, the health check); EF's own error line would say the same thing a second time.
    /// </summary>
    private static void QuietConnectionErrors(DbContextOptionsBuilder db) =>
        db.ConfigureWarnings(w => w.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));

    /// <summary>
    /// Resolves a relative file name against the content root, creates its folder, and sets a busy
    /// timeout so that a writer waiting for another writer waits instead of failing with "database is locked".
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnectionString : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            builder.DataSource = Path.GetFullPath(path);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Opening the file will fail too, and StartupDatabase reports that in one clear line.
            }
        }

        if (builder.DefaultTimeout == new SqliteConnectionStringBuilder().DefaultTimeout)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies migrations when configured to, and on SQLite switches the file to WAL so that readers
    /// never block the writer. The journal mode is stored in the file, so once is enough.
    /// </summary>
    public static async Task PrepareAsync(NewsroomDbContext db, bool migrate, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database cannot be reached.");
        }
    }
}
