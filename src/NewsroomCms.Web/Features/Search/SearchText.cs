using System.Buffers;
using System.Globalization;
using System.Text;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Search;

/// <summary>
/// Vietnamese text as the search index holds it, and a reader's query turned into index queries that no
/// input can break. Pure: no database, so every rule here is unit-tested.
/// </summary>
/// <remarks>
/// The index has two forms of the same text. <see cref="Fold"/> (no tone marks or vowel modifiers, đ → d,
/// lower case) is what matching uses, so "hoi nghi", "Hội nghị" and "HỘI NGHỊ" find the same articles.
/// <see cref="Exact"/> (lower case, marks kept) only ranks: an article with the marks the reader typed comes
/// before one that matches only once marks are removed ("bàn" before "bán"). Both are computed here, in C#,
/// for the index and for the query alike, so text that arrived decomposed (NFD) or with the look-alike Ð
/// is found the same way; the database tokenizer (FTS5 unicode61 with remove_diacritics 0) then only
/// splits words, which <see cref="Tokenize"/> mirrors.
/// </remarks>
public static class SearchText
{
    /// <summary>Longest query searched, in characters (after normalization).</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Most terms in one query: a word, or a phrase in quotes or joined by punctuation ("KT-XH").</summary>
    public const int MaxTerms = 10;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Quotes that delimit a phrase: straight and the curly ones Vietnamese copy uses.</summary>
    private static readonly char[] Quotes = ['"', '“', '”', '„'];

    /// <summary>Lower-case NFC with tone marks, Ð made Đ: the <c>*_exact</c> columns.</summary>
    public static string Exact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : CharMaps.Exact.TryMap(text) ?? ExactOfAnyText(text);

    /// <summary>
    /// Lower case without tone marks or vowel modifiers, đ → d: the columns that are matched. Compatibility
    /// forms are unified too (NFKC: full-width letters, ligatures), as readers' keyboards sometimes type them.
    /// </summary>
    public static string Fold(string? text) =>
        string.IsNullOrEmpty(text) ? "" : CharMaps.Fold.TryMap(text) ?? FoldOfAnyText(text);

    /// <summary><see cref="Exact"/> the general way, for any text.</summary>
    internal static string ExactOfAnyText(string text) => VietnameseText.Normalize(text).ToLower(Vietnamese);

    /// <summary><see cref="Fold"/> the general way, for any text.</summary>
    internal static string FoldOfAnyText(string text)
    {
        var compatible = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return VietnameseText.RemoveDiacritics(compatible).ToLower(Vietnamese);
    }

