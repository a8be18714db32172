namespace NewsroomCms.Web.Domain;

public class Tag
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 120;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>Lower-case NFC form with collapsed spaces, unique: "Giao ban" and "giao  ban" are one tag.</summary>
    public string NormalizedName { get; set; } = "";

    public ICollection<Article> Articles { get; set; } = [];

    public static Tag Create(string name)
    {
        var clean = VietnameseText.CleanLine(name);
        return new Tag
        {
            Name = clean,
            Slug = VietnameseText.Slugify(clean, SlugMaxLength),
            NormalizedName = NormalizeName(clean),
        };
    }

    public static string NormalizeName(string name) =>
        VietnameseText.CleanLine(name).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
