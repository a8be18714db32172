using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsroomCms.Web.Data.Sqlite;

public sealed class SqliteNewsroomDbContext(DbContextOptions<SqliteNewsroomDbContext> options) : NewsroomDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
internal sealed class SqliteNewsroomDbContextFactory : IDesignTimeDbContextFactory<SqliteNewsroomDbContext>
{
    public SqliteNewsroomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsroomDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