    /// <summary>
    /// Runs of letters and digits (Unicode L*, N* and private use), split exactly where FTS5's unicode61
    /// tokenizer splits: spaces, punctuation, symbols and emoji separate words. Works on runes, so letters
    /// outside the basic plane stay whole.
    /// </summary>
    public static IEnumerable<Range> Tokenize(string text)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            // A lone surrogate decodes as "invalid" and separates words, as it does in the database.
            var valid = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) == OperationStatus.Done;
            if (valid && IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return start..i;
                start = -1;
            }

            i += Math.Max(consumed, 1);
        }

        if (start >= 0)
        {
            yield return start..text.Length;
        }
    }

    /// <summary>The words of <paramref name="text"/>, as strings.</summary>
    public static IEnumerable<string> Words(string text) => Tokenize(text).Select(range => text[range]);

    /// <summary>Reads what a reader typed: words, "phrases in quotes", and the problems worth telling them about.</summary>
    public static SearchQuery Parse(string? input)
    {
        var text = VietnameseText.CleanLine(input);
        if (text.Length == 0)
        {
            return new SearchQuery(text, SearchProblem.Empty, []);
        }

        if (text.Length > MaxQueryLength)
        {
            return new SearchQuery(Shorten(text), SearchProblem.TooLong, []);
        }

        var terms = new List<SearchTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string words)
        {
            var exact = Words(Exact(words)).ToList();
            if (exact.Count > 0 && seen.Add(string.Join(' ', exact)))
            {
                terms.Add(new SearchTerm(exact));
            }
        }

        // Text between quotes is one phrase; an unclosed quote runs to the end. Outside quotes, each run
        // without spaces is one term, so "KT-XH", "3,5" or "a:b" are phrases and "-x" or "NEAR(" just words.
        var segments = text.Split(Quotes);
        for (var s = 0; s < segments.Length; s++)
        {
            if (s % 2 == 1)
            {
                Add(segments[s]);
                continue;
            }

            foreach (var chunk in segments[s].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(chunk);
            }
        }

        var problem = terms.Count switch
        {
            0 => SearchProblem.NoWords,
            > MaxTerms => SearchProblem.TooManyTerms,
            _ => SearchProblem.None,
        };
        return new SearchQuery(text, problem, problem == SearchProblem.None ? terms : []);
    }

    /// <summary>The whole of <paramref name="text"/>, with the searched words marked.</summary>
    public static IReadOnlyList<TextPart> Highlight(string text, IReadOnlySet<string> foldedWords) =>
        Parts(text, 0, text.Length, foldedWords);

    /// <summary>
    /// About <paramref name="length"/> characters of <paramref name="text"/> around the first searched word
    /// (or its beginning when none is there, e.g. when the match was in a tag), cut between words, with "…"
    /// where text was left out and the searched words marked.
    /// </summary>
    public static IReadOnlyList<TextPart> Snippet(string text, IReadOnlySet<string> foldedWords, int length = 240)
    {
        const int contextBefore = 60;
        // Folding is per word, on the public hot path: a match later than this in a very long text (or
        // none, when the match was in a tag) shows the beginning instead.
        const int wordsSearched = 5000;
        // Words are read only up to the first match, then to the end of the snippet: not the whole text.
        var words = new List<Range>();
        var first = -1;
        using var next = Tokenize(text).GetEnumerator();
        while (words.Count < wordsSearched && next.MoveNext())
        {
            words.Add(next.Current);
            if (foldedWords.Contains(Fold(text[next.Current])))
            {
                first = words.Count - 1;
                break;
            }
        }

        var start = 0;
        if (first > 0 && words[first].End.Value > length)
        {
            var from = words[first].Start.Value - contextBefore;
            start = words.First(w => w.Start.Value >= from).Start.Value;
        }

        var end = text.Length;
        if (end - start > length)
        {
            var last = words.LastOrDefault(w => w.Start.Value >= start && w.End.Value <= start + length);
            while (next.MoveNext() && next.Current.End.Value <= start + length)
            {
                last = next.Current;
            }

            end = last.End.Value > start ? last.End.Value : start + length;
        }

        var parts = new List<TextPart>();
        if (start > 0)
        {
            parts.Add(new TextPart("… ", false));
        }

        parts.AddRange(Parts(text, start, end, foldedWords));
        if (end < text.Length)
        {
            parts.Add(new TextPart(" …", false));
        }

        return parts;
    }

    /// <summary>
    /// What the index holds for one article: its title, and its sapo, text, tags and pen names as the body.
    /// Tags have no order of their own: they are listed by name (ordinal), so however they were read, the
    /// same article makes the same row. Pen names keep the byline's order.
    /// </summary>
    public static SearchDocument Document(string title, string sapo, string bodyHtml, IEnumerable<string> tags, IEnumerable<string> penNames)
    {
        var body = string.Join(" \n", new[] { sapo, ArticleText.ToPlainText(bodyHtml) }.Concat(tags.Order(StringComparer.Ordinal)).Concat(penNames).Where(s => !string.IsNullOrWhiteSpace(s)));
        return new SearchDocument(Fold(title), Fold(body), Exact(title), Exact(body));
    }

    private static List<TextPart> Parts(string text, int start, int end, IReadOnlySet<string> foldedWords)
    {
        var parts = new List<TextPart>();
        var at = start;
        foreach (var word in Tokenize(text[start..end]))
        {
            var (from, to) = (start + word.Start.Value, start + word.End.Value);
            if (!foldedWords.Contains(Fold(text[from..to])))
            {
                continue;
            }

            if (from > at)
            {
                parts.Add(new TextPart(text[at..from], false));
            }

            parts.Add(new TextPart(text[from..to], true));
            at = to;
        }

        if (end > at)
        {
            parts.Add(new TextPart(text[at..end], false));
        }

        return parts;
    }

    /// <summary>The first <see cref="MaxQueryLength"/> characters, never half a surrogate pair.</summary>
    private static string Shorten(string text)
    {
        var cut = char.IsHighSurrogate(text[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
        return text[..cut];
    }

    /// <summary>
    /// <see cref="Fold"/> and <see cref="Exact"/> as one table lookup per character, for text made only of
    /// what Vietnamese copy is written with: Latin letters with or without their marks (precomposed), digits,
    /// punctuation and spaces. For those characters both are a mapping character by character: none is a
    /// combining mark, none combines with its neighbours under any normalization form, and lower case is
    /// per character. So a table of each character's result by the general way gives the result of the
    /// general way for the whole text, without normalizing it three times. Indexing a million generated
    /// articles spends a tenth of its time here otherwise. Any other character (a decomposed mark,
    /// full-width letters, Hangul, emoji...) sends the whole text the general way.
    /// </summary>
    internal sealed class CharMaps
    {
        /// <summary>Latin, Latin-1, Latin Extended-A and -B; Latin Extended Additional (ạ...ỹ); General Punctuation (“ ” – …).</summary>
        private static readonly (char First, char Last)[] Blocks = [('\u0000', '\u024F'), ('\u1E00', '\u1EFF'), ('\u2000', '\u206F')];

        private const char Unmapped = '\uFFFF';

        private readonly char[] _map;

        private CharMaps(Func<string, string> general)
        {
            _map = new char[Blocks[^1].Last + 1];
            Array.Fill(_map, Unmapped);
            foreach (var (first, last) in Blocks)
            {
                for (var c = first; c <= last; c++)
                {
                    if (IsSimple(c) && general(c.ToString()) is [var result] && IsSimple(result))
                    {
                        _map[c] = result;
                    }
                }
            }
        }

        public static CharMaps Fold { get; } = new(FoldOfAnyText);

        public static CharMaps Exact { get; } = new(ExactOfAnyText);

        /// <summary>The characters the table has a result for.</summary>
        public IEnumerable<char> Mapped => Enumerable.Range(0, _map.Length).Where(c => _map[c] != Unmapped).Select(c => (char)c);

        /// <summary>The mapped text, or null when a character of it is not in the table.</summary>
        public string? TryMap(string text)
        {
            var map = _map;
            foreach (var c in text)
            {
                if (c >= map.Length || map[c] == Unmapped)
                {
                    return null;
                }
            }

            return string.Create(text.Length, (text, map), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.map[state.text[i]];
                }
            });
        }

        /// <summary>
        /// A character that every normalization form leaves alone and that is not a mark: in these blocks,
        /// no such character combines with the one before it (those that can are marks, or Hangul and
        /// Indic letters outside them).
        /// </summary>
        private static bool IsSimple(char c)
        {
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                return false;
            }

            var text = c.ToString();
            return text.IsNormalized(NormalizationForm.FormC) && text.IsNormalized(NormalizationForm.FormKC);
        }
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}

