using System.ComponentModel.DataAnnotations;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>What the editor form posts. Never bound onto the entity directly.</summary>
public sealed class ArticleInput
{
    public const int MaxTags = 20;
    public const int BylineSlots = 4;
    public const int BodyMaxLength = 1_000_000;

    /// <summary>The concurrency token the form was opened with.</summary>
    public Guid Version { get; set; }

    [StringLength(Article.TitleMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [StringLength(Article.SlugMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [StringLength(Article.SapoMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Sapo")]
    public string? Sapo { get; set; }

    /// <summary>A generous cap: a long feature is 50 KB of HTML; this stops pathological input before it is parsed.</summary>
    [StringLength(BodyMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Body")]
    public string? Body { get; set; }

    [Display(Name = "Section")]
    public int? SectionId { get; set; }

    [StringLength(2000, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    /// <summary>The byline in order; empty slots are ignored.</summary>
    public List<int?> AuthorIds { get; set; } = [];

    public int? FeaturedImageId { get; set; }

    [StringLength(Article.CaptionMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Caption")]
    public string? FeaturedImageCaption { get; set; }

    [StringLength(Article.CreditMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Credit")]
    public string? FeaturedImageCredit { get; set; }

    [StringLength(Article.AltTextMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Alternative text")]
    public string? FeaturedImageAlt { get; set; }

    /// <summary>
    /// Only for a published article: a đính chính published with this update, when it fixes a mistake.
    /// Its length is checked once cleaned (see <c>ArticleCorrections.Clean</c>); never part of the article itself.
    /// </summary>
    public string? CorrectionNotice { get; set; }

    public static ArticleInput From(Article article) => new()
    {
        Version = article.Version,
        Title = article.Title,
        Slug = article.Slug,
        Sapo = article.Sapo,
        Body = article.Body,
        SectionId = article.SectionId,
        Tags = string.Join(", ", article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
        AuthorIds = article.Authors.OrderBy(a => a.Position).Select(a => (int?)a.AuthorId).ToList(),
        FeaturedImageId = article.FeaturedImageId,
        FeaturedImageCaption = article.FeaturedImageCaption,
        FeaturedImageCredit = article.FeaturedImageCredit,
        FeaturedImageAlt = article.FeaturedImageAlt,
    };

    /// <summary>"Giao ban, KT - XH; Nông nghiệp" → the distinct, cleaned names, in the order typed.</summary>
    public static IReadOnlyList<string> ParseTags(string? tags) =>
        (tags ?? "")
            .Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(VietnameseText.CleanLine)
            .Where(name => name.Length > 0)
            .Select(name => name.Length > Tag.NameMaxLength ? name[..Tag.NameMaxLength].TrimEnd() : name)
            .DistinctBy(Tag.NormalizeName)
            .Take(MaxTags)
            .ToList();
}
