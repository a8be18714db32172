using System.Globalization;
using System.Text;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Hosting.Generation;

/// <summary>A generated article's text: title, sapo (plain) and body (HTML of &lt;p&gt;, &lt;h2&gt; and &lt;blockquote&gt;).</summary>
internal sealed record GeneratedText(string Title, string Sapo, string Body);

/// <summary>
/// Makes article text from <see cref="NewsVocabulary"/> with one <see cref="Random"/>, so a seed always
/// gives the same text. Word counts are what <see cref="ArticleText.CountWords"/> counts (a Vietnamese
/// syllable is a word): titles 8–15, sapos 40–70, bodies 500–2,000, exactly as drawn.
/// </summary>
internal sealed class ArticleTextGenerator
{
    public const int TitleMinWords = 8;
    public const int TitleMaxWords = 15;
    public const int SapoMinWords = 40;
    public const int SapoMaxWords = 70;
    public const int BodyMinWords = 500;
    public const int BodyMaxWords = 2000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The share of a sentence's words that are its section's.</summary>
    private const double TopicShare = 0.22;

    // Flatter than 1/rank: with 1/rank the first word ("của") would be one word in seven.
    private static readonly WeightedWords Common = new(NewsVocabulary.Common, exponent: 0.7);
    private static readonly WeightedWords Rare = new(NewsVocabulary.Rare, exponent: 1.2);

    /// <summary>Fills the last one or two words of a sentence when a phrase would not fit.</summary>
    private static readonly WeightedWords OneWord = new(NewsVocabulary.Common.Where(w => ArticleText.CountWords(w) == 1).ToArray(), exponent: 0.7);

    private static readonly Dictionary<string, WeightedWords> BySection =
        NewsVocabulary.BySection.ToDictionary(s => s.Key, s => new WeightedWords(s.Value, exponent: 0.8), StringComparer.Ordinal);

    private readonly Random _random;

    /// <summary>The text being made, reused from one article to the next: the generator makes a million.</summary>
    private readonly StringBuilder _text = new(16 * 1024);

    public ArticleTextGenerator(Random random) => _random = random;

    /// <summary>The text of one article of <paramref name="section"/> (a key of <see cref="NewsVocabulary.BySection"/>).</summary>
    public GeneratedText Next(string section)
    {
        var topic = BySection[section];
        _text.Clear();
        CapitalizedWords(topic, _random.Next(TitleMinWords, TitleMaxWords + 1), topicShare: 0.45);
        var title = Take();
        Sentence(topic, _random.Next(SapoMinWords, SapoMaxWords + 1), withLead: true);
        var sapo = Take();
        Body(topic, BodyWordCount());
        return new GeneratedText(title, sapo, Take());
    }

    /// <summary>A short sentence for a photo caption.</summary>
    public string Caption(string section)
    {
        _text.Clear();
        Sentence(BySection[section], _random.Next(8, 16), withLead: false);
        return Take();
    }

    private string Take()
    {
        var text = _text.ToString();
        _text.Clear();
        return text;
    }