public enum SearchProblem
{
    None,

    /// <summary>Nothing typed.</summary>
    Empty,

    /// <summary>Only punctuation, symbols or emoji: nothing the index has words for.</summary>
    NoWords,

    /// <summary>Longer than <see cref="SearchText.MaxQueryLength"/>.</summary>
    TooLong,

    /// <summary>More than <see cref="SearchText.MaxTerms"/> terms.</summary>
    TooManyTerms,
}

/// <summary>A word the reader typed, or several that must stand together in this order (a phrase).</summary>
/// <param name="Exact">The words as typed (lower case, tone marks kept).</param>
public sealed record SearchTerm(IReadOnlyList<string> Exact)
{
    public IReadOnlyList<string> Folded { get; } = [.. Exact.Select(SearchText.Fold)];

    /// <summary>The words of this term the reader typed with tone marks, đ or vowel modifiers.</summary>
    public IReadOnlyList<string> Marked { get; } = [.. Exact.Where(word => VietnameseText.RemoveDiacritics(word) != word)];
}

/// <summary>
/// A reader's query, read by <see cref="SearchText.Parse"/>: what to show back, what went wrong, and the
/// index queries. Every term becomes a quoted string in them, and a term only ever holds letters and
/// digits, so nothing a reader types (quotes, *, -, :, ^, parentheses, AND/OR/NOT, NEAR) can change the
/// query's meaning or make it fail: "NOT" is searched as the word "not".
/// </summary>
public sealed class SearchQuery(string text, SearchProblem problem, IReadOnlyList<SearchTerm> terms)
{
    /// <summary>The query as the reader typed it (normalized; cut to the longest allowed when too long).</summary>
    public string Text { get; } = text;

