using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsroomCms.Web.Data.SqlServer;

public sealed class SqlServerNewsroomDbContext(DbContextOptions<SqlServerNewsroomDbContext> options) : NewsroomDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model and scripts without a server.</summary>
internal sealed class SqlServerNewsroomDbContextFactory : IDesignTimeDbContextFactory<SqlServerNewsroomDbContext>
{
    public SqlServerNewsroomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerNewsroomDbContext>()
            .UseSqlServer("Server=design-time;Database=NewsroomCms;Integrated Security=true;TrustServerCertificate=true")
            .Options);
}
