using System.Globalization;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>The rules sections, tags and author profiles share for their names and web addresses (slugs).</summary>
public static class CatalogNames
{
    /// <summary>How the newsroom sorts names: Vietnamese alphabetical order, case ignored.</summary>
    public static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    /// <summary>Two names that differ only in case or spacing are the same name ("Thể thao", "thể  thao").</summary>
    public static string Key(string? name) => Tag.NormalizeName(name ?? "");

    /// <summary>Lower case without Vietnamese marks, for searches typed with or without them ("the thao" finds "Thể thao").</summary>
    public static string Fold(string? text) => VietnameseText.RemoveDiacritics(VietnameseText.CleanLine(text)).ToLowerInvariant();

    /// <summary>
    /// The slug typed, or the one made from <paramref name="name"/> when the field was left empty. Null, with a
    /// problem for <paramref name="field"/>, when it cannot be a web address.
    /// </summary>
    public static string? ChooseSlug(
        string? typed, string name, int maxLength, IStringLocalizer<CatalogResource> text, ICollection<KeyValuePair<string, string>> problems, string field = "Slug")
    {
        var slug = (typed ?? "").Trim().ToLowerInvariant();
        if (slug.Length == 0)
        {
            slug = VietnameseText.Slugify(name, maxLength);
            if (slug.Length == 0 && name.Length > 0)
            {
                problems.Add(new(field, text["The name has no letters or digits to make a web address from. Type the web address yourself, e.g. the-thao."]));
                return null;
            }

            return slug;
        }

        if (!VietnameseText.IsValidSlug(slug, maxLength))
        {
            problems.Add(new(field, text["The web address may contain only lower-case letters a-z, digits and single hyphens (at most {0} characters), e.g. the-thao.", maxLength]));
            return null;
        }

        return slug;
    }

    /// <summary>"slug", or "slug-2", "slug-3"... whichever is not in <paramref name="taken"/>, within the length limit.</summary>
    public static string Unique(string wanted, IReadOnlyCollection<string> taken, int maxLength)
    {
        if (!taken.Contains(wanted))
        {
            return wanted;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var stem = wanted.Length + suffix.Length <= maxLength ? wanted : VietnameseText.Slugify(wanted, maxLength - suffix.Length);
            if (!taken.Contains(stem + suffix))
            {
                return stem + suffix;
            }
        }
    }
}
