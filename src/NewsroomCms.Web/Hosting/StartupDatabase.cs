using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;

namespace NewsroomCms.Web.Hosting;

public static class StartupDatabase
{
    /// <summary>
    /// Migrates (unless turned off) and seeds the demo when asked. A database that cannot be opened is
    /// one clear fatal log line and a false result, so the host exits non-zero instead of serving errors.
    /// </summary>
    public static async Task<bool> PrepareAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        try
        {
            await DatabaseSetup.PrepareAsync(db, database.MigrateOnStartup);
            if (scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(withAccounts: false, TextWriter.Null);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            app.Logger.LogCritical(
                "The {Provider} database could not be opened or migrated: {Reason}. Check ConnectionStrings:Newsroom and Database:Provider.",
                database.Provider,
                Innermost(ex).Message.TrimEnd('.'));
            return false;
        }
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
