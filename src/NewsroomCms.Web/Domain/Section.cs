namespace NewsroomCms.Web.Domain;

/// <summary>A chuyên mục.</summary>
public class Section
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 120;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public int DisplayOrder { get; set; }
    public bool IsHidden { get; set; }

    public int? ParentId { get; set; }
    public Section? Parent { get; set; }
    public ICollection<Section> Children { get; set; } = [];
}
