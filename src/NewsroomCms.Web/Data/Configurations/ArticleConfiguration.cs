using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength);
        article.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength);
        article.Property(a => a.Sapo).HasMaxLength(Article.SapoMaxLength);
        article.Property(a => a.FeaturedImageCaption).HasMaxLength(Article.CaptionMaxLength);
        article.Property(a => a.FeaturedImageCredit).HasMaxLength(Article.CreditMaxLength);
        article.Property(a => a.FeaturedImageAlt).HasMaxLength(Article.AltTextMaxLength);
        article.Property(a => a.Version).IsConcurrencyToken();

        article.HasIndex(a => a.Slug).IsUnique();
        // Public lists: newest published first, overall and per section.
        article.HasIndex(a => new { a.Status, a.PublishedAt });
        article.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt });
        // The reporter's desk and the scheduler.
        article.HasIndex(a => new { a.CreatedById, a.Status });
        article.HasIndex(a => new { a.Status, a.ScheduledAt });

        article.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne(a => a.FeaturedImage).WithMany().HasForeignKey(a => a.FeaturedImageId).OnDelete(DeleteBehavior.SetNull);
        article.HasOne(a => a.CreatedBy).WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        article.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.Restrict);

        article.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity(
            ArticleTagLink.Table,
            r => r.HasOne(typeof(Tag)).WithMany().HasForeignKey(ArticleTagLink.TagId).OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Article)).WithMany().HasForeignKey(ArticleTagLink.ArticleId).OnDelete(DeleteBehavior.Cascade),
            j =>
            {
                j.HasKey(ArticleTagLink.ArticleId, ArticleTagLink.TagId);
                // A copy of the article's publication time while it is published (PublishedLinks): a tag's
                // newest articles are one range of this index, however few or many the tag has.
                j.Property<DateTime?>(ArticleTagLink.PublishedAt);
                j.HasIndex(ArticleTagLink.TagId, ArticleTagLink.PublishedAt, ArticleTagLink.ArticleId);
            });
    }
}

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> byline)
    {
        byline.HasKey(b => new { b.ArticleId, b.AuthorId });
        byline.HasIndex(b => new { b.AuthorId, b.PublishedAt, b.ArticleId });
        byline.HasOne(b => b.Article).WithMany(a => a.Authors).HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
        byline.HasOne(b => b.Author).WithMany().HasForeignKey(b => b.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength);
        revision.Property(r => r.Slug).HasMaxLength(Article.SlugMaxLength);
        revision.Property(r => r.Sapo).HasMaxLength(Article.SapoMaxLength);
        revision.Property(r => r.Reason).HasMaxLength(ArticleRevision.ReasonMaxLength);
        revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        revision.HasOne(r => r.Article).WithMany(a => a.Revisions).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        revision.HasOne(r => r.CreatedBy).WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EditorialNoteConfiguration : IEntityTypeConfiguration<EditorialNote>
{
    public void Configure(EntityTypeBuilder<EditorialNote> note)
    {
        note.Property(n => n.Text).HasMaxLength(EditorialNote.TextMaxLength);
        note.HasIndex(n => new { n.ArticleId, n.CreatedAt });
        note.HasOne(n => n.Article).WithMany(a => a.Notes).HasForeignKey(n => n.ArticleId).OnDelete(DeleteBehavior.Cascade);
        note.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
