using System.Globalization;
using System.Text;
using System.Xml;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Feeds;

/// <summary>What every feed and sitemap document shares: the writer settings, text cleaning and date formats.</summary>
public static class FeedXml
{
    /// <summary>UTF-8 without a byte order mark (the XML declaration names the encoding).</summary>
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    };

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters pasted from Word, lone surrogates): the
    /// writer would refuse them and the whole feed would fail for one bad title.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>RFC 822 (with a four-digit year, as RSS 2.0 asks) in newsroom time: "Thu, 26 Nov 2026 14:00:00 +0700".</summary>
    public static string Rfc822(this NewsroomTime time, DateTime utc)
    {
        var local = time.ToLocal(utc);
        var offset = time.OffsetAt(utc);
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)
            + $" {sign}{abs.Hours:00}{abs.Minutes:00}";
    }

    /// <summary>W3C date-time in newsroom time: "2026-11-26T14:00:00+07:00".</summary>
    public static string W3C(this NewsroomTime time, DateTime utc) =>
        new DateTimeOffset(time.ToLocal(utc), time.OffsetAt(utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static void WriteElement(this XmlWriter xml, string name, string? value) => xml.WriteElementString(name, Clean(value));

    public static void WriteElement(this XmlWriter xml, string prefix, string name, string ns, string? value) =>
        xml.WriteElementString(prefix, name, ns, Clean(value));

    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
