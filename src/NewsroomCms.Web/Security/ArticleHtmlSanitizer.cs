using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Security;

/// <summary>
/// The one allow-list for HTML that enters the site: article bodies typed in the editor or pasted from
/// Word, Google Docs and other sites. Thread-safe (configured once, then only read): one instance
/// serves the whole app.
/// </summary>
/// <remarks>
/// <para>
/// Three steps on one parsed tree. First, pasted markup is reshaped into what the policy can keep:
/// Word's list paragraphs become lists, bold and italic set by inline styles become
/// <c>strong</c>/<c>em</c>, <c>span</c>, <c>font</c> and Word's namespaced tags are unwrapped to their
/// text, <c>div</c> becomes <c>p</c>, h1 becomes h2 (the article title is the page's only h1) and h5/h6
/// become h4. Second, HtmlSanitizer enforces the allow-list (tags, attributes, URL schemes; comments,
/// styles and everything else dropped, with their content) and the URL rules of
/// <see cref="FilterUrl"/>. Third, the result is tidied: link and embed attributes, white space, NFC
/// text, empty elements and loose text, with one top-level block per line so revisions diff by
/// paragraph.
/// </para>
/// <para>
/// The output is stable: sanitizing it again returns it unchanged. Nested Word lists come out flat,
/// and formatting that spans whole paragraphs (a bold <c>div</c>) is dropped; the editor never
/// produces either.
/// </para>
/// </remarks>
public sealed partial class ArticleHtmlSanitizer
{
    /// <summary>Attributes kept from the input, by tag; the tags are all the body may contain.</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> AllowedAttributes = new Dictionary<string, string[]>
    {
        ["p"] = [], ["h2"] = [], ["h3"] = [], ["h4"] = [], ["br"] = [], ["hr"] = [], ["blockquote"] = [],
        ["strong"] = [], ["em"] = [], ["u"] = [], ["s"] = [], ["sub"] = [], ["sup"] = [], ["code"] = [], ["pre"] = [],
        ["ul"] = [], ["ol"] = [], ["li"] = [],
        ["a"] = ["href", "title", "target"],
        ["img"] = ["src", "alt", "width", "height", "loading"],
        ["figure"] = [], ["figcaption"] = [],
        ["table"] = [], ["caption"] = [], ["thead"] = [], ["tbody"] = [], ["tfoot"] = [], ["tr"] = [],
        ["th"] = ["colspan", "rowspan", "scope"], ["td"] = ["colspan", "rowspan"],
        ["iframe"] = ["src", "width", "height", "title", "allow", "allowfullscreen"],
    }.ToFrozenDictionary(tag => tag.Key, tag => tag.Value.ToFrozenSet());

