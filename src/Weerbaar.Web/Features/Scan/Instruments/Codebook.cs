using System.Globalization;
using System.Text.Json.Serialization;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Instruments;

/// <summary>
/// The codebook of an instrument: one variable per column of the response file (DESIGN.md "Response file"), in the
/// file's column order, with what a statistician needs to read the file into SPSS or R — labels, types,
/// measurement levels, value labels, missing values, ranges and conditions. Built from the instrument alone.
/// </summary>
public sealed record Codebook(
    string Instrument,
    string Title,
    string? Previous,
    string Encoding,
    string Delimiter,
    string MultipleSeparator,
    IReadOnlyList<string> Notes,
    IReadOnlyList<CodebookVariable> Variables);

public sealed record CodebookVariable(
    int Position,
    string Name,
    string Label,
    string? Question,
    int? Part,
    string? PartTitle,
    string? Section,
    VariableType Type,
    MeasurementLevel MeasurementLevel,
    ValueStorage Storage,
    IReadOnlyList<ValueLabel> ValueLabels,
    IReadOnlyList<MissingValue> MissingValues,
    int? Min,
    int? Max,
    int? MaxLength,
    string? Separator,
    IReadOnlyList<string>? ExclusiveCodes,
    VariableCondition? Condition,
    string? Format,
    string? Help,
    string? Note);

/// <summary>A code and its Dutch label (also for the codes that count as missing, such as WN).</summary>
public sealed record ValueLabel(string Code, string Label);

/// <summary>A value that is not a substantive answer; <see cref="Code"/> "" is the empty cell.</summary>
public sealed record MissingValue(string Code, MissingKind Kind, string Label);

/// <summary>The variable is filled only when <see cref="Variable"/> (multiple choice) contains <see cref="Contains"/>.</summary>
public sealed record VariableCondition(string Variable, string Contains, string Description);

[JsonConverter(typeof(JsonStringEnumConverter<VariableType>))]
public enum VariableType
{
    /// <summary>An identifier (respondent, gemeentecode).</summary>
    [JsonStringEnumMemberName("id")]
    Id,
    /// <summary>A date or date-time (ISO 8601).</summary>
    [JsonStringEnumMemberName("date")]
    Date,
    /// <summary>One code from an answer set.</summary>
    [JsonStringEnumMemberName("single")]
    SingleChoice,
    /// <summary>Several codes, joined with the separator.</summary>
    [JsonStringEnumMemberName("multiple")]
    MultipleChoice,
    /// <summary>A whole number within [min, max].</summary>
    [JsonStringEnumMemberName("scale")]
    Scale,
    /// <summary>A position in a ranking (1 = first).</summary>
    [JsonStringEnumMemberName("rank")]
    Rank,
    /// <summary>Free text.</summary>
    [JsonStringEnumMemberName("open")]
    Open,
}

/// <summary>The measurement level as SPSS names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeasurementLevel>))]
public enum MeasurementLevel
{
    [JsonStringEnumMemberName("nominal")]
    Nominal,
    [JsonStringEnumMemberName("ordinal")]
    Ordinal,
    [JsonStringEnumMemberName("scale")]
    Scale,
}

/// <summary>How the values are written in the file: integers only, or text (codes such as WN or OOV|CRISIS, dates, free text).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueStorage>))]
public enum ValueStorage
{
    [JsonStringEnumMemberName("integer")]
    WholeNumber,
    [JsonStringEnumMemberName("text")]
    Text,
}

[JsonConverter(typeof(JsonStringEnumConverter<MissingKind>))]
public enum MissingKind
{
    /// <summary>An answer option that says "weet niet / geen antwoord mogelijk".</summary>
    [JsonStringEnumMemberName("dontKnow")]
    DontKnow,
    /// <summary>The empty cell: not answered (or not applicable, or unknown; see the label).</summary>
    [JsonStringEnumMemberName("empty")]
    Empty,
}

