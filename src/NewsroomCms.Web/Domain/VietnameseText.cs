using System.Globalization;
using System.Text;

namespace NewsroomCms.Web.Domain;

/// <summary>Normalization, diacritic folding and slugs for Vietnamese text.</summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC form, with the Icelandic eth (Ð U+00D0, ð U+00F0) that some keyboards type in place of
    /// Vietnamese đ (U+0110, U+0111) replaced: they look the same but never match in search or slugs.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return nfc.Contains('\u00D0', StringComparison.Ordinal) || nfc.Contains('\u00F0', StringComparison.Ordinal)
            ? nfc.Replace('\u00D0', '\u0110').Replace('\u00F0', '\u0111')
            : nfc;
    }

    /// <summary>Normalized, trimmed, with every run of white space (line breaks included) made one space.</summary>
    public static string CleanLine(string? text)
    {
        var normalized = Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Removes tone marks and vowel modifiers and maps đ/Đ to d/D. Đ is a letter of its own, not D plus
    /// a mark, so decomposition alone leaves it in place.
    /// </summary>
    public static string RemoveDiacritics(string? text)
    {
        var decomposed = Normalize(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case '\u0111':
                    builder.Append('d');
                    break;
                case '\u0110':
                    builder.Append('D');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// "Hội nghị giao ban năm 2023" → "hoi-nghi-giao-ban-nam-2023": ASCII letters and digits joined by
    /// single hyphens, cut at a word boundary so it is at most <paramref name="maxLength"/> long.
    /// </summary>
    public static string Slugify(string? text, int maxLength = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var folded = RemoveDiacritics(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', maxLength);
        return cut > 0 ? slug[..cut] : slug[..maxLength];
    }

    /// <summary>True when <paramref name="slug"/> is what <see cref="Slugify"/> could produce.</summary>
    public static bool IsValidSlug(string? slug, int maxLength = 200) =>
        !string.IsNullOrEmpty(slug)
        && slug.Length <= maxLength
        && slug[0] != '-' && slug[^1] != '-'
        && !slug.Contains("--", StringComparison.Ordinal)
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
