using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> settings)
    {
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.PublicationName).HasMaxLength(SiteSettings.NameMaxLength);
        settings.Property(s => s.AgencyName).HasMaxLength(SiteSettings.NameMaxLength);
        settings.Property(s => s.GoverningBody).HasMaxLength(SiteSettings.NameMaxLength);
        settings.Property(s => s.LicenceNumber).HasMaxLength(SiteSettings.ShortMaxLength);
        settings.Property(s => s.LicenceIssuer).HasMaxLength(SiteSettings.NameMaxLength);
        settings.Property(s => s.Address).HasMaxLength(SiteSettings.TextMaxLength);
        settings.Property(s => s.Phone).HasMaxLength(SiteSettings.ShortMaxLength);
        settings.Property(s => s.Email).HasMaxLength(SiteSettings.ShortMaxLength);
        settings.Property(s => s.EditorInChief).HasMaxLength(SiteSettings.NameMaxLength);
    }
}

internal sealed class FrontPageSlotConfiguration : IEntityTypeConfiguration<FrontPageSlot>
{
    public void Configure(EntityTypeBuilder<FrontPageSlot> slot)
    {
        slot.HasKey(s => s.Position);
        slot.Property(s => s.Position).ValueGeneratedNever();
        slot.HasIndex(s => s.ArticleId).IsUnique();
        slot.HasOne(s => s.Article).WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        slot.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.AssignedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleDailyViewsConfiguration : IEntityTypeConfiguration<ArticleDailyViews>
{
    public void Configure(EntityTypeBuilder<ArticleDailyViews> views)
    {
        views.HasKey(v => new { v.ArticleId, v.Day });
        // "Most read": the recent days' rows, summed per article, without touching the table.
        views.HasIndex(v => new { v.Day, v.ArticleId, v.Views });
        views.HasOne(v => v.Article).WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
