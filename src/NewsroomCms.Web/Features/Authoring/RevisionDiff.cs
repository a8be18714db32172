using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Html;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>The parts of an article a comparison looks at, in the order the page lists them.</summary>
public enum RevisionField
{
    Title,
    Sapo,
    Slug,
    Section,
    Tags,
    Byline,
    Caption,
    Credit,
    AltText,
    Body,
}

public enum DiffKind
{
    Unchanged,
    Deleted,
    Inserted,
}

/// <summary>A run of text that was kept, deleted (on the older side) or inserted (on the newer side).</summary>
public sealed record DiffSpan(string Text, DiffKind Kind);

/// <summary>One line on one side of the comparison.</summary>
public sealed record DiffLine(IReadOnlyList<DiffSpan> Spans)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public bool Changed => Spans.Any(s => s.Kind != DiffKind.Unchanged);

    /// <summary>
    /// The line as HTML. Every piece of the article's text is encoded, markup included, so a body's
    /// <c>&lt;strong&gt;</c> shows as text and nothing from the article can run. Changes are
    /// <c>del</c>/<c>ins</c> elements that start with a hidden word for screen readers, as colour and
    /// strike-through are not enough.
    /// </summary>
    public IHtmlContent ToHtml(string deletedLabel, string insertedLabel)
    {
        var html = new StringBuilder();
        foreach (var span in Spans)
        {
            var text = Encoder.Encode(span.Text);
            html.Append(span.Kind switch
            {
                DiffKind.Deleted => $"<del><span class=\"visually-hidden\">{Encoder.Encode(deletedLabel)} </span>{text}</del>",
                DiffKind.Inserted => $"<ins><span class=\"visually-hidden\">{Encoder.Encode(insertedLabel)} </span>{text}</ins>",
                _ => text,
            });
        }

        return new HtmlString(html.ToString());
    }
}

/// <summary>Two lines side by side; a side is null where the line exists only on the other side.</summary>
public sealed record DiffRow(DiffLine? Older, DiffLine? Newer)
{
    public bool Changed => Older is null || Newer is null || Older.Changed || Newer.Changed;
}

public sealed record FieldDiff(RevisionField Field, IReadOnlyList<DiffRow> Rows)
{
    public bool Changed => Rows.Any(r => r.Changed);
}

/// <summary>
/// Two revisions compared field by field. Text is compared line by line (the sanitizer writes each
/// block of the body on its own line), then word by word within a changed line. The body is compared
/// as its HTML source, so a word made bold or a link pointed elsewhere shows as a change like any
/// other; <see cref="DiffLine.ToHtml"/> encodes it for display.
/// </summary>
public sealed partial class RevisionDiff
{
    private RevisionDiff(IReadOnlyList<FieldDiff> fields) => Fields = fields;

    public IReadOnlyList<FieldDiff> Fields { get; }

    public IReadOnlyList<RevisionField> ChangedFields => Fields.Where(f => f.Changed).Select(f => f.Field).ToList();

    public FieldDiff this[RevisionField field] => Fields.Single(f => f.Field == field);

    public static RevisionDiff Between(ArticleRevision older, ArticleRevision newer)
    {
        var before = older.Metadata;
        var after = newer.Metadata;
        return new RevisionDiff(
        [
            Compare(RevisionField.Title, older.Title, newer.Title),
            Compare(RevisionField.Sapo, older.Sapo, newer.Sapo),
            Compare(RevisionField.Slug, older.Slug, newer.Slug),
            Compare(RevisionField.Section, before.Section, after.Section),
            Compare(RevisionField.Tags, string.Join(", ", before.Tags), string.Join(", ", after.Tags)),
            Compare(RevisionField.Byline, string.Join(", ", before.Authors.Select(a => a.PenName)), string.Join(", ", after.Authors.Select(a => a.PenName))),
            Compare(RevisionField.Caption, before.FeaturedImageCaption, after.FeaturedImageCaption),
            Compare(RevisionField.Credit, before.FeaturedImageCredit, after.FeaturedImageCredit),
            Compare(RevisionField.AltText, before.FeaturedImageAlt, after.FeaturedImageAlt),
            Compare(RevisionField.Body, older.Body, newer.Body),
        ]);
    }

    private static FieldDiff Compare(RevisionField field, string? older, string? newer)
    {
        // The same letters typed precomposed or decomposed must not show as a change.
        var model = SideBySideDiffBuilder.Diff(
            Differ.Instance,
            VietnameseText.Normalize(older),
            VietnameseText.Normalize(newer),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            LineChunker.Instance,
            HtmlWordChunker.Instance);

        var rows = new List<DiffRow>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            rows.Add(new DiffRow(
                Line(model.OldText.Lines.ElementAtOrDefault(i), DiffKind.Deleted),
                Line(model.NewText.Lines.ElementAtOrDefault(i), DiffKind.Inserted)));
        }

        return new FieldDiff(field, rows);
    }

    /// <summary>A line of DiffPlex's model; <paramref name="change"/> is what a change on this side is.</summary>
    private static DiffLine? Line(DiffPiece? piece, DiffKind change)
    {
        switch (piece?.Type)
        {
            case null or ChangeType.Imaginary:
                return null;
            case ChangeType.Unchanged:
                return new DiffLine([new DiffSpan(piece.Text ?? "", DiffKind.Unchanged)]);
            case ChangeType.Modified:
                var spans = new List<DiffSpan>();
                foreach (var word in piece.SubPieces.Where(w => w.Type != ChangeType.Imaginary && !string.IsNullOrEmpty(w.Text)))
                {
                    var kind = word.Type == ChangeType.Unchanged ? DiffKind.Unchanged : change;
                    if (spans.Count > 0 && spans[^1].Kind == kind)
                    {
                        spans[^1] = spans[^1] with { Text = spans[^1].Text + word.Text };
                    }
                    else
                    {
                        spans.Add(new DiffSpan(word.Text!, kind));
                    }
                }

                return new DiffLine(spans);
            default:
                return new DiffLine([new DiffSpan(piece.Text ?? "", change)]);
        }
    }

    /// <summary>
    /// Splits a line into the units a reader sees change: a whole tag, an entity, a word (letters with
    /// their tone marks, digits), a run of white space, or one punctuation mark.
    /// </summary>
    private sealed partial class HtmlWordChunker : IChunker
    {
        public static readonly HtmlWordChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Token().Matches(text).Select(m => m.Value).ToList();

        [GeneratedRegex(@"<[^<>]*>|&#?[A-Za-z0-9]+;|[\p{L}\p{M}\p{N}]+|\s+|.", RegexOptions.Singleline)]
        private static partial Regex Token();
    }
}
