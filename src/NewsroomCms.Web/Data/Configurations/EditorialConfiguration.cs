using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Data.Configurations;

internal sealed class ArticleCorrectionConfiguration : IEntityTypeConfiguration<ArticleCorrection>
{
    public void Configure(EntityTypeBuilder<ArticleCorrection> correction)
    {
        correction.Property(c => c.Notice).HasMaxLength(ArticleCorrection.NoticeMaxLength);
        correction.HasIndex(c => new { c.ArticleId, c.CreatedAt });
        correction.HasOne(c => c.Article).WithMany(a => a.Corrections).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        correction.HasOne(c => c.CreatedBy).WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleEditLockConfiguration : IEntityTypeConfiguration<ArticleEditLock>
{
    public void Configure(EntityTypeBuilder<ArticleEditLock> editLock)
    {
        editLock.HasKey(l => l.ArticleId);
        editLock.HasOne(l => l.Article).WithOne().HasForeignKey<ArticleEditLock>(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        editLock.HasOne(l => l.User).WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.ArticleTitle).HasMaxLength(Notification.ArticleTitleMaxLength);
        notification.Property(n => n.ActorName).HasMaxLength(Notification.ActorNameMaxLength);
        notification.Property(n => n.Note).HasMaxLength(Notification.NoteMaxLength);
        // The list (newest first) and the unread badge.
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
        notification.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        notification.HasOne(n => n.Article).WithMany().HasForeignKey(n => n.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> redirect)
    {
        redirect.Property(r => r.OldSlug).HasMaxLength(SlugRedirect.SlugMaxLength);
        redirect.HasIndex(r => new { r.Kind, r.OldSlug }).IsUnique();
        redirect.HasIndex(r => new { r.Kind, r.TargetId });
    }
}
