using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data.Sqlite;
using NewsroomCms.Web.Data.SqlServer;

namespace NewsroomCms.Tests.Data;

/// <summary>A model change without a migration for each provider would break the next deployment.</summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new SqliteNewsroomDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --context SqliteNewsroomDbContext ...");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        // Needs no server: the design-time factory only names one.
        using var db = new SqlServerNewsroomDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --context SqlServerNewsroomDbContext ...");
    }
}
