using System.Net;
using System.Text.RegularExpressions;

namespace NewsroomCms.Web.Domain;

/// <summary>Plain-text views of article HTML, for completeness checks, counts and summaries.</summary>
public static partial class ArticleText
{
    /// <summary>True when the HTML shows any text or an image or embed (an empty &lt;p&gt;&lt;/p&gt; is not content).</summary>
    public static bool HasText(string? html) =>
        !string.IsNullOrWhiteSpace(html)
        && (!string.IsNullOrWhiteSpace(ToPlainText(html)) || MediaTag().IsMatch(html));

    /// <summary>Tags removed, entities decoded, white space collapsed, normalized Vietnamese.</summary>
    public static string ToPlainText(string? html) =>
        string.IsNullOrEmpty(html) ? "" : VietnameseText.CleanLine(WebUtility.HtmlDecode(Tag().Replace(html, " ")));

    /// <summary>Words as a reader counts them: runs of letters or digits separated by spaces or punctuation.</summary>
    public static int CountWords(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : Word().Count(text);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<(img|iframe)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex MediaTag();

    [GeneratedRegex("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*")]
    private static partial Regex Word();
}
