using System.Globalization;
using System.Text;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Hosting.Generation;

/// <summary>What the <c>ArticleSearch</c> table holds for one article: folded columns to match, exact ones to rank.</summary>
internal sealed record LocalSearchDocument(string Title, string Body, string TitleExact, string BodyExact);

/// <summary>
/// Builds <see cref="LocalSearchDocument"/>s for generated articles: the title, and the sapo, text, tags
/// and pen names as the body, each folded (lower case, no tone marks, đ → d) and exact (lower-case NFC).
/// </summary>
/// <remarks>
/// LOCAL STAND-IN for <c>Features/Search/SearchText</c> until the search feature is merged: then its
/// Fold and Exact replace the two below, so that there is one fold in the codebase.
/// Generated text is made of a few thousand distinct words, so each word is folded once and remembered:
/// normalizing every article's ten thousand characters again took most of the generator's time. Folding
/// word by word gives the same result because neither folding nor lower-casing looks across a space.
/// </remarks>
internal sealed class LocalSearchDocumentBuilder
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly Dictionary<string, (string Folded, string Exact)> _words = new(StringComparer.Ordinal);
    private readonly StringBuilder _folded = new(32 * 1024);
    private readonly StringBuilder _exact = new(32 * 1024);

    public LocalSearchDocument For(string title, string sapo, string bodyHtml, IEnumerable<string> tags, IEnumerable<string> penNames)
    {
        var body = string.Join(" \n", new[] { sapo, ArticleText.ToPlainText(bodyHtml) }.Concat(tags).Concat(penNames).Where(s => !string.IsNullOrWhiteSpace(s)));
        var (titleFolded, titleExact) = Convert(title);
        var (bodyFolded, bodyExact) = Convert(body);
        return new LocalSearchDocument(titleFolded, bodyFolded, titleExact, bodyExact);
    }

    public static string Fold(string text) => VietnameseText.RemoveDiacritics(text).ToLower(Vietnamese);

    public static string Exact(string text) => VietnameseText.Normalize(text).ToLower(Vietnamese);

    private (string Folded, string Exact) Convert(string text)
    {
        _folded.Clear();
        _exact.Clear();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf(' ', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var word = text[start..end];
            if (!_words.TryGetValue(word, out var forms))
            {
                forms = (Fold(word), Exact(word));
                _words[word] = forms;
            }

            if (start > 0)
            {
                _folded.Append(' ');
                _exact.Append(' ');
            }

            _folded.Append(forms.Folded);
            _exact.Append(forms.Exact);
            start = end + 1;
        }

        return (_folded.ToString(), _exact.ToString());
    }
}
