using System.Text;
using System.Text.RegularExpressions;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Tests.Search;

public sealed partial class SearchTextTests
{
    private const string HoiNghi = "Hội nghị giao ban";

    [Theory]
    [InlineData("Hội nghị giao ban", "hoi nghi giao ban")]
    [InlineData("HỘI NGHỊ GIAO BAN", "hoi nghi giao ban")]
    [InlineData("Đồng Nai", "dong nai")]
    [InlineData("ĐẢNG BỘ TỈNH", "dang bo tinh")]
    [InlineData("\u00D0à Lạt", "da lat")]
    [InlineData("\u00F0ường", "duong")]
    [InlineData("ｈｏｉ ｎｇｈｉ", "hoi nghi")]
    [InlineData("KT - XH: 7,2%", "kt - xh: 7,2%")]
    public void FoldRemovesMarksAndCaseAndMapsDStroke(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void DecomposedTextFoldsAndStaysExactLikePrecomposedText()
    {
        var decomposed = HoiNghi.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(HoiNghi, decomposed);

        Assert.Equal(SearchText.Fold(HoiNghi), SearchText.Fold(decomposed));
        Assert.Equal("hội nghị giao ban", SearchText.Exact(decomposed));
    }

    [Theory]
    [InlineData("HỘI NGHỊ", "hội nghị")]
    [InlineData("\u00D0ồng Nai", "đồng nai")]
    [InlineData("Bàn", "bàn")]
    public void ExactKeepsMarksInLowerCase(string text, string expected) =>
        Assert.Equal(expected, SearchText.Exact(text));

    [Theory]
    [InlineData("KT - XH: “tăng trưởng” 7,2%!", new[] { "KT", "XH", "tăng", "trưởng", "7", "2" })]
    [InlineData("COVID-19", new[] { "COVID", "19" })]
    [InlineData("a😀b", new[] { "a", "b" })]
    [InlineData("𝐀𝐁 cd", new[] { "𝐀𝐁", "cd" })]
    [InlineData("tab\tand\nlines", new[] { "tab", "and", "lines" })]
    [InlineData("½ ²", new[] { "½", "²" })]
    [InlineData("…—–", new string[0])]
    public void TokenizeSplitsOnEverythingButLettersAndDigits(string text, string[] words) =>
        Assert.Equal(words, SearchText.Words(text));

    [Fact]
    public void ALoneSurrogateSeparatesWords() =>
        Assert.Equal(["ab", "cd"], SearchText.Words("ab\uD800cd"));

    [Fact]
    public void EachWordIsATermAndTheQueryMatchesTheFoldedColumns()
    {
        var query = SearchText.Parse("  hoi  nghi giao ban ");

        Assert.Equal(SearchProblem.None, query.Problem);
        Assert.Equal("hoi nghi giao ban", query.Text);
        Assert.Equal("{title body}: (\"hoi\" AND \"nghi\" AND \"giao\" AND \"ban\")", query.Fts5Match);
        Assert.Equal("{title}: (\"hoi\" AND \"nghi\" AND \"giao\" AND \"ban\")", query.Fts5TitleMatch);
        Assert.Equal("\"hoi\" AND \"nghi\" AND \"giao\" AND \"ban\"", query.ContainsCondition);
        Assert.False(query.HasMarks);
    }

    [Theory]
    [InlineData("hoi nghi giao ban")]
    [InlineData("Hội nghị giao ban")]
    [InlineData("HỘI NGHỊ GIAO BAN")]
    [InlineData("hỘi NghỊ GIAO bAn")]
    public void QueriesWithAndWithoutMarksMatchTheSameFoldedWords(string typed) =>
        Assert.Equal(SearchText.Parse("hoi nghi giao ban").Fts5Match, SearchText.Parse(typed).Fts5Match);

    [Fact]
    public void ADecomposedQueryIsTheSameAsAPrecomposedOne()
    {
        var precomposed = SearchText.Parse("Đồng Nai");
        var decomposed = SearchText.Parse("Đồng Nai".Normalize(NormalizationForm.FormD));
        var eth = SearchText.Parse("\u00D0ồng Nai");

        Assert.Equal(precomposed.Text, decomposed.Text);
        Assert.Equal(precomposed.Fts5ExactMatch, decomposed.Fts5ExactMatch);
        Assert.Equal(precomposed.Fts5ExactMatch, eth.Fts5ExactMatch);
        Assert.Equal("Đồng Nai", eth.Text);
    }

    [Fact]
    public void OnlyWordsTypedWithMarksAreMatchedExactly()
    {
        var query = SearchText.Parse("Đồng Nai bàn giao");

        Assert.True(query.HasMarks);
        Assert.Equal(
            "{title body}: (\"dong\" AND \"nai\" AND \"ban\" AND \"giao\") AND {title_exact body_exact}: (\"đồng\" AND \"bàn\")",
            query.Fts5ExactMatch);
        Assert.Equal("\"đồng\" AND \"bàn\"", query.ContainsExactCondition);
        var plain = SearchText.Parse("dong nai");
        Assert.Equal(plain.Fts5Match, plain.Fts5ExactMatch);
        Assert.Equal(plain.ContainsCondition, plain.ContainsExactCondition);
    }

    [Theory]
    [InlineData("\"hội nghị\" giao ban", "(\"hoi nghi\" AND \"giao\" AND \"ban\")")]
    [InlineData("“hội nghị” giao ban", "(\"hoi nghi\" AND \"giao\" AND \"ban\")")]
    [InlineData("giao \"hội nghị", "(\"giao\" AND \"hoi nghi\")")]
    [InlineData("KT-XH 7,2%", "(\"kt xh\" AND \"7 2\")")]
    [InlineData("hà nội Hà Nội HÀ NỘI", "(\"ha\" AND \"noi\")")]
    public void PhrasesInQuotesOrJoinedByPunctuationStayPhrases(string typed, string expected) =>
        Assert.Equal("{title body}: " + expected, SearchText.Parse(typed).Fts5Match);

    [Theory]
    [InlineData("\"", SearchProblem.NoWords)]
    [InlineData("\"\"", SearchProblem.NoWords)]
    [InlineData("*", SearchProblem.NoWords)]
    [InlineData("?!…“”()", SearchProblem.NoWords)]
    [InlineData("😀🇻🇳", SearchProblem.NoWords)]
    [InlineData("", SearchProblem.Empty)]
    [InlineData("   \t\n ", SearchProblem.Empty)]
    [InlineData(null, SearchProblem.Empty)]
    public void QueriesWithoutWordsAreAProblemNotASearch(string? typed, SearchProblem problem)
    {
        var query = SearchText.Parse(typed);

        Assert.Equal(problem, query.Problem);
        Assert.Empty(query.Terms);
    }

    [Fact]
    public void TooLongQueriesAreAProblemAndShownShortened()
    {
        var tooLong = SearchText.Parse(new string('a', 10_000));
        Assert.Equal(SearchProblem.TooLong, tooLong.Problem);
        Assert.Equal(SearchText.MaxQueryLength, tooLong.Text.Length);
        Assert.Equal(SearchProblem.None, SearchText.Parse(new string('a', SearchText.MaxQueryLength)).Problem);
        Assert.Equal(SearchProblem.TooLong, SearchText.Parse(new string('a', SearchText.MaxQueryLength + 1)).Problem);
    }

    [Fact]
    public void DecomposedTextCountsItsLengthPrecomposed()
    {
        // One phrase of 20 × "Hội nghị ": 181 characters precomposed, 241 decomposed.
        var text = ("\"" + string.Concat(Enumerable.Repeat("Hội nghị ", 20)) + "\"").Normalize(NormalizationForm.FormD);
        Assert.True(text.Length > SearchText.MaxQueryLength);

        Assert.Equal(SearchProblem.None, SearchText.Parse(text).Problem);
    }

    [Fact]
    public void ATooLongQueryIsNeverCutInsideASurrogatePair()
    {
        var query = SearchText.Parse(new string('a', SearchText.MaxQueryLength - 1) + "😀😀");

        Assert.Equal(SearchProblem.TooLong, query.Problem);
        Assert.Equal(new string('a', SearchText.MaxQueryLength - 1), query.Text);
    }

    [Fact]
    public void MoreThanTenTermsIsAProblemAPhraseCountsOnce()
    {
        Assert.Equal(SearchProblem.None, SearchText.Parse("một hai ba bốn năm sáu bảy tám chín mười").Problem);
        Assert.Equal(SearchProblem.TooManyTerms, SearchText.Parse("một hai ba bốn năm sáu bảy tám chín mười mười-một").Problem);
        Assert.Equal(SearchProblem.None, SearchText.Parse("\"một hai ba bốn năm sáu bảy tám chín mười\" mười-một").Problem);
    }

    /// <summary>Whatever is typed, the expression is column filters over quoted words and nothing else.</summary>
    [Theory]
    [InlineData("\"")]
    [InlineData("\"hội nghị")]
    [InlineData("hội\"\"nghị")]
    [InlineData("*")]
    [InlineData("hoi*")]
    [InlineData("NEAR(hội nghị, 3)")]
    [InlineData("hội OR nghị")]
    [InlineData("AND OR NOT")]
    [InlineData("-x")]
    [InlineData("a:b")]
    [InlineData("title: hội")]
    [InlineData("{title_exact}: bàn")]
    [InlineData("^hội")]
    [InlineData("(hội) nghị)")]
    [InlineData("hội + nghị")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("😀 hội 😀")]
    [InlineData("\u0000hội\u0001")]
    public void NothingTypedCanChangeTheShapeOfTheIndexQuery(string typed)
    {
        var query = SearchText.Parse(typed);
        if (query.Problem != SearchProblem.None)
        {
            Assert.Equal(SearchProblem.NoWords, query.Problem);
            return;
        }

        Assert.Matches(Fts5Shape(), query.Fts5Match);
        Assert.Matches(Fts5Shape(), query.Fts5TitleMatch);
        Assert.Matches(ContainsShape(), query.ContainsCondition);
        Assert.All(query.Terms.SelectMany(t => t.Exact.Concat(t.Folded)), word => Assert.Matches(@"^[\p{L}\p{N}]+$", word));
    }

    [Theory]
    [InlineData("NEAR(hội nghị, 3)", "(\"near hoi\" AND \"nghi\" AND \"3\")")]
    [InlineData("NEAR( hội", "(\"near\" AND \"hoi\")")]
    [InlineData("hội OR nghị", "(\"hoi\" AND \"or\" AND \"nghi\")")]
    [InlineData("-x", "(\"x\")")]
    [InlineData("a:b", "(\"a b\")")]
    public void OperatorsAreSearchedAsWords(string typed, string expected) =>
        Assert.Equal("{title body}: " + expected, SearchText.Parse(typed).Fts5Match);

    [Fact]
    public void HighlightMarksEveryWordSearchedWhateverItsMarksOrCase()
    {
        var query = SearchText.Parse("dong nai");

        var parts = SearchText.Highlight("Tỉnh Đồng Nai, đồng nai và ĐỒNG tháp", query.FoldedWords);

        Assert.Equal("Tỉnh [Đồng] [Nai], [đồng] [nai] và [ĐỒNG] tháp", Show(parts));
    }

    [Fact]
    public void ASnippetStartsNearTheFirstMatchAndShowsWhereTextWasLeftOut()
    {
        var before = string.Join(' ', Enumerable.Repeat("Mở đầu bài viết dài.", 30));
        var after = string.Join(' ', Enumerable.Repeat("Phần sau của bài.", 30));
        var text = before + " Hội nghị giao ban diễn ra sáng nay. " + after;

        var snippet = Show(SearchText.Snippet(text, SearchText.Parse("hoi nghi").FoldedWords, 120));

        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("[Hội] [nghị] giao ban", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 60, 140);
        Assert.DoesNotContain("Mở đầu bài viết dài. Mở đầu bài viết dài. Mở đầu bài viết dài.", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnippetWithoutAMatchIsTheBeginningOfTheText()
    {
        var text = string.Join(' ', Enumerable.Repeat("Lúa Đông Xuân được mùa.", 30));

        var snippet = Show(SearchText.Snippet(text, SearchText.Parse("khong co").FoldedWords, 100));

        Assert.StartsWith("Lúa Đông Xuân", snippet, StringComparison.Ordinal);
        Assert.EndsWith("Lúa …", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= 102);
    }

    [Fact]
    public void AShortTextIsShownWhole() =>
        Assert.Equal("Giá [lúa] tăng.", Show(SearchText.Snippet("Giá lúa tăng.", SearchText.Parse("lua").FoldedWords)));

    [Fact]
    public void TheDocumentHoldsTheTitleAndSapoBodyTagsAndPenNamesInBothForms()
    {
        var document = SearchText.Document(
            "Hội nghị giao ban",
            "Sáng 17/1, UBND tỉnh họp.",
            "<p>Đồng Nai &amp; <strong>Bình Dương</strong></p><p>&lt;script&gt;</p>",
            ["KT - XH"],
            ["Minh Đức"]);

        Assert.Equal("hoi nghi giao ban", document.Title);
        Assert.Equal("hội nghị giao ban", document.TitleExact);
        Assert.Equal("sang 17/1, ubnd tinh hop. \ndong nai & binh duong <script> \nkt - xh \nminh duc", document.Body);
        Assert.Equal("sáng 17/1, ubnd tỉnh họp. \nđồng nai & bình dương <script> \nkt - xh \nminh đức", document.BodyExact);
    }

    [Fact]
    public void TheDocumentListsTheTagsByNameWhateverOrderTheyCameIn()
    {
        string[] tags = ["Đường sắt", "giao thông", "An toàn", "Giao thông"];

        var given = SearchText.Document("Tiêu đề", "", "", tags, ["Minh Đức", "An Nhiên"]);
        var reversed = SearchText.Document("Tiêu đề", "", "", tags.Reverse(), ["Minh Đức", "An Nhiên"]);

        // Ordinal: "Giao" before "giao", Đ (U+0110) after every ASCII letter; pen names keep the byline's order.
        Assert.Equal("an toàn \ngiao thông \ngiao thông \nđường sắt \nminh đức \nan nhiên", given.BodyExact);
        Assert.Equal(given, reversed);
    }

    /// <summary>Every letter of Vietnamese, both cases, with most of the punctuation of its copy.</summary>
    private const string VietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
        + "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ"
        + "fjwzFJWZ0123456789 \n\t.,;:!?%/()-–—“”‘’\"'";

    [Fact]
    public void VietnameseCopyTakesTheTableWay()
    {
        Assert.NotNull(SearchText.CharMaps.Fold.TryMap(VietnameseLetters));
        Assert.NotNull(SearchText.CharMaps.Exact.TryMap(VietnameseLetters));
        Assert.Null(SearchText.CharMaps.Fold.TryMap(HoiNghi.Normalize(NormalizationForm.FormD)));
    }

    /// <summary>
    /// The table holds each character's result the general way; what makes it right for whole texts is
    /// that no two of its characters act on each other. Thousands of random texts of them say so.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheTableWayGivesWhatTheGeneralWayGivesForAnyTextOfItsCharacters(bool fold)
    {
        var map = fold ? SearchText.CharMaps.Fold : SearchText.CharMaps.Exact;
        Func<string, string> general = fold ? SearchText.FoldOfAnyText : SearchText.ExactOfAnyText;
        var characters = map.Mapped.ToArray();
        Assert.Contains('ệ', characters);
        Assert.Contains('Đ', characters);
        Assert.Contains('\u00D0', characters);
        var random = new Random(6);
        var texts = new List<string> { new(characters), new([.. characters.Reverse()]), VietnameseLetters };
        for (var n = 0; n < 5000; n++)
        {
            texts.Add(string.Create(random.Next(1, 12), random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = characters[r.Next(characters.Length)];
                }
            }));
        }

        Assert.All(texts, text => Assert.Equal(general(text), map.TryMap(text)));
        Assert.All(texts, text => Assert.Equal(general(text), fold ? SearchText.Fold(text) : SearchText.Exact(text)));
    }

    [Theory]
    [InlineData("Hội nghị \u0301a")]
    [InlineData("a\u0308")]
    [InlineData("ｈｏｉ Hội")]
    [InlineData("ﬁ Đà")]
    [InlineData("\u1100\u1161 Hà")]
    [InlineData("Hà😀Nội")]
    [InlineData("Hà Nội…")]
    [InlineData("ab\uD800cd")]
    public void TextWithOtherCharactersTakesTheGeneralWay(string text)
    {
        Assert.Null(SearchText.CharMaps.Fold.TryMap(text));
        Assert.Equal(SearchText.FoldOfAnyText(text), SearchText.Fold(text));
        Assert.Equal(SearchText.ExactOfAnyText(text), SearchText.Exact(text));
    }

    private static string Show(IEnumerable<TextPart> parts) =>
        string.Concat(parts.Select(p => p.IsMatch ? "[" + p.Text + "]" : p.Text));

    [GeneratedRegex("""^\{title(?: body)?\}: \("[\p{L}\p{N} ]+"(?: AND "[\p{L}\p{N} ]+")*\)$""")]
    private static partial Regex Fts5Shape();

    [GeneratedRegex("""^"[\p{L}\p{N} ]+"(?: AND "[\p{L}\p{N} ]+")*$""")]
    private static partial Regex ContainsShape();
}