    public SearchProblem Problem { get; } = problem;

    public IReadOnlyList<SearchTerm> Terms { get; } = terms;

    /// <summary>Every folded word of the query, to mark them in titles and snippets.</summary>
    public IReadOnlySet<string> FoldedWords { get; } = terms.SelectMany(t => t.Folded).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the reader typed any tone mark, đ or vowel modifier: only then do exact forms rank.</summary>
    public bool HasMarks => Terms.Any(t => t.Marked.Count > 0);

    /// <summary>FTS5: every term in the title or body (folded).</summary>
    public string Fts5Match => Fts5(FoldedColumns, Terms.Select(t => t.Folded));

    /// <summary>FTS5: every term in the title alone.</summary>
    public string Fts5TitleMatch => Fts5("{title}", Terms.Select(t => t.Folded));

    /// <summary>
    /// FTS5: <see cref="Fts5Match"/>, and each word typed with marks found with those marks (the rest of a
    /// phrase need not be exact). A subset of <see cref="Fts5Match"/>, so never more rows; the same when
    /// nothing was typed with marks.
    /// </summary>
    public string Fts5ExactMatch => HasMarks ? Fts5Match + " AND " + Fts5("{title_exact body_exact}", MarkedWords) : Fts5Match;

    /// <summary>SQL Server CONTAINS condition: every term (on the folded columns).</summary>
    public string ContainsCondition => Contains(Terms.Select(t => t.Folded));

    /// <summary>
    /// SQL Server CONTAINS condition: each word typed with marks (on the exact columns, joined to the
    /// folded match); <see cref="ContainsCondition"/> when nothing was typed with marks.
    /// </summary>
    public string ContainsExactCondition => HasMarks ? Contains(MarkedWords) : ContainsCondition;

    private IEnumerable<IReadOnlyList<string>> MarkedWords =>
        Terms.SelectMany(t => t.Marked).Distinct().Select(word => (IReadOnlyList<string>)[word]);

    private const string FoldedColumns = "{title body}";

    private static string Fts5(string columns, IEnumerable<IReadOnlyList<string>> phrases) =>
        columns + ": (" + string.Join(" AND ", phrases.Select(Quote)) + ")";

    private static string Contains(IEnumerable<IReadOnlyList<string>> phrases) =>
        string.Join(" AND ", phrases.Select(Quote));

    /// <summary>
    /// A phrase in double quotes, the same syntax in FTS5 and in SQL Server's CONTAINS. Words never hold a
    /// quote (they are letters and digits only); doubling would escape one in both.
    /// </summary>
    private static string Quote(IReadOnlyList<string> words) =>
        "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A piece of text to show, marked when it is one of the words searched for.</summary>
public readonly record struct TextPart(string Text, bool IsMatch);

/// <summary>One article's row in the search index.</summary>
public sealed record SearchDocument(string Title, string Body, string TitleExact, string BodyExact);
