namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>Theme frequencies of one open question over the coded answers, with de-identified representative quotes.</summary>
public sealed record OpenQuestionThemes(string QuestionId, string QuestionText, int Answers, int Coded, IReadOnlyList<ThemeFrequency> Themes);

/// <summary>How many coded answers carry a theme, with up to three representative quotes (gemeente and place names removed).</summary>
public sealed record ThemeFrequency(string Code, string Label, int Count, IReadOnlyList<string> Quotes);
