using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Data;

/// <summary>
/// The one model of the newsroom. Each provider has a thin sealed subclass with its own migrations
/// (<see cref="Sqlite.SqliteNewsroomDbContext"/>, <see cref="SqlServer.SqlServerNewsroomDbContext"/>);
/// the app asks for this base type and gets the configured one.
/// </summary>
/// <remarks>
/// Add a migration for both providers (from the repository root):
/// <code>
/// dotnet ef migrations add NAME --project src/NewsroomCms.Web --context SqliteNewsroomDbContext --output-dir Data/Sqlite/Migrations
/// dotnet ef migrations add NAME --project src/NewsroomCms.Web --context SqlServerNewsroomDbContext --output-dir Data/SqlServer/Migrations
/// </code>
/// </remarks>
public abstract class NewsroomDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    /// <summary>The links of <see cref="Article.Tags"/>, a table without a class of its own (see <see cref="ArticleTagLink"/>).</summary>
    public DbSet<Dictionary<string, object>> ArticleTags => Set<Dictionary<string, object>>(ArticleTagLink.Table);
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<EditorialNote> EditorialNotes => Set<EditorialNote>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ArticleCorrection> ArticleCorrections => Set<ArticleCorrection>();
    public DbSet<ArticleEditLock> ArticleEditLocks => Set<ArticleEditLock>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<FrontPageSlot> FrontPageSlots => Set<FrontPageSlot>();
    public DbSet<ArticleDailyViews> ArticleDailyViews => Set<ArticleDailyViews>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsroomDbContext).Assembly);

        // The roles exist from the first migration on, so /setup and create-user never have to create them.
        builder.Entity<IdentityRole>().HasData(Domain.Roles.All.Select(name => new IdentityRole
        {
            Id = "role-" + name.ToLowerInvariant(),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = "role-" + name.ToLowerInvariant(),
        }));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewArticleVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewArticleVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every write to an article gets a new concurrency token, so a stale writer always conflicts.</summary>
    private void RenewArticleVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Article>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
