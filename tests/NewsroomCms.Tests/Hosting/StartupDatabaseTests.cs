using Microsoft.Data.Sqlite;
using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Hosting;

public sealed class StartupDatabaseTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task AfterStartupTheSqliteFileIsInWalJournalMode()
    {
        _ = app.Services;

        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
