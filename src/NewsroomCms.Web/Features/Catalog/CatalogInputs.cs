using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>A section's name and web address, as typed. Checked by <see cref="SectionEditing"/>.</summary>
public sealed class SectionInput
{
    /// <summary>Nullable so that MVC adds no message of its own: <see cref="SectionEditing"/> says what is wrong.</summary>
    public string? Name { get; set; }

    /// <summary>Empty: made from the name.</summary>
    public string? Slug { get; set; }

    /// <summary>Only when creating: a section can be prepared out of sight.</summary>
    public bool IsHidden { get; set; }

    public static SectionInput From(Section section) => new() { Name = section.Name, Slug = section.Slug, IsHidden = section.IsHidden };
}

/// <summary>A tag's new name and web address. Checked by <see cref="TagEditing"/>.</summary>
public sealed class TagInput
{
    /// <summary>Nullable so that MVC adds no message of its own: <see cref="TagEditing"/> says what is wrong.</summary>
    public string? Name { get; set; }

    /// <summary>Empty: made from the name.</summary>
    public string? Slug { get; set; }

    public static TagInput From(Tag tag) => new() { Name = tag.Name, Slug = tag.Slug };
}

/// <summary>The tag to merge into: chosen by id (a suggestion's button) or by typing its name.</summary>
public sealed class TagMergeInput
{
    public int? TargetId { get; set; }
    public string? TargetName { get; set; }
}

/// <summary>An author profile (bút danh) as the form sends it. Checked by <see cref="AuthorEditing"/>.</summary>
public sealed class AuthorInput
{
    /// <summary>Nullable so that MVC adds no message of its own: <see cref="AuthorEditing"/> says what is wrong.</summary>
    public string? PenName { get; set; }

    /// <summary>Empty: made from the pen name.</summary>
    public string? Slug { get; set; }

    /// <summary>Plain text; line breaks are kept.</summary>
    public string? Bio { get; set; }

    /// <summary>The newsroom account the pen name belongs to; empty for someone without one (a contributor).</summary>
    public string? UserId { get; set; }

    /// <summary>A photo already uploaded; null for none.</summary>
    public int? PhotoId { get; set; }

    /// <summary>A new photo, which replaces <see cref="PhotoId"/>.</summary>
    public IFormFile? PhotoFile { get; set; }

    public static AuthorInput From(Author author) => new()
    {
        PenName = author.PenName,
        Slug = author.Slug,
        Bio = author.Bio,
        UserId = author.UserId,
        PhotoId = author.PhotoId,
    };
}
