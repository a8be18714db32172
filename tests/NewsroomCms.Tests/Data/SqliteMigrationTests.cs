using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsroomCms.Web.Data.Sqlite;

namespace NewsroomCms.Tests.Data;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroomcms-tests", Guid.NewGuid().ToString("N"));

    public SqliteMigrationTests() => Directory.CreateDirectory(_folder);

    public static TheoryData<string> Migrations()
    {
        using var db = new SqliteNewsroomDbContextFactory().CreateDbContext([]);
        return [.. db.Database.GetMigrations()];
    }

    [Fact]
    public async Task MigrationsCreateEveryTableOfTheModelInAnEmptyDatabase()
    {
        var file = NewDatabaseFile();
        using var db = Context(file);

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        using var connection = await OpenAsync(file);
        var tables = await SampleRows.TablesAsync(connection);
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
        Assert.All(modelTables, table => Assert.Contains(table, tables));
        Assert.Equal(3, await SampleRows.CountAsync(connection, "AspNetRoles"));
    }

    /// <summary>
    /// A newsroom upgrading from the release before each migration has data in its database; the
    /// first migration starts from an empty file.
    /// </summary>
    [Theory]
    [MemberData(nameof(Migrations))]
    public async Task DatabaseAtThePreviousMigrationUpgradesToTheLatestAndKeepsItsRows(string migration)
    {
        var file = NewDatabaseFile();
        using var db = Context(file);
        var all = db.Database.GetMigrations().ToList();
        var index = all.IndexOf(migration);
        if (index > 0)
        {
            await db.GetService<IMigrator>().MigrateAsync(all[index - 1]);
        }

        IReadOnlyList<string> filled;
        using (var before = await OpenAsync(file))
        {
            filled = await SampleRows.AddToEveryTableAsync(before, run: 1);
        }

        await db.Database.MigrateAsync();

        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        using var after = await OpenAsync(file);
        var tables = await SampleRows.TablesAsync(after);
        foreach (var table in filled.Where(tables.Contains))
        {
            Assert.True(await SampleRows.CountAsync(after, table) >= 1, $"The row in {table} was lost by the upgrade.");
        }

        // The upgraded schema takes new rows in every table.
        Assert.Equal(tables, await SampleRows.AddToEveryTableAsync(after, run: 2));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string NewDatabaseFile() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");

    private static SqliteNewsroomDbContext Context(string file) =>
        new(new DbContextOptionsBuilder<SqliteNewsroomDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False;Foreign Keys=True");
        await connection.OpenAsync();
        return connection;
    }
}
