// Users are disabled, never deleted, so every reference to a user restricts deletion. This also keeps
// SQL Server free of multiple cascade paths.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.Property(a => a.PenName).HasMaxLength(Author.PenNameMaxLength);
        author.Property(a => a.Slug).HasMaxLength(Author.SlugMaxLength);
        author.Property(a => a.Bio).HasMaxLength(Author.BioMaxLength);
        author.HasIndex(a => a.Slug).IsUnique();
        author.HasIndex(a => a.UserId);
        author.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        author.HasOne(a => a.Photo).WithMany().HasForeignKey(a => a.PhotoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.Name).HasMaxLength(Section.NameMaxLength);
        section.Property(s => s.Slug).HasMaxLength(Section.SlugMaxLength);
        section.HasIndex(s => s.Slug).IsUnique();
        section.HasIndex(s => s.DisplayOrder);
        section.HasOne(s => s.Parent).WithMany(s => s.Children).HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        tag.Property(t => t.NormalizedName).HasMaxLength(Tag.NameMaxLength);
        tag.Property(t => t.Slug).HasMaxLength(Tag.SlugMaxLength);
        tag.HasIndex(t => t.Slug).IsUnique();
        tag.HasIndex(t => t.NormalizedName).IsUnique();
    }
}

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> media)
    {
        media.Property(m => m.StoredName).HasMaxLength(MediaAsset.StoredNameMaxLength);
        media.Property(m => m.OriginalFileName).HasMaxLength(MediaAsset.FileNameMaxLength);
        media.Property(m => m.ContentType).HasMaxLength(MediaAsset.ContentTypeMaxLength);
        media.Property(m => m.Caption).HasMaxLength(Article.CaptionMaxLength);
        media.Property(m => m.Credit).HasMaxLength(Article.CreditMaxLength);
        media.Property(m => m.AltText).HasMaxLength(Article.AltTextMaxLength);
        media.HasIndex(m => m.StoredName).IsUnique();
        media.HasOne(m => m.UploadedBy).WithMany().HasForeignKey(m => m.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.Action).HasMaxLength(AuditEvent.ActionMaxLength);
        audit.Property(a => a.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength);
        audit.Property(a => a.EntityId).HasMaxLength(AuditEvent.EntityIdMaxLength);
        audit.Property(a => a.FromState).HasMaxLength(AuditEvent.StateMaxLength);
        audit.Property(a => a.ToState).HasMaxLength(AuditEvent.StateMaxLength);
        audit.Property(a => a.Note).HasMaxLength(AuditEvent.NoteMaxLength);
        audit.HasIndex(a => a.OccurredAt);
        audit.HasIndex(a => new { a.EntityType, a.EntityId, a.OccurredAt });
        audit.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user) =>
        user.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
}
