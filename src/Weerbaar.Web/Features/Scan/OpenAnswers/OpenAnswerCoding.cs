namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>
/// One researcher's themes for one open answer (O1–O4) of one response. Two researchers coding the same answer give
/// two rows, which is what Cohen's κ compares. Who coded it and when is kept; the keyword suggestion at the time is
/// kept too, so a report can say how often researchers changed the suggestion.
/// </summary>
public sealed class OpenAnswerCoding
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid ResponseId { get; set; }
    public required string QuestionId { get; set; }
    public required string CoderId { get; set; }
    public required string CoderName { get; set; }
    /// <summary>Theme codes from the codebook (ThemeCodebook); empty = coded as "no theme".</summary>
    public List<string> Themes { get; set; } = [];
    public List<string> Suggested { get; set; } = [];
    public DateTimeOffset CodedAt { get; set; }
}