    /// <summary>Mostly 600–1,200 words, some short news items and some long features.</summary>
    private int BodyWordCount()
    {
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.15 => _random.Next(BodyMinWords, 600),
            < 0.85 => _random.Next(600, 1200),
            _ => _random.Next(1200, BodyMaxWords + 1),
        };
    }

    private void Body(WeightedWords topic, int words)
    {
        var left = words;
        var paragraphs = 0;
        while (left > 0)
        {
            // A subheading now and then, never first and never last.
            if (paragraphs > 0 && paragraphs % 5 == 0 && left > 120)
            {
                var heading = _random.Next(5, 11);
                _text.Append("<h2>");
                CapitalizedWords(topic, heading, topicShare: 0.4);
                _text.Append("</h2>\n");
                left -= heading;
            }

            var size = Math.Min(left, _random.Next(40, 121));
            if (left - size < 20)
            {
                size = left;
            }

            if (paragraphs > 0 && _random.NextDouble() < 0.08 && size >= 25)
            {
                _text.Append("<blockquote><p>");
                Quote(topic, size);
                _text.Append("</p></blockquote>\n");
            }
            else
            {
                _text.Append("<p>");
                Paragraph(topic, size);
                _text.Append("</p>\n");
            }

            left -= size;
            paragraphs++;
        }
    }

    private void Paragraph(WeightedWords topic, int words)
    {
        var left = words;
        var first = true;
        while (left > 0)
        {
            var size = Math.Min(left, _random.Next(10, 31));
            if (left - size < 6)
            {
                size = left;
            }

            if (!first)
            {
                _text.Append(' ');
            }

            Sentence(topic, size, withLead: first && _random.NextDouble() < 0.15);
            first = false;
            left -= size;
        }
    }

    /// <summary>“…”, ông X, Giám đốc Y cho biết. Quote marks and the speaker count as words as readers count them.</summary>
    private void Quote(WeightedWords topic, int words)
    {
        var speaker = NewsVocabulary.Speakers[_random.Next(NewsVocabulary.Speakers.Length)] + " cho biết";
        var spoken = words - ArticleText.CountWords(speaker);
        _text.Append('“');
        Sentence(topic, spoken, withLead: false);
        _text.Length--; // the full stop
        _text.Append("”, ").Append(speaker).Append('.');
    }

    /// <summary>A capitalized sentence of exactly <paramref name="words"/> words ending with a full stop.</summary>
    private void Sentence(WeightedWords topic, int words, bool withLead)
    {
        var start = _text.Length;
        var rest = words;
        if (withLead)
        {
            var day = _random.Next(1, 29);
            var month = _random.Next(1, 13);
            var when = NewsVocabulary.TimesOfDay[_random.Next(NewsVocabulary.TimesOfDay.Length)];
            var lead = _random.NextDouble() < 0.5
                ? $"{when} {day}/{month}, tại xã {NewsVocabulary.Places[_random.Next(NewsVocabulary.Places.Length)]}, "
                : $"{when} {day}/{month}, ";
            _text.Append(lead);
            rest -= ArticleText.CountWords(lead);
        }

        if (rest >= 12 && _random.NextDouble() < 0.5)
        {
            // Two clauses joined by a comma.
            Words(topic, rest / 2, TopicShare);
            _text.Append(", ");
            Words(topic, rest - rest / 2, TopicShare);
        }
        else
        {
            Words(topic, rest, TopicShare);
        }

        Capitalize(start);
        _text.Append('.');
    }

    private void CapitalizedWords(WeightedWords topic, int count, double topicShare)
    {
        var start = _text.Length;
        Words(topic, count, topicShare);
        Capitalize(start);
    }

    /// <summary>
    /// Exactly <paramref name="count"/> words: mostly common ones, a share of the section's, a few rare ones,
    /// now and then a number (never first, so that titles and sentences start with a capital).
    /// </summary>
    private void Words(WeightedWords topic, int count, double topicShare)
    {
        var start = _text.Length;
        var left = count;
        var previous = "";
        while (left > 0)
        {
            var roll = _random.NextDouble();
            var word = roll < topicShare ? topic.Next(_random)
                : roll < topicShare + 0.01 ? Rare.Next(_random)
                : roll < topicShare + 0.03 && _text.Length > start ? Number()
                : Common.Next(_random);
            if (word.Text == previous)
            {
                // "của của" reads as a typo.
                word = Common.Next(_random);
            }

            if (word.Words > left || word.Text == previous)
            {
                word = OneWord.Next(_random);
            }

            previous = word.Text;

            if (_text.Length > start)
            {
                _text.Append(' ');
            }

            _text.Append(word.Text);
            left -= word.Words;
        }
    }

    private Word Number()
    {
        var roll = _random.NextDouble();
        var text = roll switch
        {
            < 0.3 => _random.Next(2, 100).ToString(CultureInfo.InvariantCulture),
            < 0.5 => _random.Next(100, 10_000).ToString(CultureInfo.InvariantCulture),
            < 0.75 => _random.Next(1, 100).ToString(CultureInfo.InvariantCulture) + "%",
            _ => _random.Next(2010, 2031).ToString(CultureInfo.InvariantCulture),
        };
        return new Word(text, 1);
    }

    /// <summary>Upper-cases the first letter of the text from <paramref name="start"/> on.</summary>
    private void Capitalize(int start)
    {
        if (_text.Length > start && !char.IsUpper(_text[start]))
        {
            _text[start] = char.ToUpper(_text[start], Vietnamese);
        }
    }

    private readonly record struct Word(string Text, int Words);

    /// <summary>Words drawn with Zipf weights 1/rank^exponent: the first of the list most often.</summary>
    private sealed class WeightedWords
    {
        private readonly Word[] _words;
        private readonly double[] _cumulative;

        public WeightedWords(IReadOnlyList<string> words, double exponent)
        {
            _words = words.Select(w => new Word(w, ArticleText.CountWords(w))).ToArray();
            _cumulative = new double[_words.Length];
            var total = 0.0;
            for (var rank = 0; rank < _words.Length; rank++)
            {
                total += 1 / Math.Pow(rank + 1, exponent);
                _cumulative[rank] = total;
            }

            for (var rank = 0; rank < _cumulative.Length; rank++)
            {
                _cumulative[rank] /= total;
            }
        }

        /// <summary>The first word whose cumulative weight reaches a uniform draw (a binary search written out: millions of calls).</summary>
        public Word Next(Random random)
        {
            var roll = random.NextDouble();
            var cumulative = _cumulative;
            int low = 0, high = cumulative.Length - 1;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (cumulative[middle] < roll)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return _words[low];
        }
    }
}
