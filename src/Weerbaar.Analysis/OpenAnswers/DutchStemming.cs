using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using SnowballDutchStemmer = Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer;

namespace Weerbaar.Analysis.OpenAnswers;

/// <summary>A stemmed word of a text, with where it stands in the original text.</summary>
/// <param name="Stem">The stem (lower case, without diacritics).</param>
/// <param name="Start">Offset of the original word in the text.</param>
/// <param name="End">Offset just after the original word.</param>
public readonly record struct StemToken(string Stem, int Start, int End);

/// <summary>
/// Dutch stemming with a Lucene.Net 4.8 filter chain: StandardTokenizer → LowerCaseFilter → StopFilter (Lucene's
/// Dutch stop words, <see cref="DutchAnalyzer.DefaultStopSet"/>) → ASCIIFoldingFilter (so "continuïteit" and
/// "continuiteit" are one word) → StemmerOverrideFilter (the codebook's corrections) → SnowballFilter with the
/// Snowball Dutch stemmer. This is <see cref="DutchAnalyzer"/>'s chain with diacritic folding added and its
/// built-in override dictionary replaced by the codebook's.
/// </summary>
public static class DutchStemming
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The stems of <paramref name="text"/>, in order, stop words left out.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="overrides">Word → stem corrections applied before the stemmer (keys are folded and lower-cased
    /// here); null for none.</param>
    public static IReadOnlyList<StemToken> Analyze(string text, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var analyzer = Create(overrides);
        var tokens = new List<StemToken>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new StemToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>Lower case without diacritics, as the chain sees a word before stemming.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var chars = word.ToLowerInvariant().ToCharArray();
        var output = new char[chars.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(chars, 0, output, 0, chars.Length);
        return new string(output, 0, length);
    }

    private static Analyzer Create(IReadOnlyDictionary<string, string>? overrides)
    {
        StemmerOverrideFilter.StemmerOverrideMap? map = null;
        if (overrides is { Count: > 0 })
        {
            var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
            foreach (var (word, stem) in overrides)
            {
                builder.Add(Fold(word), Fold(stem));
            }

            map = builder.Build();
        }

        return Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new LowerCaseFilter(Version, source);
            result = new StopFilter(Version, result, DutchAnalyzer.DefaultStopSet);
            result = new ASCIIFoldingFilter(result);
            if (map is not null)
            {
                result = new StemmerOverrideFilter(result, map);
            }

            result = new SnowballFilter(result, new SnowballDutchStemmer());
            return new TokenStreamComponents(source, result);
        });
    }
}