public static class CodebookBuilder
{
    public static Codebook Build(Instrument instrument)
    {
        var sep = AnswerValidator.MultipleSeparator.ToString();
        // A question text that occurs more than once (the same question per pillar) gets its section as prefix.
        var repeatedTexts = instrument.Questions.Where(q => q.Type != QuestionType.Ranking)
            .GroupBy(q => q.Text, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var places = new Dictionary<string, (Part Part, Section Section)>(StringComparer.Ordinal);
        foreach (var part in instrument.Parts)
        {
            foreach (var section in part.Sections)
            {
                foreach (var q in section.Questions)
                {
                    places[q.Id] = (part, section);
                }
            }
        }

        var variables = new List<CodebookVariable>();
        foreach (var column in ResponseCsv.Header(instrument))
        {
            var position = variables.Count + 1;
            variables.Add(column switch
            {
                ResponseCsv.RespondentColumn => Fixed(position, column, "Respondent (id, uniek binnen de ronde)", VariableType.Id, MeasurementLevel.Nominal,
                    [], null, $"Altijd ingevuld; hoogstens {ResponseCsv.MaxRespondentLength} tekens."),
                ResponseCsv.GemeenteColumn => Fixed(position, column, "Gemeentecode van het CBS in het jaar van de ronde", VariableType.Id, MeasurementLevel.Nominal,
                    [], "GM gevolgd door vier cijfers (bijvoorbeeld GM0363)", "Altijd ingevuld."),
                ResponseCsv.CompletedColumn => Fixed(position, column, "Datum (en tijd) van invullen", VariableType.Date, MeasurementLevel.Scale,
                    [new MissingValue("", MissingKind.Empty, "Leeg: onbekend")], "ISO 8601 (bijvoorbeeld 2025-12-15 of 2025-12-15T10:30:00+01:00)", null),
                _ => Answer(instrument, column, position, places, repeatedTexts, sep),
            });
        }

        var notes = new List<string>
        {
            "Eén rij per respons; de kolommen staan in de volgorde van dit codeboek.",
            "Een lege cel betekent: niet beantwoord (of niet van toepassing als de variabele een voorwaarde heeft). Geen enkele vraag is verplicht.",
            $"Bij meerkeuzevragen staan de gekozen codes in één cel, gescheiden door '{sep}'.",
            "Vrije tekst die begint met = + - of @ staat in het bestand met een ' ervoor, zodat een spreadsheet er geen formule van maakt.",
        };
        var dontKnow = instrument.AnswerSets.Values.Select(s => s.DontKnow).OfType<AnswerOption>().DistinctBy(o => o.Code).ToList();
        if (dontKnow.Count > 0)
        {
            notes.Insert(2, $"De code(s) {string.Join(", ", dontKnow.Select(o => $"{o.Code} ('{o.Label}')"))} zijn geen waarde op de schaal: "
                + "behandel ze als ontbrekend (user-missing) voordat u gemiddelden of toetsen berekent.");
        }
        return new Codebook(instrument.Id, instrument.Title, instrument.Previous, "UTF-8", ",", sep, notes, variables);
    }

    private static CodebookVariable Fixed(int position, string name, string label, VariableType type, MeasurementLevel level,
        IReadOnlyList<MissingValue> missing, string? format, string? note)
        => new(position, name, label, null, null, null, null, type, level, ValueStorage.Text, [], missing,
            null, null, null, null, null, null, format, null, note);

    private static CodebookVariable Answer(Instrument instrument, string column, int position,
        Dictionary<string, (Part Part, Section Section)> places, HashSet<string> repeatedTexts, string sep)
    {
        var q = instrument.QuestionOf(column) ?? throw new InvalidOperationException($"Kolom {column} hoort bij geen vraag van {instrument.Id}.");
        var (part, section) = places[q.Id];
        var empty = new MissingValue("", MissingKind.Empty, q.ShowIf is null ? "Leeg: niet beantwoord" : "Leeg: niet beantwoord of niet van toepassing");
        VariableCondition? condition = null;
        if (q.ShowIf is { } c)
        {
            var optionLabel = OptionLabel(instrument, c.Question, c.Contains);
            condition = new VariableCondition(c.Question, c.Contains, $"Alleen ingevuld als bij {c.Question} '{optionLabel}' ({c.Contains}) is gekozen; anders leeg.");
        }
        var label = repeatedTexts.Contains(q.Text) ? $"{section.Title}: {q.Text}" : q.Text;
        var variable = new CodebookVariable(position, column, label, q.Id, part.Number, part.Title, section.Title,
            VariableType.Open, MeasurementLevel.Nominal, ValueStorage.Text, [], [empty], null, null, null, null, null, condition, null, q.Help, null);

        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                {
                    var set = instrument.AnswerSets[q.AnswerSet!];
                    var labels = set.Options.Select(o => new ValueLabel(o.Code, o.Label)).ToList();
                    var missing = new List<MissingValue>();
                    if (set.DontKnow is { } dk)
                    {
                        labels.Add(new ValueLabel(dk.Code, dk.Label));
                        missing.Add(new MissingValue(dk.Code, MissingKind.DontKnow, dk.Label));
                    }
                    missing.Add(empty);
                    var numbers = set.Options.Select(o => int.TryParse(o.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
                    // Integer codes in ascending order (a Likert scale) are ordinal; any other answer set is nominal.
                    var ordered = numbers.All(n => n is not null) && numbers.Zip(numbers.Skip(1)).All(p => p.First < p.Second);
                    var integerOnly = numbers.All(n => n is not null) && set.DontKnow is null;
                    return variable with
                    {
                        Type = VariableType.SingleChoice,
                        MeasurementLevel = ordered ? MeasurementLevel.Ordinal : MeasurementLevel.Nominal,
                        Storage = integerOnly ? ValueStorage.WholeNumber : ValueStorage.Text,
                        ValueLabels = labels,
                        MissingValues = missing,
                        Min = ordered ? numbers[0] : null,
                        Max = ordered ? numbers[^1] : null,
                        Note = $"Antwoordset {q.AnswerSet}: één code.",
                    };
                }
            case QuestionType.MultipleChoice:
                {
                    var set = instrument.AnswerSets[q.AnswerSet!];
                    var exclusive = set.Options.Where(o => o.Exclusive).ToList();
                    var note = new List<string> { $"Antwoordset {q.AnswerSet}: een of meer codes, gescheiden door '{sep}'." };
                    note.AddRange(exclusive.Select(o => $"{o.Code} ('{o.Label}') sluit de andere codes uit."));
                    note.AddRange(set.Options.Where(o => o.OtherText is not null).Select(o => $"Bij {o.Code} staat de toelichting in {o.OtherText}."));
                    return variable with
                    {
                        Type = VariableType.MultipleChoice,
                        ValueLabels = set.Options.Select(o => new ValueLabel(o.Code, o.Label)).ToList(),
                        Separator = sep,
                        ExclusiveCodes = exclusive.Select(o => o.Code).ToList(),
                        Note = string.Join(" ", note),
                    };
                }
            case QuestionType.WholeNumber:
                return variable with
                {
                    Type = VariableType.Scale,
                    MeasurementLevel = MeasurementLevel.Scale,
                    Storage = ValueStorage.WholeNumber,
                    Min = q.Min,
                    Max = q.Max,
                    Note = $"Geheel getal van {q.Min} tot en met {q.Max}.",
                };
            case QuestionType.Ranking:
                {
                    var item = q.Items!.First(i => i.Id == column);
                    var n = q.Items!.Count;
                    return variable with
                    {
                        Label = $"{item.Label}: {q.Text}",
                        Type = VariableType.Rank,
                        MeasurementLevel = MeasurementLevel.Ordinal,
                        Storage = ValueStorage.WholeNumber,
                        MissingValues = [empty with { Label = "Leeg: geen rangorde gegeven (dan zijn alle posities van deze rangorde leeg)" }],
                        Min = 1,
                        Max = n,
                        Note = $"Positie in de rangorde {q.Id} (1 = eerste). De posities van {string.Join(", ", q.Items!.Select(i => i.Id))} "
                            + $"vormen samen een permutatie van 1 tot en met {n}, of zijn alle leeg.",
                    };
                }
            case QuestionType.Text:
                return variable with
                {
                    MaxLength = q.MaxLength,
                    Note = $"Vrije tekst, hoogstens {q.MaxLength} tekens.",
                };
            default:
                throw new InvalidOperationException($"Onbekend vraagtype {q.Type} bij {q.Id}.");
        }
    }

    private static string OptionLabel(Instrument instrument, string questionId, string code)
        => instrument.QuestionOf(questionId) is { AnswerSet: { } set } && instrument.AnswerSets.TryGetValue(set, out var answers)
            ? answers.Options.FirstOrDefault(o => o.Code == code)?.Label ?? code
            : code;
}
