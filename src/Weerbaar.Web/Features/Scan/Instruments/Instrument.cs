using System.Text.Json.Serialization;

namespace Weerbaar.Web.Features.Scan.Instruments;

/// <summary>
/// A questionnaire version, read from a JSON file in Features/Scan/Instruments. The file is the contract:
/// question ids and answer codes are what import, export, API and reports use. A version that a round has
/// used never changes; a new version is a new file that names its <see cref="Previous"/> version and, per
/// question, which earlier question it continues (<see cref="Question.MapsTo"/>) for trend comparison.
/// </summary>
public sealed record Instrument(
    string Id,
    string Title,
    string Introduction,
    IReadOnlyDictionary<string, AnswerSet> AnswerSets,
    IReadOnlyList<Part> Parts,
    IReadOnlyList<string>? Columns = null,
    string? Previous = null)
{
    /// <summary>The answer columns of the response file, in codebook order (default: question order).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ColumnOrder => Columns ?? AnswerIds;

    /// <summary>The question that owns an answer field (a ranking item belongs to its ranking question).</summary>
    public Question? QuestionOf(string answerId) => (_owners ??= Questions.SelectMany(q => q.AnswerIds.Select(a => (a, q))).ToDictionary(x => x.a, x => x.q, StringComparer.Ordinal))
        .GetValueOrDefault(answerId);

    private Dictionary<string, Question>? _owners;

    [JsonIgnore]
    public IEnumerable<Question> Questions => Parts.SelectMany(p => p.Questions);

    /// <summary>The answer fields in codebook order: a ranking question contributes one field per item.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AnswerIds => _answerIds ??= Questions.SelectMany(q => q.AnswerIds).ToList();

    private IReadOnlyList<string>? _answerIds;
}

public sealed record AnswerSet(IReadOnlyList<AnswerOption> Options, AnswerOption? DontKnow = null);

public sealed record AnswerOption(string Code, string Label, bool Exclusive = false, string? OtherText = null);

public sealed record Part(int Number, string Title, string? Description, IReadOnlyList<Section> Sections)
{
    [JsonIgnore]
    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>A question of this part is shown depending on an answer in another part: a save must see the stored answers.</summary>
    [JsonIgnore]
    public bool RefersToOtherParts => Questions.Any(q => q.ShowIf is { } c && !Questions.Any(o => o.Id == c.Question));
}

public sealed record Section(string Title, string? Description, IReadOnlyList<Question> Questions);

[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    /// <summary>One option from an answer set (e.g. LIKERT5), optionally with "weet niet".</summary>
    [JsonStringEnumMemberName("single")]
    SingleChoice,
    /// <summary>Several options, codes joined with '|'; an option can be exclusive or carry an "anders" text question.</summary>
    [JsonStringEnumMemberName("multiple")]
    MultipleChoice,
    /// <summary>A whole number within [Min, Max].</summary>
    [JsonStringEnumMemberName("integer")]
    WholeNumber,
    /// <summary>A permutation of 1..n over the items, each item its own answer field; all empty is allowed.</summary>
    [JsonStringEnumMemberName("ranking")]
    Ranking,
    /// <summary>Free text up to MaxLength characters.</summary>
    [JsonStringEnumMemberName("text")]
    Text,
}

public sealed record Question(
    string Id,
    QuestionType Type,
    string Text,
    string? Help = null,
    string? AnswerSet = null,
    int? Min = null,
    int? Max = null,
    int? MaxLength = null,
    bool Required = false,
    IReadOnlyList<RankingItem>? Items = null,
    Condition? ShowIf = null,
    string? MapsTo = null)
{
    [JsonIgnore]
    public IEnumerable<string> AnswerIds => Type == QuestionType.Ranking ? Items!.Select(i => i.Id) : [Id];
}

public sealed record RankingItem(string Id, string Label, string? MapsTo = null);

/// <summary>Show a question only when another (multiple choice) answer contains a code.</summary>
public sealed record Condition(string Question, string Contains);
