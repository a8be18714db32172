using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Data.Sqlite;

public sealed class SqliteNewsroomDbContext(DbContextOptions<SqliteNewsroomDbContext> options) : NewsroomDbContext(options)
{
    /// <summary>Named in the search SQL (<c>INDEXED BY</c>), so renaming it is a change there too.</summary>
    public const string ArticleStatusByIdIndex = "IX_Articles_Id_Status_PublishedAt";

    public const string ReviewQueueIndex = "IX_Articles_ReviewQueue";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite stores a row as one record with Body (kilobytes, in overflow pages) before Status and
        // PublishedAt, so reading those two walks the article's text first. Search joins thousands of
        // matches to them; this index answers from a few bytes an article. SQL Server keeps large text
        // out of the row and needs no such index.
        builder.Entity<Article>().HasIndex(a => new { a.Id, a.Status, a.PublishedAt }, ArticleStatusByIdIndex);

        // The review queue lists every waiting article's title, section, reporter and time: from this
        // index alone, which holds only the waiting ones (a few hundred at most), not from their rows.
        builder.Entity<Article>()
            .HasIndex(a => new { a.Status, a.SubmittedAt, a.Id, a.Title, a.SectionId, a.CreatedById }, ReviewQueueIndex)
            .HasFilter($"\"Status\" = {(int)ArticleStatus.Submitted}");
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
internal sealed class SqliteNewsroomDbContextFactory : IDesignTimeDbContextFactory<SqliteNewsroomDbContext>
{
    public SqliteNewsroomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsroomDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