    private static readonly FrozenSet<string> LinkSchemes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "http", "https", "mailto", "tel");

    /// <summary>Containers that only reshape pasted pages: their content stays, as paragraphs.</summary>
    private static readonly FrozenSet<string> DivLike = FrozenSet.Create(
        "div", "section", "article", "main", "header", "footer", "aside", "center", "address",
        "dl", "dt", "dd", "details", "summary");

    /// <summary>Inline tags with no place in a news body whose text is still wanted.</summary>
    private static readonly FrozenSet<string> UnwrappedInline = FrozenSet.Create(
        "span", "font", "small", "big", "mark", "abbr", "acronym", "cite", "dfn", "time", "label", "nobr",
        "ins", "bdi", "bdo", "kbd", "samp", "var", "tt", "q", "picture");

    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(
        [.. DivLike, "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "caption", "thead", "tbody",
        "tfoot", "tr", "td", "th", "blockquote", "figure", "figcaption", "pre", "hr"]);

    /// <summary>Tags whose content must be inline: a block inside one is unwrapped out of it.</summary>
    private static readonly FrozenSet<string> InlineOnly = FrozenSet.Create(
        [.. UnwrappedInline, "p", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s", "strike",
        "del", "sub", "sup", "a", "code"]);

    /// <summary>Inline formatting that means nothing without text inside.</summary>
    private static readonly FrozenSet<string> Formatting = FrozenSet.Create("strong", "em", "u", "s", "sub", "sup", "code", "a");

    /// <summary>Blocks whose leading and trailing white space and line breaks are trimmed.</summary>
    private static readonly FrozenSet<string> TextBlocks = FrozenSet.Create(
        "p", "h2", "h3", "h4", "li", "td", "th", "caption", "figcaption", "blockquote");

    private static readonly FrozenSet<string> RemovedWhenEmpty = FrozenSet.Create(
        "p", "h2", "h3", "h4", "li", "ul", "ol", "blockquote", "figure", "figcaption", "pre");

    /// <summary>Cells and list items often hold a single Word or Google Docs paragraph: the bare text reads the same.</summary>
    private static readonly FrozenSet<string> HoldsBareText = FrozenSet.Create("li", "td", "th", "figcaption");

    /// <summary>Permissions a video player may ask for in <c>allow</c>; camera, microphone and the like are never delegated.</summary>
    private static readonly FrozenSet<string> PlayerPermissions = FrozenSet.Create(
        "accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen", "gyroscope",
        "picture-in-picture", "web-share");

    /// <summary>
    /// Players run their own scripts in their own origin, but may not navigate this page. Popups escape
    /// the sandbox so that "Watch on YouTube" opens a normal tab.
    /// </summary>
    private const string PlayerSandbox = "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox";

    /// <summary>Players such as YouTube refuse to play without knowing which site embeds them.</summary>
    private const string PlayerReferrerPolicy = "strict-origin-when-cross-origin";

    private static readonly Uri SiteBase = new("https://site.invalid/");

    private readonly HtmlSanitizer _sanitizer;
    private readonly (string Host, string PathPrefix)[] _videoPlayers;

    public ArticleHtmlSanitizer(EmbedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _videoPlayers = [.. options.AllowedVideoHosts.Select(ParseVideoHost)];

        var policy = HtmlSanitizerOptions.Empty();
        policy.AllowedTags = AllowedAttributes.Keys.ToHashSet();
        policy.AllowedAttributes = AllowedAttributes.Values.SelectMany(names => names).ToHashSet();
        policy.AllowedSchemes = LinkSchemes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        policy.UriAttributes = new HashSet<string> { "href", "src" };
        _sanitizer = new HtmlSanitizer(policy);
        _sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = e.SanitizedUrl is null ? null : FilterUrl(e.Tag, e.SanitizedUrl);
    }

    /// <summary>The body as it may be stored and shown: only the allow-listed HTML, NFC text.</summary>
    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        using var document = Clean(html);
        return document.Body?.ChildNodes.ToHtml(_sanitizer.OutputFormatter) ?? "";
    }

    /// <summary>
    /// The text of <paramref name="html"/> for the search index and descriptions: one line per
    /// paragraph, heading, list item or table row; entities decoded, white space collapsed, NFC.
    /// </summary>
    public string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        using var document = Clean(html);
        if (document.Body is not { } body)
        {
            return "";
        }

        var text = new StringBuilder();
        AppendText(body, text);
        var lines = text.ToString().Split('\n').Select(VietnameseText.CleanLine).Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Recursive without risk: the parser caps nesting at about 500 levels, as browsers do.</summary>
    private static void AppendText(INode node, StringBuilder text)
    {
        if (node is IText textNode)
        {
            text.Append(textNode.Data);
        }
        else if (node is IElement element)
        {
            var separator = element.LocalName switch
            {
                "br" => "\n",
                "td" or "th" => " ",
                _ when Blocks.Contains(element.LocalName) => "\n",
                _ => "",
            };
            text.Append(separator);
            foreach (var child in element.ChildNodes)
            {
                AppendText(child, text);
            }

            text.Append(separator);
        }
    }

    private IHtmlDocument Clean(string html)
    {
        var document = _sanitizer.HtmlParserFactory().ParseDocument("<!doctype html><html><body>" + html);
        try
        {
            // A <frameset> replaces the body: nothing of it belongs in an article.
            if (document.Body is { LocalName: "body" } body)
            {
                ConvertWordLists(document, body);
                Reshape(document, body);
                _sanitizer.SanitizeDom(document, body);
                Tidy(document, body);
            }
            else
            {
                document.Body?.Remove();
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Word pastes list items as paragraphs styled <c>mso-list:l0 level1 lfo1</c>, each starting with
    /// its bullet or number in a <c>mso-list:Ignore</c> span. Consecutive items of one list become one
    /// <c>ul</c>, or <c>ol</c> when the marker is a number or letter ("1.", "a)").
    /// </summary>
    private static void ConvertWordLists(IHtmlDocument document, IElement body)
    {
        IElement? list = null;
        string? listId = null;
        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            var match = WordListItem().Match(paragraph.GetAttribute("style") ?? "");
            if (!match.Success)
            {
                continue;
            }

            var marker = paragraph.QuerySelectorAll("*").FirstOrDefault(IsWordListMarker);
            var id = match.Groups[1].Value;
            if (list is null || id != listId || PreviousContentSibling(paragraph) != list)
            {
                var ordered = marker is not null && OrderedListMarker().IsMatch(marker.TextContent.Trim());
                list = document.CreateElement(ordered ? "ol" : "ul");
                paragraph.Before(list);
                listId = id;
            }

            marker?.Remove();
            var item = document.CreateElement("li");
            item.Append([.. paragraph.ChildNodes]);
            list.AppendChild(item);
            paragraph.Remove();
        }
    }

    /// <summary>Step one: turns what pasted markup means into tags the policy keeps.</summary>
    private static void Reshape(IHtmlDocument document, IElement body)
    {
        var elements = body.QuerySelectorAll("*").ToList();

        // Computed once, children first, rather than searching below every element.
        var holdsBlock = new HashSet<IElement>();
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            if ((Blocks.Contains(elements[i].LocalName) || holdsBlock.Contains(elements[i])) && elements[i].ParentElement is { } parent)
            {
                holdsBlock.Add(parent);
            }
        }

        // Parents come before their children, so each element is reshaped in its final context.
        foreach (var element in elements)
        {
            // SVG and MathML go whole in step two; none of their tags mean what the HTML ones do.
            if (element.NamespaceUri != NamespaceNames.HtmlUri)
            {
                continue;
            }

            var name = element.LocalName;
            var style = element.GetAttribute("style") ?? "";
            if (IsWordListMarker(element))
            {
                element.Remove();
            }
            else if (name.Contains(':', StringComparison.Ordinal))
            {
                // Word's <o:p>, <st1:place>, <w:sdt>: the text is the reporter's.
                Unwrap(element);
            }
            else if (InlineOnly.Contains(name) && holdsBlock.Contains(element))
            {
                // Google Docs wraps the whole copy in <b style="font-weight:normal">; it must not make the article bold.
                Unwrap(element);
            }
            else if (DivLike.Contains(name))
            {
                if (holdsBlock.Contains(element))
                {
                    Unwrap(element);
                }
                else
                {
                    Rename(document, element, "p");
                }
            }
            else if (name is "span" or "font")
            {
                Emphasize(document, element, BoldStyle().IsMatch(style), ItalicStyle().IsMatch(style));
            }
            else if (name is "b" or "strong")
            {
                ReplaceOrUnwrap(document, element, "strong", NormalWeightStyle().IsMatch(style));
            }
            else if (name is "i" or "em")
            {
                ReplaceOrUnwrap(document, element, "em", NormalFontStyle().IsMatch(style));
            }
            else if (UnwrappedInline.Contains(name))
            {
                Unwrap(element);
            }
            else
            {
                var renamed = name switch
                {
                    "h1" => "h2",
                    "h5" or "h6" => "h4",
                    "strike" or "del" => "s",
                    _ => null,
                };
                if (renamed is not null)
                {
                    Rename(document, element, renamed);
                }
            }
        }
    }

    /// <summary>Step three: attribute rules, text, empty elements, loose text and layout of the sanitized tree.</summary>
    private static void Tidy(IHtmlDocument document, IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            TidyElement(element);
        }

        foreach (var figure in body.QuerySelectorAll("figure").ToList())
        {
            if (figure.QuerySelector("img, iframe, table") is null)
            {
                Unwrap(figure);
            }
        }

        foreach (var element in body.QuerySelectorAll("figcaption, li").ToList())
        {
            if (element.ParentElement?.LocalName is not ("figure" or "ul" or "ol"))
            {
                Rename(document, element, "p");
            }
        }

        body.Normalize();
        NormalizeText(body);

        WrapLooseText(document, body);
        foreach (var quote in body.QuerySelectorAll("blockquote").ToList())
        {
            WrapLooseText(document, quote);
        }

        RemoveEmpty(body);

        foreach (var container in body.QuerySelectorAll("ul, ol, table, thead, tbody, tfoot, tr, figure").ToList())
        {
            foreach (var blank in container.ChildNodes.OfType<IText>().Where(IsBlank).ToList())
            {
                blank.Remove();
            }
        }

        // One top-level block per line: revisions then compare paragraph by paragraph.
        foreach (var block in body.Children.Skip(1).ToList())
        {
            block.Before(document.CreateTextNode("\n"));
        }
    }

    private static void TidyElement(IElement element)
    {
        var allowed = AllowedAttributes.GetValueOrDefault(element.LocalName) ?? FrozenSet<string>.Empty;
        foreach (var attribute in element.Attributes.ToList())
        {
            var keep = allowed.Contains(attribute.Name) && attribute.Name switch
            {
                "width" or "height" or "colspan" or "rowspan" => Size().IsMatch(attribute.Value),
                "loading" => attribute.Value is "lazy" or "eager",
                "target" => attribute.Value == "_blank",
                "scope" => attribute.Value is "row" or "col" or "rowgroup" or "colgroup",
                _ => true,
            };
            if (!keep)
            {
                element.RemoveAttribute(attribute.Name);
            }
            else if (attribute.Name is "alt" or "title")
            {
                element.SetAttribute(attribute.Name, VietnameseText.CleanLine(attribute.Value));
            }
        }

        switch (element.LocalName)
        {
            case "a" when !element.HasAttribute("href"):
                Unwrap(element);
                break;
            case "a" when element.HasAttribute("target"):
                // Without it the opened page could script this one through window.opener.
                element.SetAttribute("rel", "noopener noreferrer");
                break;
            case "img" or "iframe" when !element.HasAttribute("src"):
                element.Remove();
                break;
            case "iframe":
                TidyPlayer(element);
                break;
        }
    }

    private static void TidyPlayer(IElement iframe)
    {
        // The fallback text inside an iframe is never shown by today's browsers.
        while (iframe.FirstChild is { } child)
        {
            iframe.RemoveChild(child);
        }

        if (iframe.GetAttribute("allow") is { } allow)
        {
            var permissions = allow.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(permission => PlayerPermissions.Contains(permission.Split(' ')[0].ToLowerInvariant()));
            var kept = string.Join("; ", permissions);
            if (kept.Length > 0)
            {
                iframe.SetAttribute("allow", kept);
            }
            else
            {
                iframe.RemoveAttribute("allow");
            }
        }

        if (iframe.HasAttribute("allowfullscreen"))
        {
            iframe.SetAttribute("allowfullscreen", "");
        }

        iframe.SetAttribute("loading", "lazy");
        iframe.SetAttribute("referrerpolicy", PlayerReferrerPolicy);
        iframe.SetAttribute("sandbox", PlayerSandbox);
    }

    private static void NormalizeText(IElement body)
    {
        var preformatted = body.QuerySelectorAll("pre").SelectMany(pre => pre.Descendants<IText>()).ToHashSet();
        foreach (var text in body.Descendants<IText>().ToList())
        {
            var data = preformatted.Contains(text) ? text.Data : HtmlWhiteSpace().Replace(text.Data, " ");
            text.Data = VietnameseText.Normalize(data);
        }
    }

    /// <summary>Text and inline tags directly in the body or a quote go into paragraphs; stray line breaks go.</summary>
    private static void WrapLooseText(IHtmlDocument document, IElement container)
    {
        var run = new List<INode>();
        foreach (var node in container.ChildNodes.ToList())
        {
            if (node is IElement element && Blocks.Contains(element.LocalName))
            {
                WrapRun(document, container, run);
            }
            else
            {
                run.Add(node);
            }
        }

        WrapRun(document, container, run);
    }

    private static void WrapRun(IHtmlDocument document, IElement container, List<INode> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        if (run.Exists(HasContent))
        {
            var paragraph = document.CreateElement("p");
            container.InsertBefore(paragraph, run[0]);
            paragraph.Append([.. run]);
        }
        else
        {
            run.ForEach(node => container.RemoveChild(node));
        }

        run.Clear();
    }

    private static bool HasContent(INode node) =>
        node is IText text ? !IsBlank(text)
        : node is IElement element && (element.LocalName is "img" or "iframe" or "hr"
            || !string.IsNullOrWhiteSpace(element.TextContent)
            || element.QuerySelector("img, iframe") is not null);

    /// <summary>
    /// Children before parents, so that each element is judged on what is left inside it: Word's
    /// <c>&lt;p&gt;&lt;o:p&gt;&amp;nbsp;&lt;/o:p&gt;&lt;/p&gt;</c> and empty bold runs disappear.
    /// </summary>
    private static void RemoveEmpty(IElement body)
    {
        var withContent = new HashSet<IElement>();
        var elements = body.QuerySelectorAll("*").ToList();
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            var name = element.LocalName;
            if (HoldsBareText.Contains(name)
                && element.Children.Length == 1 && element.Children[0] is { LocalName: "p" } only
                && element.ChildNodes.All(node => node == only || node is IText text && IsBlank(text)))
            {
                Unwrap(only);
            }

            if (TextBlocks.Contains(name))
            {
                TrimEdges(element);
            }

            var hasContent = name is "img" or "iframe" or "hr" or "table"
                || element.ChildNodes.Any(child => child is IText text ? !IsBlank(text) : child is IElement inner && withContent.Contains(inner));
            if (hasContent)
            {
                withContent.Add(element);
            }
            else if (Formatting.Contains(name))
            {
                Unwrap(element);
            }
            else if (RemovedWhenEmpty.Contains(name))
            {
                element.Remove();
            }
        }
    }

    /// <summary>White space and line breaks at the start or end of a block only move its text.</summary>
    private static void TrimEdges(IElement block)
    {
        while (FirstLeaf(block) is { } first && IsBlankOrBreak(first))
        {
            first.Parent!.RemoveChild(first);
        }

        while (LastLeaf(block) is { } last && IsBlankOrBreak(last))
        {
            last.Parent!.RemoveChild(last);
        }

        if (FirstLeaf(block) is IText start)
        {
            start.Data = start.Data.TrimStart();
        }

        if (LastLeaf(block) is IText end)
        {
            end.Data = end.Data.TrimEnd();
        }

        static INode? FirstLeaf(INode node)
        {
            var leaf = node.FirstChild;
            while (leaf?.FirstChild is { } child)
            {
                leaf = child;
            }

            return leaf;
        }

        static INode? LastLeaf(INode node)
        {
            var leaf = node.LastChild;
            while (leaf?.LastChild is { } child)
            {
                leaf = child;
            }

            return leaf;
        }

        static bool IsBlankOrBreak(INode node) => node is IText text ? IsBlank(text) : node is IElement { LocalName: "br" };
    }

    /// <summary>The URL rules of the policy, after HtmlSanitizer has accepted the scheme; null drops the attribute.</summary>
    private string? FilterUrl(IElement element, string url) => element.LocalName switch
    {
        "a" => url.StartsWith('/') ? (IsSitePath(url) ? url : null) : HasLinkScheme(url) ? url : null,
        "img" => ImageSource(url),
        "iframe" => PlayerSource(url),
        _ => null,
    };

    /// <summary>Paths on this site; <c>//host</c> and <c>/\host</c> would leave it.</summary>
    private static bool IsSitePath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static bool HasLinkScheme(string url) => url.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && LinkSchemes.Contains(url[..colon]);

    /// <summary>
    /// Our own media (<c>/media/...</c>) or any https image. The checked URL, not the typed one, is
    /// written back, so that the browser cannot read it differently.
    /// </summary>
    private static string? ImageSource(string url)
    {
        if (url.StartsWith('/'))
        {
            return IsSitePath(url) && Uri.TryCreate(SiteBase, url, out var local)
                && local.Host == SiteBase.Host && local.AbsolutePath.StartsWith("/media/", StringComparison.Ordinal)
                ? local.PathAndQuery + local.Fragment
                : null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0
            ? uri.AbsoluteUri
            : null;
    }

    private string? PlayerSource(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && uri.IsDefaultPort
        && _videoPlayers.Any(player => string.Equals(uri.IdnHost, player.Host, StringComparison.OrdinalIgnoreCase)
            && uri.AbsolutePath.StartsWith(player.PathPrefix, StringComparison.Ordinal))
            ? uri.AbsoluteUri
            : null;

    private static (string Host, string PathPrefix) ParseVideoHost(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var host = (slash < 0 ? entry : entry[..slash]).Trim();
        var path = slash < 0 ? "/" : entry[slash..].Trim();
        if (Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            throw new InvalidOperationException(
                $"{EmbedOptions.SectionName}:{nameof(EmbedOptions.AllowedVideoHosts)}: '{entry}' is not a host name, optionally followed by a path (www.youtube.com/embed/).");
        }

        return (host, path);
    }

    private static void Emphasize(IHtmlDocument document, IElement element, bool bold, bool italic)
    {
        if (!bold && !italic)
        {
            Unwrap(element);
            return;
        }

        var outer = Rename(document, element, bold ? "strong" : "em");
        if (bold && italic)
        {
            var inner = document.CreateElement("em");
            inner.Append([.. outer.ChildNodes]);
            outer.AppendChild(inner);
        }
    }

    private static void ReplaceOrUnwrap(IHtmlDocument document, IElement element, string name, bool unwrap)
    {
        if (unwrap)
        {
            Unwrap(element);
        }
        else if (element.LocalName != name)
        {
            Rename(document, element, name);
        }
    }

    private static IElement Rename(IHtmlDocument document, IElement element, string name)
    {
        var renamed = document.CreateElement(name);
        renamed.Append([.. element.ChildNodes]);
        element.Replace(renamed);
        return renamed;
    }

    private static void Unwrap(IElement element)
    {
        if (element.HasChildNodes)
        {
            element.Replace([.. element.ChildNodes]);
        }
        else
        {
            element.Remove();
        }
    }

    private static bool IsWordListMarker(IElement element) => WordListMarker().IsMatch(element.GetAttribute("style") ?? "");

    private static INode? PreviousContentSibling(INode node)
    {
        var previous = node.PreviousSibling;
        while (previous is IComment || previous is IText text && IsBlank(text))
        {
            previous = previous.PreviousSibling;
        }

        return previous;
    }

    private static bool IsBlank(IText text) => string.IsNullOrWhiteSpace(text.Data);

    // Property names are matched whole: Word writes mso-bidi-font-weight and the like on ordinary text.
    [GeneratedRegex(@"(?<![\w-])font-weight\s*:\s*(bold|bolder|[6-9]00)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BoldStyle();

    [GeneratedRegex(@"(?<![\w-])font-weight\s*:\s*(normal|lighter|[1-4]00)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NormalWeightStyle();

    [GeneratedRegex(@"(?<![\w-])font-style\s*:\s*(italic|oblique)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItalicStyle();

    [GeneratedRegex(@"(?<![\w-])font-style\s*:\s*normal\b", RegexOptions.IgnoreCase)]
    private static partial Regex NormalFontStyle();

    [GeneratedRegex(@"(?<![\w-])mso-list\s*:\s*ignore\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordListMarker();

    [GeneratedRegex(@"(?<![\w-])mso-list\s*:\s*(l\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordListItem();

    [GeneratedRegex(@"^\(?\w{1,4}[.)]$")]
    private static partial Regex OrderedListMarker();

    [GeneratedRegex(@"^\d{1,4}%?$")]
    private static partial Regex Size();

    /// <summary>HTML's white space; a no-break space is content and stays.</summary>
    [GeneratedRegex(@"[ \t\n\r\f]+")]
    private static partial Regex HtmlWhiteSpace();
}
