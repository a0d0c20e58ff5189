using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Tests.Scan;

public sealed class AnswerValidatorTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static List<AnswerError> Check(Dictionary<string, string?> answers, int? part = null)
        => AnswerValidator.Validate(Scan, AnswerValidator.Normalize(answers), part);

    private static Dictionary<string, string?> Ranks(params int[] ranks)
        => new[] { "EC", "CO", "VV", "SW", "ZR", "SO" }.Select((p, i) => (p, i)).ToDictionary(x => $"{x.p}_rank", x => (string?)ranks[x.i].ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Valid_answers_pass_and_empty_means_not_answered()
    {
        var answers = new Dictionary<string, string?>
        {
            ["B1"] = "3",
            ["B2"] = "WN",
            ["B3"] = " ",
            ["I4"] = "OOV|ANDERS",
            ["I4_anders"] = "Griffie",
            ["EC_score"] = "7",
            ["O1"] = "Capaciteit.",
        };
        foreach (var (k, v) in Ranks(2, 1, 3, 4, 6, 5))
        {
            answers[k] = v;
        }
        Assert.Empty(Check(answers));
        Assert.False(AnswerValidator.Normalize(answers).ContainsKey("B3"));
    }

    [Theory]
    [InlineData("B1", "6", "geen geldig antwoord")]
    [InlineData("B1", "drie", "geen geldig antwoord")]
    [InlineData("EC_score", "11", "van 1 tot en met 10")]
    [InlineData("EC_score", "0", "van 1 tot en met 10")]
    [InlineData("EC_score", "7.5", "van 1 tot en met 10")]
    [InlineData("I4", "OOV|FOUT", "Onbekende code(s) 'FOUT'")]
    [InlineData("I4", "NIET|OOV", "kan niet samen")]
    [InlineData("I4", "OOV|OOV", "meer dan eens")]
    [InlineData("ONBEKEND", "1", "Onbekende vraag")]
    public void Invalid_answers_are_named_per_question(string question, string value, string message)
    {
        var errors = Check(new Dictionary<string, string?> { [question] = value });
        var error = Assert.Single(errors);
        Assert.Equal(question, error.Question);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anders_text_only_with_ANDERS()
    {
        var errors = Check(new Dictionary<string, string?> { ["I4"] = "OOV", ["I4_anders"] = "iets" });
        Assert.Equal("I4_anders", Assert.Single(errors).Question);
        Assert.Empty(Check(new Dictionary<string, string?> { ["I4"] = "ANDERS", ["I4_anders"] = "iets" }));
    }

    [Fact]
    public void Text_longer_than_4000_characters_is_refused()
    {
        var error = Assert.Single(Check(new Dictionary<string, string?> { ["O1"] = new string('a', 4001) }));
        Assert.Contains("4001 tekens", error.Message, StringComparison.Ordinal);
        Assert.Empty(Check(new Dictionary<string, string?> { ["O1"] = new string('a', 4000) }));
    }

    [Fact]
    public void Ranks_are_a_permutation_or_all_empty()
    {
        Assert.Empty(Check(Ranks(6, 5, 4, 3, 2, 1)));
        var duplicate = Check(Ranks(1, 1, 3, 4, 5, 6));
        Assert.Equal("CO_rank", Assert.Single(duplicate).Question);
        Assert.Contains("Positie 1 is ook aan Eigen continuïteit gegeven", duplicate[0].Message, StringComparison.Ordinal);

        var partial = Check(new Dictionary<string, string?> { ["EC_rank"] = "1", ["CO_rank"] = "2" });
        Assert.Equal(["VV_rank", "SW_rank", "ZR_rank", "SO_rank"], partial.Select(e => e.Question));

        var outOfRange = Check(Ranks(1, 2, 3, 4, 5, 7));
        Assert.Equal("SO_rank", Assert.Single(outOfRange).Question);
    }

    [Fact]
    public void A_page_save_accepts_only_questions_of_that_part()
    {
        Assert.Empty(Check(new Dictionary<string, string?> { ["B1"] = "4" }, part: 1));
        var error = Assert.Single(Check(new Dictionary<string, string?> { ["O1"] = "tekst" }, part: 1));
        Assert.Contains("hoort niet bij deel 1", error.Message, StringComparison.Ordinal);
    }
}
