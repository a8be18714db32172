using System.Text;
using System.Text.Json;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;

namespace NewsroomCms.Tests.Authoring;

public sealed class RevisionDiffTests
{
    private const string Body = """
        <p>Sáng 17/1, UBND tỉnh tổ chức hội nghị giao ban trực tuyến.</p>
        <p>Hội nghị được kết nối đến các huyện, thị xã.</p>
        <p>Các đại biểu thống nhất kế hoạch năm 2024.</p>
        """;

    [Fact]
    public void TheSameRevisionHasNoChanges()
    {
        var diff = RevisionDiff.Between(Revision(), Revision());

        Assert.Empty(diff.ChangedFields);
        Assert.All(diff[RevisionField.Body].Rows, row => Assert.False(row.Changed));
        Assert.Equal(3, diff[RevisionField.Body].Rows.Count);
    }

    [Fact]
    public void TheSameTextTypedDecomposedIsNotAChange()
    {
        var decomposed = Revision(title: "Hội nghị giao ban".Normalize(NormalizationForm.FormD), body: Body.Normalize(NormalizationForm.FormD));

        var diff = RevisionDiff.Between(Revision(title: "Hội nghị giao ban"), decomposed);

        Assert.Empty(diff.ChangedFields);
    }

    [Fact]
    public void AChangedVietnameseWordInASentenceIsOneWordLevelChange()
    {
        var newer = Revision(body: Body.Replace("được kết nối", "đã kết nối", StringComparison.Ordinal));

        var diff = RevisionDiff.Between(Revision(), newer);

        var changed = Assert.Single(diff[RevisionField.Body].Rows, r => r.Changed);
        Assert.Equal([new DiffSpan("được", DiffKind.Deleted)], changed.Older!.Spans.Where(s => s.Kind != DiffKind.Unchanged));
        Assert.Equal([new DiffSpan("đã", DiffKind.Inserted)], changed.Newer!.Spans.Where(s => s.Kind != DiffKind.Unchanged));
        Assert.Equal("<p>Hội nghị ", changed.Newer.Spans[0].Text);
        Assert.Equal([RevisionField.Body], diff.ChangedFields);
    }

    [Fact]
    public void AWordMadeBoldIsAMarkupChange()
    {
        var newer = Revision(body: Body.Replace("kế hoạch", "<strong>kế hoạch</strong>", StringComparison.Ordinal));

        var diff = RevisionDiff.Between(Revision(), newer);

        var changed = Assert.Single(diff[RevisionField.Body].Rows, r => r.Changed);
        Assert.False(changed.Older!.Changed);
        Assert.Equal(["<strong>", "</strong>"], changed.Newer!.Spans.Where(s => s.Kind == DiffKind.Inserted).Select(s => s.Text));
        var html = changed.Newer.ToHtml("đã xóa:", "đã thêm:").ToString();
        Assert.Contains("<ins><span class=\"visually-hidden\">đã thêm: </span>&lt;strong&gt;</ins>kế hoạch<ins>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedLinkTargetShowsTheOldAndTheNewTag()
    {
        var older = Revision(body: "<p>Xem <a href=\"https://baotinh.vn/bai-viet/a\">bài trước</a>.</p>");
        var newer = Revision(body: "<p>Xem <a href=\"https://baotinh.vn/bai-viet/b\">bài trước</a>.</p>");

        var row = Assert.Single(RevisionDiff.Between(older, newer)[RevisionField.Body].Rows);

        Assert.Equal([new DiffSpan("<a href=\"https://baotinh.vn/bai-viet/a\">", DiffKind.Deleted)], row.Older!.Spans.Where(s => s.Kind != DiffKind.Unchanged));
        Assert.Equal([new DiffSpan("<a href=\"https://baotinh.vn/bai-viet/b\">", DiffKind.Inserted)], row.Newer!.Spans.Where(s => s.Kind != DiffKind.Unchanged));
    }

    [Fact]
    public void AnAddedParagraphIsOnlyOnTheNewerSide()
    {
        var newer = Revision(body: Body + "\n<p>Đoạn mới thêm.</p>");

        var rows = RevisionDiff.Between(Revision(), newer)[RevisionField.Body].Rows;

        var added = Assert.Single(rows, r => r.Changed);
        Assert.Null(added.Older);
        Assert.Equal([new DiffSpan("<p>Đoạn mới thêm.</p>", DiffKind.Inserted)], added.Newer!.Spans);
    }

    [Fact]
    public void HtmlInTheArticleIsShownAsTextAndNeverAsMarkup()
    {
        var older = Revision(title: "Tiêu đề <b>đậm</b>", body: "<p>Đoạn một.</p>");
        var newer = Revision(title: "Tiêu đề <img src=x onerror=alert(1)>", body: "<p>Đoạn một.</p>\n<script>alert('xss')</script>\n<p onclick=\"steal()\">Đoạn \"hai\" & ba</p>");

        var diff = RevisionDiff.Between(older, newer);
        var html = string.Concat(diff.Fields.SelectMany(f => f.Rows).SelectMany(r => new[] { r.Older, r.Newer })
            .Select(line => line?.ToHtml("<script>deleted</script>", "inserted:").ToString()));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<p", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("onclick=&quot;steal()&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&amp; ba", html, StringComparison.Ordinal);
        Assert.Contains("Đoạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSummaryNamesEveryChangedFieldAndOnlyThose()
    {
        var older = Revision();
        var newer = Revision(
            sapo: "Sapo mới.",
            section: "Kinh tế",
            tags: ["Giao ban", "Nông thôn mới"],
            authors: ["Minh Đức", "Trường Hà"],
            alt: "Quang cảnh hội nghị");

        var diff = RevisionDiff.Between(older, newer);

        Assert.Equal([RevisionField.Sapo, RevisionField.Section, RevisionField.Tags, RevisionField.Byline, RevisionField.AltText], diff.ChangedFields);
        var tags = Assert.Single(diff[RevisionField.Tags].Rows);
        Assert.Equal("Nông thôn mới", string.Concat(tags.Newer!.Spans.Where(s => s.Kind == DiffKind.Inserted).Select(s => s.Text)).Trim(' ', ','));
    }

    private static ArticleRevision Revision(
        string title = "Hội nghị giao ban trực tuyến",
        string sapo = "Sáng 17/1, UBND tỉnh tổ chức hội nghị.",
        string body = Body,
        string section = "Thời sự",
        string[]? tags = null,
        string[]? authors = null,
        string? alt = null) => new()
        {
            Number = 1,
            Title = title,
            Slug = "hoi-nghi-giao-ban-truc-tuyen",
            Sapo = sapo,
            Body = body,
            MetadataJson = JsonSerializer.Serialize(new RevisionMetadata(
                section,
                tags ?? ["Giao ban"],
                (authors ?? ["Minh Đức"]).Select((name, i) => new RevisionAuthor(i + 1, name)).ToList(),
                FeaturedImageId: null,
                FeaturedImageCaption: "Quang cảnh",
                FeaturedImageCredit: "Minh Đức",
                FeaturedImageAlt: alt)),
        };
}
